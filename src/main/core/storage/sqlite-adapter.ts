import type { Chunk, StorageAdapterInterface, StorageKey } from '@automerge/automerge-repo'
import { newToTheTeam, type SyncOutbox } from '../sync/outbox'
import type { ChangeAttestations } from '../sync/attestations'
import type { ChunkAuthors } from '../../../shared/sync/protocol'
import type { SqliteDatabase } from '../../../node/sqlite'
import { FileCopies, type FileCopy } from './file-copies'

/**
 * automerge-repo storage on SQLite. Keys are stored as JSON arrays, so a key prefix matches on
 * whole segments (`["doc1"]` never matches `["doc10", ...]`), and rows come back in the order they
 * were first saved (rowid), which automerge-repo relies on for incremental chunks.
 *
 * better-sqlite3 is synchronous: when a promise from `save` resolves, the row is committed.
 */
export class SqliteStorageAdapter implements StorageAdapterInterface {
  readonly #statements
  /** Documents never to be written here again: erased, or the old document of a corrected case. */
  readonly #retired = new Set<string>()
  /** Documents withheld from this laptop now (restricted to others), until the team allows them again. */
  #withheld: ReadonlySet<string> = new Set()
  /** Scanned files' bytes beside their documents, deleted with them (`file-copies.ts`). */
  readonly #copies: FileCopies

  constructor(
    private readonly db: SqliteDatabase,
    private readonly options: {
      journal?: ChangeJournal
      /** Where this laptop's own new chunks wait for the team's server. */
      outbox?: SyncOutbox
      /** Who sent each change: this laptop's own as they go to the outbox, others' as they arrive. */
      attestations?: ChangeAttestations
      /** Called once a chunk is committed to disk. */
      afterSave?: (key: StorageKey) => void
      /** Told, in the chunk's transaction, of a document this laptop saved new work on (the audit's changes). */
      savedHere?: (documentId: string) => void
    } = {},
  ) {
    db.exec(`
      CREATE TABLE IF NOT EXISTS automerge_chunks (
        key TEXT NOT NULL UNIQUE,
        data BLOB NOT NULL
      )`)
    this.#statements = {
      load: db.prepare<[string], { data: Buffer }>('SELECT data FROM automerge_chunks WHERE key = ?'),
      save: db.prepare<[string, Uint8Array]>(
        'INSERT INTO automerge_chunks (key, data) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET data = excluded.data',
      ),
      remove: db.prepare<[string]>('DELETE FROM automerge_chunks WHERE key = ?'),
      loadRange: db.prepare<[string, string, string], { key: string; data: Buffer }>(
        'SELECT key, data FROM automerge_chunks WHERE key = ? OR (key >= ? AND key < ?) ORDER BY rowid',
      ),
      loadAll: db.prepare<[], { key: string; data: Buffer }>('SELECT key, data FROM automerge_chunks ORDER BY rowid'),
      removeRange: db.prepare<[string, string, string]>(
        'DELETE FROM automerge_chunks WHERE key = ? OR (key >= ? AND key < ?)',
      ),
      removeAll: db.prepare('DELETE FROM automerge_chunks'),
      exists: db.prepare<[string, string, string], { found: number }>(
        'SELECT 1 AS found FROM automerge_chunks WHERE key = ? OR (key >= ? AND key < ?) LIMIT 1',
      ),
    }
    this.#copies = new FileCopies(db)
    this.#keepCopy = db.transaction((documentId: string, copy: FileCopy) => {
      if (this.#retired.has(documentId) || this.#withheld.has(documentId)) return
      if (!this.#statements.exists.get(...prefixRange([documentId]))) return
      this.#copies.put(documentId, copy)
    })
    this.#removeRange = db.transaction((keyPrefix: StorageKey) => {
      if (keyPrefix.length === 0) {
        this.#statements.removeAll.run()
        this.#copies.removeAll()
      } else {
        this.#statements.removeRange.run(...prefixRange(keyPrefix))
        if (keyPrefix.length === 1) this.#copies.remove(keyPrefix[0]!)
      }
    })
    this.#saveAndJournal = db.transaction((key: StorageKey, data: Uint8Array, local: boolean, by?: string, authors?: ChunkAuthors) => {
      const outgoing = local && isContent(key) && this.options.outbox?.enabled ? newToTheTeam(key[1] === 'snapshot', data, () => this.#storedContent(key[0]!)) : undefined
      this.#statements.save.run(encodeKey(key), data)
      this.options.journal?.record(key)
      if (outgoing) {
        this.options.outbox!.record(key[0]!, outgoing)
        this.options.attestations?.madeHere(key[0]!, outgoing)
      }
      if (!local && isContent(key)) this.options.attestations?.fromServer(key[0]!, data, by, authors)
      // In a team, new work is what goes to the server; alone, every save of content is this laptop's.
      if (local && isContent(key) && (outgoing || !this.options.outbox?.enabled)) this.options.savedHere?.(key[0]!)
    })
  }

  readonly #saveAndJournal: (key: StorageKey, data: Uint8Array, local: boolean, by?: string, authors?: ChunkAuthors) => void
  readonly #keepCopy: (documentId: string, copy: FileCopy) => void
  readonly #removeRange: (keyPrefix: StorageKey) => void

  /**
   * Keeps a copy of a scanned file's bytes beside its document, to read without loading the
   * document (`file-copies.ts`). Kept only while the document's chunks are here and it is neither
   * retired nor withheld, checked in the copy's own transaction: a copy made from a read that
   * overlapped the document's deletion is never written after it.
   */
  keepFileCopy(documentId: string, copy: FileCopy): void {
    if (this.db.open) this.#keepCopy(documentId, copy)
  }

  /** The copy of a scanned file kept beside its document, if there is one. The reader checks its hash. */
  fileCopy(documentId: string): FileCopy | undefined {
    return this.db.open ? this.#copies.get(documentId) : undefined
  }

  /** Deletes a copy that is not what its document holds (its bytes do not hash to what was recorded). */
  dropFileCopy(documentId: string): void {
    if (this.db.open) this.#copies.remove(documentId)
  }

  /** The document's snapshots and incremental chunks on disk, as they are before a save. */
  #storedContent(documentId: string): Uint8Array[] {
    return this.#statements.loadRange
      .all(...prefixRange([documentId]))
      .filter((row) => isContent(JSON.parse(row.key) as StorageKey))
      .map((row) => toUint8Array(row.data))
  }

  async load(key: StorageKey): Promise<Uint8Array | undefined> {
    const row = this.#statements.load.get(encodeKey(key))
    return row ? toUint8Array(row.data) : undefined
  }

  /**
   * Refuses, for good, every later save of these documents (erased, or retired by a correction):
   * letting go of an open copy does not cancel the repo's save on its timer, nor the empty copy it
   * saves after, and either would otherwise write the document back after its deletion (and into
   * the outbox, for the server to refuse). Their deletion need not wait for that timer.
   */
  retire(documentIds: Iterable<string>): void {
    for (const id of documentIds) this.#retired.add(id)
  }

  /** Whether this document was retired (`retire`): no peer is handed it, nor heard about it. */
  isRetired(documentId: string): boolean {
    return this.#retired.has(documentId)
  }

  /**
   * The documents withheld from this laptop now, in place of the last list: the repo's saves of
   * them are refused as a retired document's are, until one is allowed again (its restriction
   * cleared or widened) and left off this list.
   */
  withhold(documentIds: Iterable<string>): void {
    this.#withheld = new Set(documentIds)
  }

  /** The repo's own saves: this laptop's work, so also on its way to the team's server. */
  async save(key: StorageKey, data: Uint8Array): Promise<void> {
    if (key[0] !== undefined && (this.#retired.has(key[0]) || this.#withheld.has(key[0]))) return
    // The repo saves what it knows of a peer on a timer, which can fire after the workspace has
    // closed; that is only a shortcut for the next sync, so it is let go. Content never is.
    if (!this.db.open && key[1] === 'sync-state') return
    this.#saveAndJournal(key, data, true)
    this.options.afterSave?.(key)
    this.options.outbox?.notify()
  }

  /**
   * Saves many chunks in one transaction (a bulk import, a file attached, chunks from the team's
   * server): one disk sync instead of one each. `local` is false for what came from the server,
   * each chunk with the person whose device sent it (`by`), if the server said, or, for a chunk
   * the server compacted, who sent each of its changes (`authors`).
   */
  saveMany(all: { key: StorageKey; data: Uint8Array; by?: string; authors?: ChunkAuthors }[], options: { local: boolean }): void {
    // Not the withheld: the server sends a case allowed again with the team's change that allows
    // it, before this laptop has taken that change in and left the case off its list.
    const chunks = all.filter((chunk) => chunk.key[0] === undefined || !this.#retired.has(chunk.key[0]))
    this.db.transaction(() => {
      for (const chunk of chunks) this.#saveAndJournal(chunk.key, chunk.data, options.local, chunk.by, chunk.authors)
    })()
    for (const chunk of chunks) this.options.afterSave?.(chunk.key)
    if (options.local) this.options.outbox?.notify()
  }

  async remove(key: StorageKey): Promise<void> {
    // The repo compacts a document on its save timer: a snapshot saved, then the chunks it replaces
    // removed. For a retired or withheld document the save was refused and its chunks are already
    // deleted, and the timer may fire after the workspace closed: nothing is left to remove.
    if (key[0] !== undefined && (this.#retired.has(key[0]) || this.#withheld.has(key[0]))) return
    this.#statements.remove.run(encodeKey(key))
  }

  async loadRange(keyPrefix: StorageKey): Promise<Chunk[]> {
    const rows =
      keyPrefix.length === 0 ? this.#statements.loadAll.all() : this.#statements.loadRange.all(...prefixRange(keyPrefix))
    return rows.map((row) => ({ key: JSON.parse(row.key) as StorageKey, data: toUint8Array(row.data) }))
  }

  /** Deletes the chunks under a key prefix; a whole document's (or everything) takes its file copy too. */
  async removeRange(keyPrefix: StorageKey): Promise<void> {
    this.#removeRange(keyPrefix)
  }

  /**
   * Writes the log of recent changes back into the file and empties it: with secure_delete on,
   * what was just removed is then gone from the disk, not left in the log until the next
   * checkpoint. For removals of someone's documents, not for every save.
   */
  clearFreedPages(): void {
    this.db.pragma('wal_checkpoint(TRUNCATE)')
  }
}

/**
 * Records, in the same transaction as the chunk, which documents changed on disk, so the case
 * index can catch up after a crash between a save and its indexing.
 */
export class ChangeJournal {
  readonly #record
  readonly #pending
  readonly #clear
  readonly #db: SqliteDatabase
  /** Writes to the journal in this process, and each document's latest: see `clearAll`. */
  #writes = 0
  readonly #lastWrite = new Map<string, number>()

  constructor(db: SqliteDatabase) {
    this.#db = db
    db.exec('CREATE TABLE IF NOT EXISTS changed_documents (document_id TEXT PRIMARY KEY)')
    this.#record = db.prepare<[string]>('INSERT OR IGNORE INTO changed_documents (document_id) VALUES (?)')
    this.#pending = db.prepare<[], { document_id: string }>('SELECT document_id FROM changed_documents')
    this.#clear = db.prepare<[string]>('DELETE FROM changed_documents WHERE document_id = ?')
  }

  /** Only a document's content chunks count; sync states and other keys are not changes. */
  record(key: StorageKey): void {
    if (!isContent(key)) return
    this.#record.run(key[0]!)
    this.#lastWrite.set(key[0]!, ++this.#writes)
  }

  /**
   * Documents to index again though nothing of them was written (the team lists them again), in
   * one transaction: a laptop joining a team is told of every case at once, and a commit each cost
   * a disk flush each (a second at 1,000 cases on a quiet machine, more on a busy one).
   */
  noteAll(documentIds: readonly string[]): void {
    this.#db.transaction(() => {
      for (const id of documentIds) {
        this.#record.run(id)
        this.#lastWrite.set(id, ++this.#writes)
      }
    })()
  }

  pending(): string[] {
    return this.#pending.all().map((row) => row.document_id)
  }

  /** Where the journal is now: taken before reading documents to index, and given to `clearAll`. */
  mark(): number {
    return this.#writes
  }

  /**
   * Documents indexed as they were at `mark`, in one transaction. One written again since (a chunk
   * from the server arriving while its batch was read) stays pending, to be indexed again.
   */
  clearAll(documentIds: string[], mark: number): void {
    this.#db.transaction(() => {
      for (const id of documentIds) {
        if ((this.#lastWrite.get(id) ?? 0) > mark) continue
        this.#clear.run(id)
        this.#lastWrite.delete(id)
      }
    })()
  }
}

/** A document's content (not a sync state, not the adapter's own id). */
function isContent(key: StorageKey): boolean {
  return key[0] !== undefined && (key[1] === 'incremental' || key[1] === 'snapshot')
}

function encodeKey(key: StorageKey): string {
  return JSON.stringify(key)
}

/**
 * The exact key, then every longer key that starts with the same segments: their JSON begins
 * with the prefix's JSON minus its closing `]`, plus `,`. The range ends just past `,`.
 */
function prefixRange(keyPrefix: StorageKey): [string, string, string] {
  const exact = encodeKey(keyPrefix)
  const start = `${exact.slice(0, -1)},`
  const end = `${exact.slice(0, -1)}-`
  return [exact, start, end]
}

/** better-sqlite3 returns Buffers; automerge-repo expects plain Uint8Arrays. */
function toUint8Array(buffer: Buffer): Uint8Array {
  return new Uint8Array(buffer.buffer.slice(buffer.byteOffset, buffer.byteOffset + buffer.byteLength))
}
