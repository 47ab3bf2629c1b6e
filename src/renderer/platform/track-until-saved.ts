import { decodeHeads, type DocHandle, type Repo } from '@automerge/automerge-repo/slim'
import { peerHasAllChanges } from '../../shared/automerge/sync-state'
import { markUnsaved } from './unsaved'

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
