import * as Automerge from '@automerge/automerge'
import type { DocumentId, Repo, StorageAdapterInterface } from '@automerge/automerge-repo'
import { DamagedDocumentError } from '../errors'

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
  ].flatMap((chunk) => (chunk.data ? [chunk.data] : []))
  if (ordered.length === 0) return undefined
  // Loaded in one go: a case of 40 notes saved as 41 chunks loads about 7 times faster than chunk
  // by chunk (each step works out and applies patches), and a fresh laptop indexes every case it
  // receives this way.
  const all = Buffer.concat(ordered)
  try {
    return Automerge.load<T>(all)
  } catch {
    // A damaged tail: the repo reads such a document leniently, as far as it parses, and so does
    // this, so that the index and the case the caseworker opens agree.
  }
  try {
    return Automerge.loadIncremental(Automerge.init<T>(), all)
  } catch {
    // Damaged further in (a checksum that does not match): the repo cannot read it either.
    throw new DamagedDocumentError(documentId)
  }
}

/**
 * Reads a document as it is now, through `read`: the repo's copy where it has one in hand, else
 * one read from disk for this call only. That one is freed as soon as `read` returns: Automerge
 * keeps a document in WebAssembly memory, which the garbage collector does not see filling, so
 * reading thousands one after another (the index rebuild, the monitoring report) otherwise grows
 * the process by about 80 MB per 1,000 cases and slows each read. `read` must return plain values,
 * nothing of the document itself.
 */
export async function readCurrentDocument<T, R>(
  repo: Repo,
  storage: StorageAdapterInterface,
  documentId: string,
  read: (doc: Automerge.Doc<T>) => R,
): Promise<R | undefined> {
  const handle = repo.handles[documentId as DocumentId]
  if (handle?.isReady()) return read(handle.doc() as Automerge.Doc<T>)
  return readStoredDocument<T, R>(storage, documentId, read)
}

/** As `readCurrentDocument`, for a document only ever read from disk. */
export async function readStoredDocument<T, R>(
  storage: StorageAdapterInterface,
  documentId: string,
  read: (doc: Automerge.Doc<T>) => R,
): Promise<R | undefined> {
  const doc = await loadStoredDocument<T>(storage, documentId)
  if (!doc) return undefined
  try {
    return read(doc)
  } finally {
    Automerge.free(doc)
  }
}
