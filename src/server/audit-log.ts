import { randomUUID } from 'node:crypto'
import { sha256Hex } from '../node/crypto'
import { addColumnIfMissing, appendOnly, type SqliteDatabase } from '../node/sqlite'
import type { AttestedAuditEntry, AuditEntry } from '../shared/audit/audit-entry'
import type { Person } from '../shared/people'
import { devicePerson } from './device-people'
import type { Device } from './store'

/**
 * The team's audit entries on the server: each numbered in arrival order, with the device that
 * sent it and the person the server holds for that device (the entry's own person where the
 * device is shared by them). Append-only: there is no code path
 * that changes or removes an entry, and triggers refuse an UPDATE or DELETE on the table.
 */
export class ServerAuditLog {
  readonly #db: SqliteDatabase
  readonly #insert
  readonly #existing
  readonly #after

  constructor(db: SqliteDatabase) {
    this.#db = db
    db.exec(`
      CREATE TABLE IF NOT EXISTS audit_entries (
        seq INTEGER PRIMARY KEY AUTOINCREMENT, id TEXT NOT NULL UNIQUE, content_hash TEXT NOT NULL,
        case_id TEXT NOT NULL, action TEXT NOT NULL, detail TEXT NOT NULL, person_id TEXT NOT NULL, person_name TEXT NOT NULL,
        at TEXT NOT NULL, device_id TEXT NOT NULL, device_name TEXT NOT NULL, sent_by TEXT, received_at TEXT NOT NULL
      );
    `)
    appendOnly(db, 'audit_entries')
    // A store from before the server named the person itself: the column is added (an entry kept
    // then has none, and shows the laptop's word for the name).
    addColumnIfMissing(db, 'audit_entries', 'attested_name', 'TEXT')
    this.#insert = db.prepare(
      `INSERT INTO audit_entries (id, content_hash, case_id, action, detail, person_id, person_name, at, device_id, device_name, sent_by, received_at, attested_name)
       VALUES (@id, @contentHash, @caseId, @action, @detail, @personId, @personName, @at, @deviceId, @deviceName, @sentBy, @receivedAt, @attestedName)`,
    )
    this.#existing = db.prepare<[string], { content_hash: string }>('SELECT content_hash FROM audit_entries WHERE id = ?')
    this.#after = db.prepare<[number, number], AuditRow>('SELECT * FROM audit_entries WHERE seq > ? ORDER BY seq LIMIT ?')
  }

  /**
   * Keeps a device's entries, all or none. One sent again as it was is already kept (a laptop that
   * lost the answer sends it again); a different entry under an id already used is refused: the
   * answer names it, and nothing of the batch is kept.
   */
  add(entries: AuditEntry[], device: Device, now: Date, personOf: (id: string) => Person | undefined): { stored: number } | { refused: string } {
    return this.#db.transaction(() => {
      let stored = 0
      for (const entry of entries) {
        const contentHash = sha256Hex(JSON.stringify([entry.id, entry.caseId, entry.action, entry.detail, entry.personId, entry.personName, entry.at]))
        const existing = this.#existing.get(entry.id)
        if (existing) {
          if (existing.content_hash !== contentHash) return { refused: `Audit entry ${entry.id} is already kept, with other content: an entry cannot be changed.` }
          continue
        }
        // A shared laptop sends its people's entries: one naming any of them is theirs; one naming
        // anyone else is kept as sent by the device's own person, so shown forged.
        const sentBy = devicePerson(device, entry.personId)?.id ?? device.person?.id ?? null
        const attestedName = personOf(entry.personId)?.name ?? null
        this.#insert.run({ ...entry, contentHash, deviceId: device.id, deviceName: device.name, sentBy, receivedAt: now.toISOString(), attestedName })
        stored += 1
      }
      return { stored }
    })()
  }

  /**
   * An entry the server makes itself, of what it did at a device's request (restricting a case):
   * attested as the person it acted for, whatever that laptop records or fails to.
   */
  recordByServer(entry: Omit<AuditEntry, 'id' | 'at'>, device: Device, now: Date): void {
    const full: AuditEntry = { ...entry, id: randomUUID(), at: now.toISOString() }
    const contentHash = sha256Hex(JSON.stringify([full.id, full.caseId, full.action, full.detail, full.personId, full.personName, full.at]))
    this.#insert.run({ ...full, contentHash, deviceId: device.id, deviceName: device.name, sentBy: full.personId, receivedAt: full.at, attestedName: full.personName })
  }

  /** Entries numbered after `seq`, oldest first. */
  after(seq: number, limit: number): AttestedAuditEntry[] {
    return this.#after.all(seq, limit).map((row) => ({
      seq: row.seq,
      id: row.id,
      caseId: row.case_id,
      action: row.action as AttestedAuditEntry['action'],
      detail: row.detail,
      personId: row.person_id,
      personName: row.person_name,
      at: row.at,
      deviceId: row.device_id,
      deviceName: row.device_name,
      sentBy: row.sent_by,
      // A device from before people has no person: what its entries claim cannot be checked.
      forged: row.sent_by !== row.person_id,
      attestedName: row.attested_name,
      receivedAt: row.received_at,
    }))
  }
}

interface AuditRow {
  seq: number
  id: string
  case_id: string
  action: string
  detail: string
  person_id: string
  person_name: string
  at: string
  device_id: string
  device_name: string
  sent_by: string | null
  received_at: string
  attested_name: string | null
}
