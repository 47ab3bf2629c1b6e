import { useSyncExternalStore } from 'react'

/**
 * Which open cases have changes the core has not yet confirmed. While any do, the window says so
 * and asks before it is closed or reloaded, so nothing typed is lost by leaving too soon. Which
 * are is worked out where a case is edited (`track-until-saved.ts`, with Automerge); the footer
 * reads only this, so that every page can show it without loading Automerge.
 */
const unsaved = new Set<string>()
const listeners = new Set<() => void>()
let snapshot = 0

export function markUnsaved(caseId: string, isUnsaved: boolean): void {
  const had = unsaved.has(caseId)
  if (isUnsaved === had) return
  if (isUnsaved) unsaved.add(caseId)
  else unsaved.delete(caseId)
  snapshot++
  for (const listener of listeners) listener()
}

function useStore<T>(read: () => T): T {
  useSyncExternalStore(
    (listener) => {
      listeners.add(listener)
      return () => listeners.delete(listener)
    },
    () => snapshot,
  )
  return read()
}

/** How many documents have changes the core has not confirmed. */
export function useUnsavedCount(): number {
  return useStore(() => unsaved.size)
}

/** Whether one document's changes are all with the core. */
export function useIsSaved(documentId: string): boolean {
  return useStore(() => !unsaved.has(documentId))
}

window.addEventListener('beforeunload', (event) => {
  if (unsaved.size > 0) event.preventDefault()
})
