import { randomBytes, randomInt } from 'node:crypto'
import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import { sameSecret, sha256Hex } from '../node/crypto'
import { openSqlite, SqliteKeyRefusedError, type SqliteDatabase } from '../node/sqlite'
import { SERVER_AUTHOR } from '../shared/authorship'
import type { Person, Role } from '../shared/people'
import { samePersonName } from '../shared/team/same-person-name'
import type { ChunkAuthors, ChunkMark } from '../shared/sync/protocol'
import type { TeamDevice } from '../shared/sync/team-api'
import { ServerAuditLog } from './audit-log'

/** A stored piece of a document: a whole saved document or some of its changes, as a laptop sent it. */
export interface StoredChunk {
  seq: number
  documentId: string
  data: Uint8Array
  /** The person whose device sent it (SERVER_AUTHOR's id for the server's own); none for devices from before people. */
  by?: string
  /** Sent to a restricted case by a laptop it is not restricted to: kept, but sent to nobody and not read (see ServerStore.addChunk). */
  heldBack?: true
  /** A chunk the server compacted: who sent each change it holds (see ChunkAuthors, src/server/compaction.ts). */
  authors?: ChunkAuthors
}

/** What the chunks the server itself makes (its changes to the team document) are stored as sent by. */
export const SERVER_DEVICE = 'server'

/** A laptop of the team (what the manager lists and can revoke). */
export type Device = TeamDevice

export interface Team {
  id: string
  name: string
  teamDocumentId: string
  createdAt: string
}

/**
 * The sync server's one SQLite file: the team, its devices and codes, and every chunk the team's
 * laptops have sent, numbered in the order they arrived. The numbers are the sync: a laptop says
 * the last number it has, and gets what came after. Documents are never loaded to be served.
 */
export class ServerStore {
  readonly #db: SqliteDatabase
  /** Who viewed and changed which case, as the laptops sent it (append-only). */
  readonly audit: ServerAuditLog

  private constructor(db: SqliteDatabase) {
    this.#db = db
    this.audit = new ServerAuditLog(db)
  }

  static open(dataDir: string, now: Date = new Date(), key?: Uint8Array): ServerStore {
    mkdirSync(dataDir, { recursive: true, mode: 0o700 })
    let db: SqliteDatabase
    try {
      db = openSqlite(join(dataDir, 'homeward-server.sqlite'), key ? { key } : {})
    } catch (error) {
      if (error instanceof SqliteKeyRefusedError) throw new Error('that key does not open this server\'s store', { cause: error })
      throw error
    }
    db.exec(`
      CREATE TABLE IF NOT EXISTS team (id TEXT PRIMARY KEY, name TEXT NOT NULL, team_document_id TEXT NOT NULL, created_at TEXT NOT NULL);
      CREATE TABLE IF NOT EXISTS codes (kind TEXT PRIMARY KEY, code_hash TEXT NOT NULL, created_at TEXT NOT NULL);
      CREATE TABLE IF NOT EXISTS devices (
        id TEXT PRIMARY KEY, name TEXT NOT NULL, secret_hash TEXT NOT NULL, manager INTEGER NOT NULL,
        created_at TEXT NOT NULL, last_seen TEXT, revoked_at TEXT
      );
      CREATE TABLE IF NOT EXISTS chunks (
        seq INTEGER PRIMARY KEY AUTOINCREMENT, document_id TEXT NOT NULL, hash TEXT NOT NULL, data BLOB NOT NULL,
        UNIQUE (document_id, hash)
      );
      CREATE INDEX IF NOT EXISTS chunks_by_document ON chunks (document_id, seq);
      CREATE TABLE IF NOT EXISTS listed (document_id TEXT PRIMARY KEY, listed_seq INTEGER NOT NULL);
      CREATE TABLE IF NOT EXISTS ever_listed (document_id TEXT PRIMARY KEY);
      INSERT OR IGNORE INTO ever_listed SELECT document_id FROM listed;
      CREATE TABLE IF NOT EXISTS people (id TEXT PRIMARY KEY, name TEXT NOT NULL, role TEXT NOT NULL, created_at TEXT NOT NULL);
      CREATE TABLE IF NOT EXISTS join_codes (
        code_hash TEXT PRIMARY KEY, person_id TEXT, name TEXT, role TEXT NOT NULL,
        created_at TEXT NOT NULL, expires_at TEXT NOT NULL, used_at TEXT, used_by TEXT, voided_at TEXT
      );
      CREATE TABLE IF NOT EXISTS removed (document_id TEXT PRIMARY KEY, removed_at TEXT NOT NULL, removed_by TEXT NOT NULL);
      CREATE TABLE IF NOT EXISTS device_people (
        device_id TEXT NOT NULL, person_id TEXT NOT NULL, added_at TEXT NOT NULL, removed_at TEXT,
        PRIMARY KEY (device_id, person_id)
      );
      CREATE TABLE IF NOT EXISTS device_owed (device_id TEXT NOT NULL, document_id TEXT NOT NULL, PRIMARY KEY (device_id, document_id));
    `)
    // A join code from before codes were single-use could be used again and again: void it.
    db.exec("DELETE FROM codes WHERE kind = 'join'")
    const deviceColumns = new Set(db.prepare('SELECT name FROM pragma_table_info(?)').pluck().all('devices') as string[])
    // Which of the team's people each device is. Devices from before people were the server's have
    // none: their role is the manager flag they were made with.
    if (!deviceColumns.has('person_id')) db.exec('ALTER TABLE devices ADD COLUMN person_id TEXT')
    // Who sent each chunk, and when: uploads under documents the team never listed count against
    // their device's allowance, and are dropped a day on. Chunks stored before these columns were
    // added count from when this server first starts with them.
    const columns = new Set(db.prepare('SELECT name FROM pragma_table_info(?)').pluck().all('chunks') as string[])
    if (!columns.has('device_id')) db.exec('ALTER TABLE chunks ADD COLUMN device_id TEXT')
    if (!columns.has('received_at')) db.exec('ALTER TABLE chunks ADD COLUMN received_at TEXT')
    if (!columns.has('held_back')) db.exec('ALTER TABLE chunks ADD COLUMN held_back INTEGER NOT NULL DEFAULT 0')
    // The person of a shared laptop who made the chunk, where the server attested them (one of the
    // device's people); otherwise the device's own person stands for it.
    if (!columns.has('person_id')) db.exec('ALTER TABLE chunks ADD COLUMN person_id TEXT')
    // A compacted chunk (many folded into one, src/server/compaction.ts) records who sent each
    // change it holds, as JSON, since no one device did.
    if (!columns.has('authors')) db.exec('ALTER TABLE chunks ADD COLUMN authors TEXT')
    db.exec('CREATE INDEX IF NOT EXISTS chunks_by_device ON chunks (device_id)')
    db.prepare('UPDATE chunks SET received_at = ? WHERE received_at IS NULL').run(now.toISOString())
    return new ServerStore(db)
  }

  close(): void {
    this.#db.close()
  }

  // The team and its codes.

  team(): Team | undefined {
    const row = this.#db.prepare<[], { id: string; name: string; team_document_id: string; created_at: string }>('SELECT * FROM team').get()
    return row && { id: row.id, name: row.name, teamDocumentId: row.team_document_id, createdAt: row.created_at }
  }

  createTeam(team: Team): void {
    this.#db.prepare('INSERT INTO team (id, name, team_document_id, created_at) VALUES (?, ?, ?, ?)').run(team.id, team.name, team.teamDocumentId, team.createdAt)
  }

  /** Makes the one-time setup code, replacing any before it. */
  newCode(kind: 'setup', now: Date): string {
    const code = readableCode()
    this.#db
      .prepare('INSERT INTO codes (kind, code_hash, created_at) VALUES (?, ?, ?) ON CONFLICT (kind) DO UPDATE SET code_hash = excluded.code_hash, created_at = excluded.created_at')
      .run(kind, sha256Hex(normaliseCode(code)), now.toISOString())
    return code
  }

  checkCode(kind: 'setup', code: string): boolean {
    const row = this.#db.prepare<[string], { code_hash: string }>('SELECT code_hash FROM codes WHERE kind = ?').get(kind)
    return row !== undefined && sameSecret(row.code_hash, sha256Hex(normaliseCode(code)))
  }

  useUpCode(kind: 'setup'): void {
    this.#db.prepare('DELETE FROM codes WHERE kind = ?').run(kind)
  }

  /**
   * A join code for one laptop: for a person of the team (by id), or for a new person with this
   * name, or (no name) for whoever joins with it, in the role given. Only its hash is kept.
   */
  newJoinCode(forWhom: { personId?: string; name?: string; role: Role }, now: Date, validMs: number): { code: string; expiresAt: string } {
    const code = readableCode()
    const expiresAt = new Date(now.getTime() + validMs).toISOString()
    this.#db
      .prepare('INSERT INTO join_codes (code_hash, person_id, name, role, created_at, expires_at) VALUES (?, ?, ?, ?, ?, ?)')
      .run(sha256Hex(normaliseCode(code)), forWhom.personId ?? null, forWhom.name ?? null, forWhom.role, now.toISOString(), expiresAt)
    return { code, expiresAt }
  }

  /**
   * Uses up a join code, if it is one not yet used, voided or expired, and calls `join` with what
   * it was issued for, all in one transaction: two laptops racing with one code, one gets in.
   * `join` returns the device it made. Returns undefined for a code that does not let anyone in.
   */
  useJoinCode<T extends { deviceId: string }>(code: string, now: Date, join: (issued: JoinCodeFor) => T): T | undefined {
    return this.#db.transaction(() => {
      const row = this.#db
        .prepare<[string, string], { code_hash: string; person_id: string | null; name: string | null; role: string }>(
          'SELECT code_hash, person_id, name, role FROM join_codes WHERE code_hash = ? AND used_at IS NULL AND voided_at IS NULL AND expires_at > ?',
        )
        .get(sha256Hex(normaliseCode(code)), now.toISOString())
      if (!row) return undefined
      const joined = join({ personId: row.person_id ?? undefined, name: row.name ?? undefined, role: asRole(row.role) })
      this.#db.prepare('UPDATE join_codes SET used_at = ?, used_by = ? WHERE code_hash = ?').run(now.toISOString(), joined.deviceId, row.code_hash)
      return joined
    })()
  }

  /** Voids every join code not yet used (a device was revoked: codes it may have seen let no one in). */
  voidJoinCodes(now: Date): number {
    return this.#db.prepare('UPDATE join_codes SET voided_at = ? WHERE used_at IS NULL AND voided_at IS NULL').run(now.toISOString()).changes
  }

  // The team's people: who they are and their roles are the server's to say.

  addPerson(person: Person, now: Date): void {
    this.#db.prepare('INSERT INTO people (id, name, role, created_at) VALUES (?, ?, ?, ?)').run(person.id, person.name, person.role, now.toISOString())
  }

  person(id: string): Person | undefined {
    const row = this.#db.prepare<[string], PersonRow>('SELECT id, name, role FROM people WHERE id = ?').get(id)
    return row && personOf(row)
  }

  /** The person of that name (as people type names: case, spacing and accents aside), if there is one. */
  personNamed(name: string): Person | undefined {
    return this.people().find((person) => samePersonName(person.name, name))
  }

  people(): Person[] {
    return this.#db.prepare<[], PersonRow>('SELECT id, name, role FROM people ORDER BY name').all().map(personOf)
  }

  // Documents a manager has taken out of the team.

  markRemoved(documentId: string, by: string, now: Date): void {
    this.#db.prepare('INSERT OR REPLACE INTO removed (document_id, removed_at, removed_by) VALUES (?, ?, ?)').run(documentId, now.toISOString(), by)
  }

  isRemoved(documentId: string): boolean {
    return this.#db.prepare('SELECT 1 FROM removed WHERE document_id = ?').get(documentId) !== undefined
  }

  // Devices.

  /** Registers a device and returns its credential, shown once: only a hash of it is kept. */
  addDevice(name: string, person: Person, now: Date): { device: Device; credential: string } {
    // Hex: a base64url id starts with '-' one time in 64, and the command line then took
    // `devices revoke ID` for an unknown option.
    const id = randomBytes(9).toString('hex')
    const secret = randomBytes(32).toString('base64url')
    this.#db
      .prepare('INSERT INTO devices (id, name, secret_hash, manager, created_at, person_id) VALUES (?, ?, ?, ?, ?, ?)')
      .run(id, name, sha256Hex(secret), person.role === 'manager' ? 1 : 0, now.toISOString(), person.id)
    return { device: this.device(id)!, credential: `${id}.${secret}` }
  }

  device(id: string): Device | undefined {
    const row = this.#db
      .prepare<[string], DeviceRow>(`${DEVICE_SELECT} WHERE d.id = ?`)
      .get(id)
    return row && deviceOf(row, this.#addedPeople(row.id))
  }

  devices(): Device[] {
    return this.#db
      .prepare<[], DeviceRow>(`${DEVICE_SELECT} ORDER BY d.created_at`)
      .all()
      .map((row) => deviceOf(row, this.#addedPeople(row.id)))
  }

  /** Records someone else who shares a device (again, if a manager had taken them off it). */
  addDevicePerson(deviceId: string, personId: string, now: Date): void {
    this.#db
      .prepare('INSERT INTO device_people (device_id, person_id, added_at) VALUES (?, ?, ?) ON CONFLICT DO UPDATE SET added_at = excluded.added_at, removed_at = NULL')
      .run(deviceId, personId, now.toISOString())
  }

  /** A manager takes a person off a device; false if they were not on it. */
  removeDevicePerson(deviceId: string, personId: string, now: Date): boolean {
    return this.#db.prepare('UPDATE device_people SET removed_at = ? WHERE device_id = ? AND person_id = ? AND removed_at IS NULL').run(now.toISOString(), deviceId, personId).changes > 0
  }

  /**
   * Documents a device may newly hold (its people changed) and has none of: each is sent whole at
   * its next catching up, however far it had got, then no longer owed.
   */
  owe(deviceId: string, documentIds: readonly string[]): void {
    const owe = this.#db.prepare('INSERT OR IGNORE INTO device_owed (device_id, document_id) VALUES (?, ?)')
    this.#db.transaction(() => {
      for (const id of documentIds) owe.run(deviceId, id)
    })()
  }

  owedTo(deviceId: string): string[] {
    return this.#db.prepare<[string]>('SELECT document_id FROM device_owed WHERE device_id = ?').pluck().all(deviceId) as string[]
  }

  /** Sent whole: no longer owed. */
  paid(deviceId: string, documentIds: readonly string[]): void {
    const paid = this.#db.prepare('DELETE FROM device_owed WHERE device_id = ? AND document_id = ?')
    this.#db.transaction(() => {
      for (const id of documentIds) paid.run(deviceId, id)
    })()
  }

  /** The people added to a device after its own, in the order they were added. */
  #addedPeople(deviceId: string): Person[] {
    return this.#db
      .prepare<[string], PersonRow>(
        'SELECT p.id, p.name, p.role FROM device_people dp JOIN people p ON p.id = dp.person_id WHERE dp.device_id = ? AND dp.removed_at IS NULL ORDER BY dp.added_at',
      )
      .all(deviceId)
      .map(personOf)
  }

  /** The device a credential belongs to, if it is genuine and not revoked. */
  authenticate(credential: string): Device | undefined {
    const [id, secret] = credential.split('.')
    if (!id || !secret) return undefined
    const row = this.#db.prepare<[string], { secret_hash: string; revoked_at: string | null }>('SELECT secret_hash, revoked_at FROM devices WHERE id = ?').get(id)
    if (!row || row.revoked_at || !sameSecret(row.secret_hash, sha256Hex(secret))) return undefined
    return this.device(id)
  }

  /**
   * A genuine credential of a revoked device: its id, when it was revoked, and the hash of its
   * secret (the key of the proof the laptop is told it is revoked with). Undefined for anything else.
   */
  revokedCredential(credential: string): { deviceId: string; revokedAt: string; secretHash: string } | undefined {
    const [id, secret] = credential.split('.')
    if (!id || !secret) return undefined
    const row = this.#db.prepare<[string], { secret_hash: string; revoked_at: string | null }>('SELECT secret_hash, revoked_at FROM devices WHERE id = ?').get(id)
    if (!row?.revoked_at || !sameSecret(row.secret_hash, sha256Hex(secret))) return undefined
    return { deviceId: id, revokedAt: row.revoked_at, secretHash: row.secret_hash }
  }

  seen(id: string, now: Date): void {
    this.#db.prepare('UPDATE devices SET last_seen = ? WHERE id = ?').run(now.toISOString(), id)
  }

  revoke(id: string, now: Date): boolean {
    return this.#db.prepare('UPDATE devices SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL').run(now.toISOString(), id).changes > 0
  }

  // Chunks.

  /**
   * Keeps a chunk (once: the same bytes again are ignored); returns its number, or undefined if
   * known. A chunk `heldBack` (a change to a restricted case from a laptop it is not restricted to)
   * is kept, so nothing typed is thrown away, but sent to no laptop and not read for who the lead
   * caseworker is, until the restriction is cleared or widened to its sender (`release`): otherwise
   * a laptop could write itself in as lead caseworker, then clear the restriction.
   */
  addChunk(documentId: string, data: Uint8Array, from: { deviceId: string; at: Date; personId?: string; heldBack?: boolean }): number | undefined {
    const result = this.#db
      .prepare('INSERT OR IGNORE INTO chunks (document_id, hash, data, device_id, received_at, person_id, held_back) VALUES (?, ?, ?, ?, ?, ?, ?)')
      .run(documentId, sha256Hex(data), data, from.deviceId, from.at.toISOString(), from.personId ?? null, from.heldBack ? 1 : 0)
    return result.changes > 0 ? Number(result.lastInsertRowid) : undefined
  }

  /** Lets go of the chunks held back from these documents: all of them, or those sent by these people's devices. */
  release(documentIds: string[], byPeople: readonly string[] | 'everyone'): void {
    const everyone = this.#db.prepare<[string]>('UPDATE chunks SET held_back = 0 WHERE document_id = ? AND held_back = 1')
    const byThem = this.#db.prepare<[string, string]>(
      `UPDATE chunks SET held_back = 0 WHERE document_id = ? AND held_back = 1
       AND COALESCE(person_id, (SELECT person_id FROM devices WHERE devices.id = chunks.device_id)) IN (SELECT value FROM json_each(?))`,
    )
    this.#db.transaction(() => {
      for (const id of documentIds) {
        if (byPeople === 'everyone') everyone.run(id)
        else byThem.run(id, JSON.stringify(byPeople))
      }
    })()
  }


  /** The mark of the chunk numbered `seq` (the hash of its bytes), if there is one: see ChunkMark. */
  markAt(seq: number): ChunkMark | undefined {
    return this.#db.prepare<[number], string>('SELECT hash FROM chunks WHERE seq = ?').pluck().get(seq)
  }

  /**
   * The last number given to a chunk, kept or since deleted (a removed scan, an unlisted upload
   * dropped): SQLite's AUTOINCREMENT never gives a number twice, and remembers the highest. A
   * laptop that had the last chunk before it was deleted is not mistaken for one that knows more
   * than the server (which would mean the server was restored from a backup).
   */
  lastSeq(): number {
    return (this.#db.prepare("SELECT seq FROM sqlite_sequence WHERE name = 'chunks'").pluck().get() as number | undefined) ?? 0
  }

  /** Bytes a device has uploaded under documents the team document has never listed (the team document aside). */
  unlistedBytes(deviceId: string, teamDocumentId: string): number {
    return this.#db
      .prepare<[string, string]>(
        `SELECT COALESCE(SUM(length(data)), 0) FROM chunks
         WHERE device_id = ? AND document_id != ? AND document_id NOT IN (SELECT document_id FROM ever_listed)`,
      )
      .pluck()
      .get(deviceId, teamDocumentId) as number
  }

  /** Deletes the chunks of documents the team document has never listed that arrived before `before`; returns how many. */
  dropUnlisted(before: Date, teamDocumentId: string): number {
    return this.#db
      .prepare('DELETE FROM chunks WHERE received_at < ? AND document_id != ? AND document_id NOT IN (SELECT document_id FROM ever_listed)')
      .run(before.toISOString(), teamDocumentId).changes
  }

  /** The numbers of a document's chunks, in order (what a connection queues, rather than the bytes). */
  seqsOf(documentId: string): number[] {
    return this.#db.prepare<[string]>('SELECT seq FROM chunks WHERE document_id = ? ORDER BY seq').pluck().all(documentId) as number[]
  }

  /** The chunk numbered `seq`, if it is still kept (a scanned document the team removed is not). */
  chunkAt(seq: number): StoredChunk | undefined {
    const row = this.#db.prepare<[string, number], ChunkRow>(`${CHUNK_SELECT} WHERE c.seq = ?`).get(SERVER_AUTHOR.id, seq)
    return row && chunkOf(row)
  }

  /** Whether the chunk numbered `seq` is one compaction made (without reading its bytes). */
  isCompacted(seq: number): boolean {
    return this.#db.prepare<[number]>('SELECT 1 FROM chunks WHERE seq = ? AND authors IS NOT NULL').get(seq) !== undefined
  }

  chunksOf(documentId: string): StoredChunk[] {
    return this.#db
      .prepare<[string, string], ChunkRow>(`${CHUNK_SELECT} WHERE c.document_id = ? ORDER BY c.seq`)
      .all(SERVER_AUTHOR.id, documentId)
      .map(chunkOf)
  }

  /** Listed documents with at least `atLeast` chunks that are sent (held back ones aside): what compaction would fold. */
  documentsWithChunks(atLeast: number): string[] {
    return this.#db
      .prepare<[number]>('SELECT document_id FROM chunks WHERE held_back = 0 AND document_id IN (SELECT document_id FROM listed) GROUP BY document_id HAVING COUNT(*) >= ?')
      .pluck()
      .all(atLeast) as string[]
  }

  /** How many bytes a document's chunks that are sent hold (held back ones aside). */
  sentChunkBytes(documentId: string): number {
    return this.#db.prepare<[string]>('SELECT COALESCE(SUM(length(data)), 0) FROM chunks WHERE document_id = ? AND held_back = 0').pluck().get(documentId) as number
  }

  /** How many chunks of a document are sent (held back ones aside). */
  sentChunkCount(documentId: string): number {
    return this.#db.prepare<[string]>('SELECT COUNT(*) FROM chunks WHERE document_id = ? AND held_back = 0').pluck().get(documentId) as number
  }

  /**
   * Replaces a document's chunks numbered `seqs` (none held back) with one chunk, in one
   * transaction: it takes the number of the newest and keeps its mark (a laptop that has that
   * number is not sent it again, nor takes its mark for a restored server's), and records who sent
   * each change (`authors`). False, and nothing changed, if any of them is no longer kept as it
   * was read (erased, taken out, or held back meanwhile), or the team document does not list the
   * document: compaction reads again next time.
   */
  replaceChunks(documentId: string, seqs: readonly number[], data: Uint8Array, authors: ChunkAuthors, at: Date): boolean {
    const newest = Math.max(...seqs)
    return this.#db.transaction(() => {
      // An upload the team does not list keeps its sender and day: it counts against that laptop's
      // allowance, and goes a day after it came (`unlistedBytes`, `dropUnlisted`).
      if (!this.isListed(documentId)) return false
      const still = this.#db
        .prepare<[string, string]>('SELECT COUNT(*) FROM chunks WHERE document_id = ? AND held_back = 0 AND seq IN (SELECT value FROM json_each(?))')
        .pluck()
        .get(documentId, JSON.stringify(seqs)) as number
      if (still !== seqs.length) return false
      const mark = this.markAt(newest)!
      this.#db.prepare<[string]>('DELETE FROM chunks WHERE seq IN (SELECT value FROM json_each(?))').run(JSON.stringify(seqs))
      this.#db
        .prepare('INSERT INTO chunks (seq, document_id, hash, data, device_id, received_at, person_id, held_back, authors) VALUES (?, ?, ?, ?, NULL, ?, NULL, 0, ?)')
        .run(newest, documentId, mark, data, at.toISOString(), JSON.stringify(authors.map((group) => ({ ...group, hashes: Buffer.from(group.hashes).toString('hex') }))))
      return true
    })()
  }

  /** The numbers of chunks of the documents the team document lists, after `since`, up to `upTo`, in order. */
  listedSeqsAfter(since: number, upTo: number, limit: number): number[] {
    return this.#db
      .prepare<[number, number, number]>('SELECT seq FROM chunks WHERE seq > ? AND seq <= ? AND document_id IN (SELECT document_id FROM listed) ORDER BY seq LIMIT ?')
      .pluck()
      .all(since, upTo, limit) as number[]
  }

  /** How many served chunks, and of how many documents, came after `since`: for progress. */
  countAfter(since: number, upTo: number, teamDocumentId: string): { chunks: number; documents: number } {
    const row = this.#db
      .prepare<[number, number, string, number], { chunks: number; documents: number }>(
        `SELECT COUNT(*) AS chunks, COUNT(DISTINCT document_id) AS documents FROM chunks
         WHERE (seq > ? AND seq <= ? AND (document_id = ? OR document_id IN (SELECT document_id FROM listed)))
            OR document_id IN (SELECT document_id FROM listed WHERE listed_seq > ?)`,
      )
      .get(since, upTo, teamDocumentId, since)
    return row ?? { chunks: 0, documents: 0 }
  }

  // Which documents are the team's.

  isListed(documentId: string): boolean {
    return this.#db.prepare('SELECT 1 FROM listed WHERE document_id = ?').get(documentId) !== undefined
  }

  /** Whether the team document lists this document, or ever did. */
  everListed(documentId: string): boolean {
    return this.#db.prepare('SELECT 1 FROM ever_listed WHERE document_id = ?').get(documentId) !== undefined
  }

  listedDocuments(): Set<string> {
    return new Set(this.#db.prepare('SELECT document_id FROM listed').pluck().all() as string[])
  }

  /** Documents that became the team's after `since`: a laptop that had caught up to `since` lacks all of them. */
  listedAfter(since: number): string[] {
    return this.#db.prepare<[number]>('SELECT document_id FROM listed WHERE listed_seq > ?').pluck().all(since) as string[]
  }

  /** Deletes every chunk of these documents. */
  forget(documentIds: string[]): void {
    const forget = this.#db.prepare('DELETE FROM chunks WHERE document_id = ?')
    this.#db.transaction(() => {
      for (const id of documentIds) forget.run(id)
    })()
  }

  /**
   * Writes deletions through to the file at once (an erased case): secure delete has zeroed the
   * rows' pages, and the log, which still holds copies of them, is written back and emptied.
   */
  writeDeletionsThrough(): void {
    this.#db.pragma('wal_checkpoint(TRUNCATE)')
  }

  /**
   * Lists documents again as of `seq` (a restricted case widened): a laptop that caught up to before
   * it is sent all their chunks, as for documents newly the team's.
   */
  relist(documentIds: string[], seq: number): void {
    const relist = this.#db.prepare('UPDATE listed SET listed_seq = ? WHERE document_id = ?')
    this.#db.transaction(() => {
      for (const id of documentIds) relist.run(seq, id)
    })()
  }

  /** Sets which documents are the team's; returns those newly listed. */
  setListed(documentIds: Set<string>, seq: number): string[] {
    const known = this.listedDocuments()
    const added = [...documentIds].filter((id) => !known.has(id))
    const removed = [...known].filter((id) => !documentIds.has(id))
    this.#db.transaction(() => {
      const insert = this.#db.prepare('INSERT INTO listed (document_id, listed_seq) VALUES (?, ?)')
      const ever = this.#db.prepare('INSERT OR IGNORE INTO ever_listed (document_id) VALUES (?)')
      for (const id of added) {
        insert.run(id, seq)
        ever.run(id)
      }
      const remove = this.#db.prepare('DELETE FROM listed WHERE document_id = ?')
      for (const id of removed) remove.run(id)
    })()
    return added
  }
}

/**
 * A chunk with the person who sent it: the person of a shared laptop the server attested, or the
 * device's own person (the first parameter: the server's own id).
 */
const CHUNK_SELECT = `SELECT c.seq, c.document_id, c.data, c.held_back, c.authors, CASE WHEN c.device_id = '${SERVER_DEVICE}' THEN ? ELSE COALESCE(c.person_id, d.person_id) END AS by
  FROM chunks c LEFT JOIN devices d ON d.id = c.device_id`

/** A device with its person: the person's role decides whether it is a manager's. */
const DEVICE_SELECT = `SELECT d.id, d.name, d.manager, d.created_at, d.last_seen, d.revoked_at, p.id AS person_id, p.name AS person_name, p.role AS person_role
  FROM devices d LEFT JOIN people p ON p.id = d.person_id`

interface DeviceRow {
  id: string
  name: string
  manager: number
  created_at: string
  last_seen: string | null
  revoked_at: string | null
  person_id: string | null
  person_name: string | null
  person_role: string | null
}

interface PersonRow {
  id: string
  name: string
  role: string
}

/** What a join code was issued for. */
export interface JoinCodeFor {
  personId?: string
  name?: string
  role: Role
}

function asRole(role: string): Role {
  return role === 'manager' ? 'manager' : 'caseworker'
}

function personOf(row: PersonRow): Person {
  return { id: row.id, name: row.name, role: asRole(row.role) }
}

interface ChunkRow {
  seq: number
  document_id: string
  data: Buffer
  held_back: number
  authors: string | null
  by: string | null
}

function deviceOf(row: DeviceRow, added: Person[]): Device {
  const person = row.person_id && row.person_name ? { id: row.person_id, name: row.person_name, role: asRole(row.person_role ?? '') } : null
  return {
    id: row.id,
    name: row.name,
    createdAt: row.created_at,
    lastSeen: row.last_seen,
    revoked: row.revoked_at !== null,
    manager: person ? person.role === 'manager' : row.manager === 1,
    person,
    people: added.filter((other) => other.id !== person?.id),
  }
}

function chunkOf(row: ChunkRow): StoredChunk {
  const data = new Uint8Array(row.data.buffer, row.data.byteOffset, row.data.byteLength)
  const authors = row.authors === null ? undefined : authorsOf(row.authors)
  // A compacted chunk is sent by one person only if every change in it was.
  const senders = new Set(authors?.map((group) => group.by))
  const by = authors ? (senders.size === 1 ? [...senders][0]! : null) : row.by
  return {
    seq: row.seq,
    documentId: row.document_id,
    data,
    ...(by === null ? {} : { by }),
    ...(row.held_back ? { heldBack: true as const } : {}),
    ...(authors ? { authors } : {}),
  }
}

function authorsOf(json: string): ChunkAuthors {
  return (JSON.parse(json) as { by: string; andBefore?: boolean; hashes: string }[]).map((group) => ({ ...group, hashes: new Uint8Array(Buffer.from(group.hashes, 'hex')) }))
}

/** Letters and digits that cannot be mistaken for each other when read aloud or typed. */
const CODE_ALPHABET = 'ABCDEFGHJKMNPQRSTVWXYZ23456789'

/** A code a person types: 15 characters (about 73 bits) in three groups, e.g. K7QMH-2XRTB-9PVAC. */
function readableCode(): string {
  const chars = Array.from({ length: 15 }, () => CODE_ALPHABET[randomInt(CODE_ALPHABET.length)])
  return [chars.slice(0, 5), chars.slice(5, 10), chars.slice(10)].map((group) => group.join('')).join('-')
}

/** Codes are compared without dashes, spaces or case, as people type them. */
function normaliseCode(code: string): string {
  return code.toUpperCase().replace(/[^A-Z0-9]/g, '')
}
