import * as Automerge from '@automerge/automerge'
import type { DocumentId, Repo, StorageAdapterInterface } from '@automerge/automerge-repo'
import { DamagedDocumentError } from '../errors'
import { documentKind, plainDocument, type PlainDocument } from '../../../shared/automerge/plain-document'
import { toPlain } from '../../../shared/automerge/registers'

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
  const all = await storedBytes(storage, documentId)
  if (!all) return undefined
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

/**
 * As `readCurrentDocument`, the document read plain (`PlainDocument`): one from disk is read
 * straight from Automerge's own copy, with its registers' strings as plain strings, and freed.
 * Building the document object (each map and list with its hidden properties) and then copying it
 * plain was most of what the index spent on a case; the bytes are read as leniently as
 * `loadStoredDocument` reads them, and one it refuses is refused here too.
 */
export async function readCurrentPlain<R>(
  repo: Repo,
  storage: StorageAdapterInterface,
  documentId: string,
  read: (doc: PlainDocument) => R,
): Promise<R | undefined> {
  const handle = repo.handles[documentId as DocumentId]
  if (handle?.isReady()) return read(plainDocument(handle.doc() as Automerge.Doc<unknown>))
  const all = await storedBytes(storage, documentId)
  if (!all) return undefined
  const empty = Automerge.init<unknown>()
  const backend = Automerge.getBackend(empty)
  let value: Record<string, unknown>
  let heads: string[]
  try {
    try {
      // Into an empty document, Automerge loads the bytes whole, as far as they parse: what
      // `loadStoredDocument` comes to, strictly or, for a damaged tail, leniently.
      backend.loadIncremental(all)
      // A register's value as its plain string, not an ImmutableString, and a counter as `toPlain`
      // copies one (`{ value }`): the reading does `toPlain`'s work. Automerge takes a plain string
      // only with no way back given, and an object only with one (never used: nothing is written).
      const registers = backend as unknown as { registerDatatype(datatype: string, construct: (stored: unknown) => unknown, back?: (value: unknown) => unknown): void }
      registers.registerDatatype('str', (text) => text)
      registers.registerDatatype('counter', (count) => ({ value: count }), (value) => (value as { value?: unknown } | null)?.value)
      const materialized = backend.materialize('/') as Record<string, unknown>
      // A key named `__proto__` is set as a prototype, not kept: such a document (only ever a
      // hostile or broken one) is read as `toPlain` reads the repo's copy, its own keys alone.
      value = plainThroughout(materialized) ? materialized : toPlain<Record<string, unknown>>(materialized as never)
      heads = backend.getHeads()
    } catch {
      // Bytes Automerge loads but cannot read out are no more readable to the repo.
      throw new DamagedDocumentError(documentId)
    }
    return read({
      kind: documentKind(value.kind),
      value,
      heads,
      conflicts(path, key) {
        let map = '_root'
        for (const part of path) {
          const at = backend.getWithType(map, part)
          if (at?.[0] !== 'map') return []
          map = at[1]
        }
        const values = backend.getAll(map, key)
        // An object's copy by its id, a scalar's as its value (as `getConflicts` gives them).
        return values.length < 2 ? [] : values.map((full) => (full.length === 2 ? backend.materialize(full[1]) : full[1]))
      },
    })
  } finally {
    Automerge.free(empty)
  }
}

/** Whether every map of a value read out of Automerge is a plain object (none given a prototype by a `__proto__` key). */
function plainThroughout(value: unknown): boolean {
  if (Array.isArray(value)) return value.every(plainThroughout)
  if (typeof value !== 'object' || value === null || value instanceof Date || value instanceof Uint8Array) return true
  return Object.getPrototypeOf(value) === Object.prototype && Object.values(value).every(plainThroughout)
}

/**
 * A document's bytes on disk, in one buffer: snapshots first, then the incremental changes saved
 * since, as automerge-repo loads them. Loaded in one go: a case of 40 notes saved as 41 chunks
 * loads about 7 times faster than chunk by chunk (each step works out and applies patches), and a
 * fresh laptop indexes every case it receives this way.
 */
async function storedBytes(storage: StorageAdapterInterface, documentId: string): Promise<Uint8Array | undefined> {
  const chunks = await storage.loadRange([documentId])
  const ordered = [
    ...chunks.filter((chunk) => chunk.key[1] === 'snapshot'),
    ...chunks.filter((chunk) => chunk.key[1] === 'incremental'),
  ].flatMap((chunk) => (chunk.data ? [chunk.data] : []))
  return ordered.length === 0 ? undefined : Buffer.concat(ordered)
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
