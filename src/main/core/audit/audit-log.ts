import { addColumnIfMissing, appendOnly, type SqliteDatabase } from '../../../node/sqlite'
import type { AttestedAuditEntry, AuditAction, AuditEntry, AuditRow } from '../../../shared/audit/audit-entry'

/** This laptop's device in the team, as its entries name it; none alone on a laptop. */
export interface AuditDevice {
  id: string
  name: string
}

/**
 * The audit on this laptop (`audit_log` in homeward.sqlite): the entries made here, and on a
 * manager's laptop the team's, as the server attested them. Append-only: there is no code path
 * that changes or removes an entry, and triggers refuse an UPDATE or DELETE on the table. How far
 * the entries made here have been sent, and how far the team's have been fetched, are kept as
 * local settings, so no row ever needs changing.
 */
export class LocalAuditLog {
  readonly #insert
  readonly #recent
  readonly #madeHereAfter
  readonly #ofCase
  readonly #ofPerson
  readonly #takeIn
  readonly #people
  readonly #db: SqliteDatabase

  constructor(db: SqliteDatabase) {
    this.#db = db
    db.exec(`
      CREATE TABLE IF NOT EXISTS audit_log (
        seq INTEGER PRIMARY KEY AUTOINCREMENT, id TEXT NOT NULL UNIQUE,
        case_id TEXT NOT NULL, action TEXT NOT NULL, detail TEXT NOT NULL, person_id TEXT NOT NULL, person_name TEXT NOT NULL,
        at TEXT NOT NULL, device_id TEXT, device_name TEXT, forged INTEGER NOT NULL, from_server INTEGER NOT NULL
      );
      CREATE INDEX IF NOT EXISTS audit_log_by_case ON audit_log (case_id, person_id, action, at);
      CREATE INDEX IF NOT EXISTS audit_log_by_person ON audit_log (person_id, at);
    `)
    appendOnly(db, 'audit_log')
    // A workspace from before the server's received time was kept: the column is added.
    addColumnIfMissing(db, 'audit_log', 'received_at', 'TEXT')
    this.#insert = db.prepare(
      `INSERT OR IGNORE INTO audit_log (id, case_id, action, detail, person_id, person_name, at, device_id, device_name, forged, from_server, received_at)
       VALUES (@id, @caseId, @action, @detail, @personId, @personName, @at, @deviceId, @deviceName, @forged, @fromServer, @receivedAt)`,
    )
    this.#recent = db.prepare<[string, string, string, string], { at: string }>(
      'SELECT at FROM audit_log WHERE case_id = ? AND person_id = ? AND action = ? AND at > ? AND from_server = 0 LIMIT 1',
    )
    this.#madeHereAfter = db.prepare<[number, number], Row>('SELECT * FROM audit_log WHERE seq > ? AND from_server = 0 ORDER BY seq LIMIT ?')
    this.#ofCase = db.prepare<[string], Row>('SELECT * FROM audit_log WHERE case_id = ? ORDER BY at DESC, seq DESC')
    this.#ofPerson = db.prepare<[string, string, string], Row>('SELECT * FROM audit_log WHERE person_id = ? AND at >= ? AND at < ? ORDER BY at DESC, seq DESC')
    this.#people = db.prepare<[], { id: string; name: string }>('SELECT person_id AS id, MAX(person_name) AS name FROM audit_log GROUP BY person_id')
    this.#takeIn = db.transaction((entries: AttestedAuditEntry[]) => {
      for (const entry of entries) {
        // The name is the server's for the person, not the sending laptop's word for it.
        const personName = entry.attestedName ?? entry.personName
        this.#insert.run({ ...entry, personName, forged: entry.forged ? 1 : 0, fromServer: 1, receivedAt: entry.receivedAt })
      }
    })
  }

  /** An entry made on this laptop. */
  add(entry: AuditEntry, device: AuditDevice | undefined): void {
    this.#insert.run({ ...entry, deviceId: device?.id ?? null, deviceName: device?.name ?? null, forged: 0, fromServer: 0, receivedAt: null })
  }

  /** Many entries in one transaction: one write to disk, not one each. */
  inOneTransaction(work: () => void): void {
    this.#db.transaction(work)()
  }

  /** Whether this laptop recorded the same action by the person on the case since `since` (ISO). */
  recordedSince(caseId: string, personId: string, action: AuditAction, since: string): boolean {
    return this.#recent.get(caseId, personId, action, since) !== undefined
  }

  /** Entries made here after local number `seq`, with their numbers: what is still to send. */
  madeHereAfter(seq: number, limit: number): { seq: number; entry: AuditEntry }[] {
    return this.#madeHereAfter.all(seq, limit).map((row) => ({ seq: row.seq, entry: entryOf(row) }))
  }

  /** The team's entries from the server (a manager's laptop); one already here (its own) is kept as it is. */
  takeIn(entries: AttestedAuditEntry[]): void {
    this.#takeIn(entries)
  }

  /** Everyone with an entry (a name as one of their entries gives it). */
  people(): { id: string; name: string }[] {
    return this.#people.all()
  }

  ofCase(caseId: string): AuditRow[] {
    return this.#ofCase.all(caseId).map(rowOf)
  }

  /** A person's entries from `from` up to (not including) `to`, ISO times. */
  ofPerson(personId: string, from: string, to: string): AuditRow[] {
    return this.#ofPerson.all(personId, from, to).map(rowOf)
  }
}

interface Row {
  seq: number
  id: string
  case_id: string
  action: string
  detail: string
  person_id: string
  person_name: string
  at: string
  device_id: string | null
  device_name: string | null
  forged: number
  received_at: string | null
}

function entryOf(row: Row): AuditEntry {
  return { id: row.id, caseId: row.case_id, action: row.action as AuditAction, detail: row.detail, personId: row.person_id, personName: row.person_name, at: row.at }
}

function rowOf(row: Row): AuditRow {
  return {
    id: row.id,
    who: row.person_name,
    personId: row.person_id,
    when: row.at,
    action: row.action as AuditAction,
    caseId: row.case_id,
    detail: row.detail,
    device: row.device_name,
    forged: row.forged === 1,
    received: row.received_at,
  }
}
