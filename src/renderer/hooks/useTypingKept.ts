import { useEffect } from 'react'
import { useLocation } from 'react-router'

/**
 * Where the person was typing, if anywhere: the field and the place in it. A page following its
 * document to a new id (`useFollowRebuilt`) passes it as the navigation's state, so the rebuilt
 * page puts them back there (`useTypingKept`).
 */
export type TypingIn = { focus: string; selection?: [number, number] }

export function typingIn(): TypingIn | undefined {
  const field = document.activeElement
  if (!(field instanceof HTMLElement) || !field.id) return undefined
  return field instanceof HTMLTextAreaElement || field instanceof HTMLInputElement
    ? { focus: field.id, ...(field.selectionStart !== null && field.selectionEnd !== null ? { selection: [field.selectionStart, field.selectionEnd] as [number, number] } : {}) }
    : { focus: field.id }
}

/**
 * Puts the person back where they were typing when the page followed its document to its new id.
 * Used by a part of the page drawn only once the document is open, so that the field is there.
 */
export function useTypingKept(): void {
  const { state } = useLocation()
  useEffect(() => {
    const kept = state as TypingIn | null
    const field = kept?.focus ? document.getElementById(kept.focus) : null
    if (!field) return
    field.focus()
    if (kept?.selection && (field instanceof HTMLTextAreaElement || field instanceof HTMLInputElement)) field.setSelectionRange(...kept.selection)
  }, [state])
}
