import { useCallback, useState } from 'react'
import type { FormValues } from '../../shared/forms/fields'

/**
 * An unsaved form: what was typed, and the stored values it started from (so a save writes only
 * what this person changed, never over a colleague's edit to another field). Kept in this window's
 * session storage until saved or cancelled, so a reload or a wander elsewhere loses nothing.
 */
export interface FormDraft {
  values: FormValues
  base: Record<string, unknown>
}

const PREFIX = 'homeward-draft:'

function load(key: string): FormDraft | undefined {
  try {
    const saved = sessionStorage.getItem(PREFIX + key)
    return saved ? (JSON.parse(saved) as FormDraft) : undefined
  } catch {
    return undefined
  }
}

export function useFormDraft(key: string): [FormDraft | undefined, (draft: FormDraft) => void, () => void] {
  const [draft, setDraft] = useState<FormDraft | undefined>(() => load(key))
  const save = useCallback(
    (next: FormDraft) => {
      setDraft(next)
      sessionStorage.setItem(PREFIX + key, JSON.stringify(next))
    },
    [key],
  )
  const clear = useCallback(() => {
    setDraft(undefined)
    sessionStorage.removeItem(PREFIX + key)
  }, [key])
  return [draft, save, clear]
}

/**
 * The values of a form of text fields (a note, a new referral), kept in this window's session
 * storage in the same way, until `clear` when the form is saved.
 */
export function useDraft<T extends Record<string, string>>(key: string, initial: T): [T, (values: T) => void, () => void] {
  // Read once: a form for another draft (another case) is a new component, with its own key.
  const [values, setValues] = useState<T>(() => restore(PREFIX + key, initial))

  const update = useCallback(
    (next: T) => {
      setValues(next)
      sessionStorage.setItem(PREFIX + key, JSON.stringify(next))
    },
    [key],
  )
  const clear = useCallback(() => {
    sessionStorage.removeItem(PREFIX + key)
    setValues(initial)
  }, [key, initial])
  return [values, update, clear]
}

function restore<T extends Record<string, string>>(storageKey: string, initial: T): T {
  try {
    const saved = sessionStorage.getItem(storageKey)
    return saved ? { ...initial, ...(JSON.parse(saved) as Partial<T>) } : initial
  } catch {
    return initial
  }
}
