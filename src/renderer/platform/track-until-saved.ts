import { decodeHeads, type DocHandle, type Repo } from '@automerge/automerge-repo/slim'
import { peerHasAllChanges } from '../../shared/automerge/sync-state'
import { markUnsaved } from './unsaved'

/** The documents watched, each with its watcher. */
const tracking = new Map<string, { handle: DocHandle<unknown>; check: () => void }>()
/** Old documents whose changes this window carries onto their new one (carry-over.ts): saved as that one is. */
const savedAsAnother = new Set<string>()

/**
 * After a change in this window, watches the document until the core reports holding every change
 * (its heads, as the repo learns them during sync). Keeps watching if the page moves on.
 */
export function trackUntilSaved(repo: Repo, handle: DocHandle<unknown>): void {
  const id = handle.documentId
  if (savedAsAnother.has(id)) return
  const check = () => {
    const theirs = coreHeads(repo, handle)
    const saved = peerHasAllChanges(handle.doc(), theirs)
    markUnsaved(id, !saved)
    if (saved) stopTracking(id)
  }
  if (!tracking.has(id)) {
    tracking.set(id, { handle, check })
    handle.on('remote-heads', check)
    handle.on('change', check)
  }
  check()
}

/**
 * An old document this window carries onto the one that replaced it (`carryOverTyping`): the core
 * let it go and never holds its changes again, so it is not watched; the new one is.
 */
export function savedAs(oldId: string, repo: Repo, fresh: DocHandle<unknown>): void {
  savedAsAnother.add(oldId)
  stopTracking(oldId)
  markUnsaved(oldId, false)
  trackUntilSaved(repo, fresh)
}

function stopTracking(id: string): void {
  const tracked = tracking.get(id)
  if (!tracked) return
  tracked.handle.off('remote-heads', tracked.check)
  tracked.handle.off('change', tracked.check)
  tracking.delete(id)
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
