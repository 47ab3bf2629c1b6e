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

export function useFormDraft(key: string): [FormDraft | undefined, (draft: FormDraft) => void, () => void] {
  return useStored<FormDraft | undefined>(key, (saved) => (saved as FormDraft | null) ?? undefined, undefined)
}

/**
 * The values of a form of text fields (a note, a new referral), kept in the same way until
 * `clear` when the form is saved.
 */
export function useDraft<T extends Record<string, string>>(key: string, initial: T): [T, (values: T) => void, () => void] {
  return useStored<T>(key, (saved) => (saved ? { ...initial, ...(saved as Partial<T>) } : initial), initial)
}

const PREFIX = 'homeward-draft:'

/** A draft in this window's session storage: read once (a form for another draft is a new component, with its own key). */
function useStored<T>(key: string, restore: (saved: unknown) => T, empty: T): [T, (next: T) => void, () => void] {
  const [value, setValue] = useState<T>(() => {
    try {
      return restore(JSON.parse(sessionStorage.getItem(PREFIX + key) ?? 'null'))
    } catch {
      return empty
    }
  })
  const save = useCallback(
    (next: T) => {
      setValue(next)
      sessionStorage.setItem(PREFIX + key, JSON.stringify(next))
    },
    [key],
  )
  const clear = useCallback(() => {
    setValue(empty)
    sessionStorage.removeItem(PREFIX + key)
  }, [key, empty])
  return [value, save, clear]
}
