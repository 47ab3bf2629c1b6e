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
