import * as Automerge from '@automerge/automerge'
import type { SqliteDatabase } from '../../../node/sqlite'
import { changesInChunk } from '../../../node/chunk-changes'
import type { UnstoredChange } from '../../../shared/case/changes-to-replay'

/** A chunk waiting to go to the team's server. */
export interface OutgoingChunk {
  id: number
  documentId: string
  data: Uint8Array
  /** The person working here who made it (on a laptop several share, the server attests them by it). */
  by?: string
}

/**
 * What this laptop has written that the team's server has not yet acknowledged: the changes in
 * every document chunk saved here by this laptop's own work (never those that came from the
 * server: see `newToTheTeam`), recorded in the same transaction as the chunk itself, so nothing
 * done offline or before a crash is missed.
 * Kept only while the laptop is in a team.
 *
 * With each chunk of its own work it keeps the chunk's change hashes (`sync_outbox_changes`) until
 * the server stores it, and keeps them when the server refuses it for a document a correction
 * retired: a laptop that was behind the correction tells by them which of the old document's
 * changes are its own and not in the new one (`replayFrom`), until it has followed the correction.
 */
export class SyncOutbox {
  readonly #db: SqliteDatabase
  readonly #add
  readonly #count
  readonly #after
  readonly #remove
  readonly #addChanges
  readonly #stored
  readonly #unstored
  #enabled = false
  readonly #listeners = new Set<() => void>()

  constructor(
    db: SqliteDatabase,
    /** Who is working here now: a chunk is theirs (recorded with it, as it is made). */
    private readonly madeBy: () => string | undefined = () => undefined,
  ) {
    this.#db = db
    db.exec('CREATE TABLE IF NOT EXISTS sync_outbox (id INTEGER PRIMARY KEY AUTOINCREMENT, document_id TEXT NOT NULL, data BLOB NOT NULL)')
    // Who made each chunk: a laptop shared by several people says whose each upload is.
    const columns = new Set(db.prepare('SELECT name FROM pragma_table_info(?)').pluck().all('sync_outbox') as string[])
    if (!columns.has('person_id')) db.exec('ALTER TABLE sync_outbox ADD COLUMN person_id TEXT')
    this.#add = db.prepare<[string, Uint8Array, string | null]>('INSERT INTO sync_outbox (document_id, data, person_id) VALUES (?, ?, ?)')
    this.#count = db.prepare('SELECT COUNT(*) FROM sync_outbox').pluck()
    this.#after = db.prepare<[number, number], { id: number; document_id: string; data: Buffer; person_id: string | null }>(
      'SELECT id, document_id, data, person_id FROM sync_outbox WHERE id > ? ORDER BY id LIMIT ?',
    )
    this.#remove = db.prepare<[number]>('DELETE FROM sync_outbox WHERE id = ?')
    db.exec(`CREATE TABLE IF NOT EXISTS sync_outbox_changes (outbox_id INTEGER NOT NULL, document_id TEXT NOT NULL, hash TEXT NOT NULL, and_before INTEGER NOT NULL);
      CREATE INDEX IF NOT EXISTS sync_outbox_changes_outbox ON sync_outbox_changes (outbox_id);
      CREATE INDEX IF NOT EXISTS sync_outbox_changes_document ON sync_outbox_changes (document_id)`)
    this.#addChanges = db.prepare<[number | bigint, string, string, number]>('INSERT INTO sync_outbox_changes (outbox_id, document_id, hash, and_before) VALUES (?, ?, ?, ?)')
    this.#stored = db.prepare<[number]>('DELETE FROM sync_outbox_changes WHERE outbox_id = ?')
    this.#unstored = db.prepare<[string], { hash: string; and_before: number }>('SELECT hash, and_before FROM sync_outbox_changes WHERE document_id = ?')
  }

  /** Drops what is waiting to be sent of these documents (an erased case's: the server refuses it, and nothing of it may stay here). */
  forget(documentIds: readonly string[]): void {
    const forget = this.#db.prepare<[string]>('DELETE FROM sync_outbox WHERE document_id = ?')
    const forgetChanges = this.#db.prepare<[string]>('DELETE FROM sync_outbox_changes WHERE document_id = ?')
    this.#db.transaction(() => {
      for (const id of documentIds) {
        forget.run(id)
        forgetChanges.run(id)
      }
    })()
  }

  /** Recording starts when the laptop joins or creates a team, and stops when it leaves. */
  set enabled(enabled: boolean) {
    this.#enabled = enabled
  }

  get enabled(): boolean {
    return this.#enabled
  }

  /** Called inside the chunk's own transaction; tells listeners once the caller has committed. */
  record(documentId: string, data: Uint8Array): void {
    if (this.#enabled) this.#recordOwn(documentId, data, this.madeBy() ?? null)
  }

  /**
   * Many chunks at once, in one transaction. `madeHere` false: what this laptop holds of others'
   * work too (sent again to a server restored from a backup), so no hash of it is kept as its own.
   */
  recordAll(chunks: { documentId: string; data: Uint8Array }[], { madeHere }: { madeHere: boolean }): void {
    if (!this.#enabled) return
    this.#db.transaction(() => {
      const by = this.madeBy() ?? null
      for (const chunk of chunks) {
        if (madeHere) this.#recordOwn(chunk.documentId, chunk.data, by)
        else this.#add.run(chunk.documentId, chunk.data, by)
      }
    })()
  }

  #recordOwn(documentId: string, data: Uint8Array, by: string | null): void {
    const { lastInsertRowid } = this.#add.run(documentId, data, by)
    for (const change of changesInChunk(data)) this.#addChanges.run(lastInsertRowid, documentId, change.hash, change.andBefore ? 1 : 0)
  }

  /** Tells whoever sends (after a commit) that there is more to send. */
  notify(): void {
    if (this.#enabled) for (const listener of this.#listeners) listener()
  }

  onAdded(listener: () => void): () => void {
    this.#listeners.add(listener)
    return () => this.#listeners.delete(listener)
  }

  size(): number {
    return this.#count.get() as number
  }

  /** The next chunks to send after `id`, oldest first. */
  after(id: number, limit: number): OutgoingChunk[] {
    return this.#after.all(id, limit).map((row) => ({
      id: row.id,
      documentId: row.document_id,
      data: new Uint8Array(row.data.buffer, row.data.byteOffset, row.data.byteLength),
      ...(row.person_id === null ? {} : { by: row.person_id }),
    }))
  }

  /** The server has it: its changes are the team's now. */
  remove(id: number): void {
    this.#db.transaction(() => {
      this.#remove.run(id)
      this.#stored.run(id)
    })()
  }

  /**
   * The server refused it for good: it is not sent again, but its changes stay this laptop's own
   * and unstored (a corrected case's old document: replayed when the correction is followed).
   */
  refused(id: number): void {
    this.#remove.run(id)
  }

  /** This laptop's own changes to a document that the server has not stored (see `replayFrom`). */
  unstoredChanges(documentId: string): UnstoredChange[] {
    return this.#unstored.all(documentId).map((row) => ({ hash: row.hash, andBefore: row.and_before === 1 }))
  }

  /** Leaving the team: nothing more to send. */
  clear(): void {
    this.#db.exec('DELETE FROM sync_outbox; DELETE FROM sync_outbox_changes')
  }
}

/**
 * What of a chunk this laptop has just saved is new to the team. An incremental chunk is new work
 * as it is. A snapshot is automerge-repo saving the document whole (on the first edit of a
 * document that arrived from the server, and whenever its incremental chunks outgrow the last
 * snapshot): most of it is already stored here, so already sent or received, and only the changes
 * the stored chunks lack (`readStored`, read before the save) are new. Undefined when nothing is.
 */
export function newToTheTeam(snapshot: boolean, data: Uint8Array, readStored: () => Uint8Array[]): Uint8Array | undefined {
  if (!snapshot) return data
  // Read only for a snapshot: an incremental save (every edit) does not pay for it.
  const stored = readStored()
  if (stored.length === 0) return data
  let onDisk = Automerge.init()
  const whole = Automerge.load(data)
  try {
    // In one call, as loadStoredDocument reads: chunk by chunk works out patches at every step.
    onDisk = Automerge.loadIncremental(onDisk, Buffer.concat(stored))
    // Merged rather than compared by heads: a chunk from the server stored while the repo's copy
    // was in hand is on disk but not in the snapshot, and must not make everything look new.
    const storedHeads = Automerge.getHeads(onDisk)
    onDisk = Automerge.merge(onDisk, whole)
    const changes = Automerge.saveSince(onDisk, storedHeads)
    return changes.byteLength > 0 ? changes : undefined
  } finally {
    Automerge.free(onDisk)
    Automerge.free(whole)
  }
}
