import { useCallback, useState } from 'react'

/**
 * Form values that survive a reload or a wander to another page and back: kept in this window's
 * session storage (on this laptop, gone when the window closes) until the form is saved.
 */
export function useDraft<T extends Record<string, string>>(key: string, initial: T): [T, (values: T) => void, () => void] {
  const storageKey = `homeward-draft:${key}`
  // Read once: a form for another draft (another case) is a new component, with its own key.
  const [values, setValues] = useState<T>(() => restore(storageKey, initial))

  const update = useCallback(
    (next: T) => {
      setValues(next)
      sessionStorage.setItem(storageKey, JSON.stringify(next))
    },
    [storageKey],
  )
  const clear = useCallback(() => {
    sessionStorage.removeItem(storageKey)
    setValues(initial)
  }, [storageKey, initial])
  return [values, update, clear]
}

function restore<T extends Record<string, string>>(key: string, initial: T): T {
  try {
    const saved = sessionStorage.getItem(key)
    return saved ? { ...initial, ...(JSON.parse(saved) as Partial<T>) } : initial
  } catch {
    return initial
  }
}
