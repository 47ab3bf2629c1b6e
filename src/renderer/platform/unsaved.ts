import { useSyncExternalStore } from 'react'
import { decodeHeads, type DocHandle, type Repo } from '@automerge/automerge-repo/slim'
import { peerHasAllChanges } from '../../shared/automerge/sync-state'

/**
 * Which open cases have changes the core has not yet confirmed. While any do, the window says so
 * and asks before it is closed or reloaded, so nothing typed is lost by leaving too soon.
 */
const unsaved = new Set<string>()
const listeners = new Set<() => void>()
let snapshot = 0

function markUnsaved(caseId: string, isUnsaved: boolean): void {
  const had = unsaved.has(caseId)
  if (isUnsaved === had) return
  if (isUnsaved) unsaved.add(caseId)
  else unsaved.delete(caseId)
  snapshot++
  for (const listener of listeners) listener()
}

const tracking = new Set<string>()

/**
 * After a change in this window, watches the document until the core reports holding every change
 * (its heads, as the repo learns them during sync). Keeps watching if the page moves on.
 */
export function trackUntilSaved(repo: Repo, handle: DocHandle<unknown>): void {
  const id = handle.documentId
  const check = () => {
    const theirs = coreHeads(repo, handle)
    const saved = peerHasAllChanges(handle.doc(), theirs)
    markUnsaved(id, !saved)
    if (saved) {
      handle.off('remote-heads', check)
      handle.off('change', check)
      tracking.delete(id)
    }
  }
  if (!tracking.has(id)) {
    tracking.add(id)
    handle.on('remote-heads', check)
    handle.on('change', check)
  }
  check()
}

/** The heads of a document the core has told this window it holds. */
function coreHeads(repo: Repo, handle: DocHandle<unknown>): string[] | undefined {
  for (const peer of repo.peers) {
    const storageId = repo.getStorageIdOfPeer(peer)
    const heads = storageId ? handle.getSyncInfo(storageId)?.lastHeads : undefined
    if (heads) return decodeHeads(heads)
  }
  return undefined
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
