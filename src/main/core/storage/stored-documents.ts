import * as Automerge from '@automerge/automerge'
import type { DocumentId, Repo, StorageAdapterInterface } from '@automerge/automerge-repo'

/**
 * Reads a document straight from storage, without the repo. The repo keeps every document it
 * touches in memory, and its only way to let one go (`removeFromCache`, automerge-repo 2.5.6,
 * upstream issue #435) saves an empty document over the real one. Work over many documents (the
 * index rebuild, catching up after a crash) reads bytes here instead and lets them go.
 */
export async function loadStoredDocument<T>(
  storage: StorageAdapterInterface,
  documentId: string,
): Promise<Automerge.Doc<T> | undefined> {
  const chunks = await storage.loadRange([documentId])
  // As automerge-repo loads: snapshots first, then the incremental changes saved since.
  const ordered = [
    ...chunks.filter((chunk) => chunk.key[1] === 'snapshot'),
    ...chunks.filter((chunk) => chunk.key[1] === 'incremental'),
  ]
  if (ordered.length === 0) return undefined
  let doc = Automerge.init<T>()
  for (const chunk of ordered) {
    if (chunk.data) doc = Automerge.loadIncremental(doc, chunk.data)
  }
  return doc
}

/**
 * A document as it is now: the repo's copy where it has one in hand, else read from disk (and let
 * go), for work that goes through many documents.
 */
export async function currentDocument<T>(repo: Repo, storage: StorageAdapterInterface, documentId: string): Promise<Automerge.Doc<T> | undefined> {
  const handle = repo.handles[documentId as DocumentId]
  if (handle?.isReady()) return handle.doc() as Automerge.Doc<T>
  return loadStoredDocument<T>(storage, documentId)
}
