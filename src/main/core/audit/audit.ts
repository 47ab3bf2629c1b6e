import { randomUUID } from 'node:crypto'
import type { PersonAudit } from '../../../shared/api'
import { AUDIT_BATCH, type AuditAction, type AuditRow } from '../../../shared/audit/audit-entry'
import { dateOfDayNumber, dayNumber, isIsoDate } from '../../../shared/dates'
import { currentCaseId, idsLeadingTo } from '../../../shared/team/corrections'
import { mapIn } from '../../../shared/team/team-doc'
import { requirePermission } from '../../../shared/team/permissions'
import { samePersonName } from '../../../shared/team/same-person-name'
import { ValidationError } from '../../../shared/validation'
import type { ApiHandlers } from '../api/handlers'
import { NoProfileError, ServerRefusedError } from '../errors'
import type { Membership } from '../sync/membership'
import { serverApi } from '../sync/server-api'
import type { WorkspaceCore } from '../workspace-core'
import { LocalAuditLog } from './audit-log'
import type { SqliteDatabase } from '../../../node/sqlite'

/** A view or a change by the same person to the same case within this is the same sitting: one entry. */
export const SITTING_MS = 10 * 60 * 1000
/** How far the entries made here have been sent (local number), and the team's fetched (server number). */
const SETTING_SENT = 'audit-sent'
const SETTING_FETCHED = 'audit-fetched'

/**
 * Who viewed, exported, printed or changed which case, when, on which laptop. The entries made
 * here go to the team's server when the laptop is online; a manager's laptop fetches the team's
 * back. Only a manager reads them.
 */
export class Audit {
  readonly log: LocalAuditLog
  /** When each (person, case, action) was last recorded in this process: the quick check before the table's. */
  readonly #lastRecorded = new Map<string, number>()
  #exchange: Promise<void> = Promise.resolve()

  constructor(
    db: SqliteDatabase,
    private readonly core: WorkspaceCore,
    private readonly membership: () => Membership | undefined,
  ) {
    this.log = new LocalAuditLog(db)
  }

  /** The window asked for a document: a case it shows, or one of its scanned documents, is a view. */
  windowAsked(documentId: string): void {
    if (this.#isCase(documentId)) return this.record(documentId, 'viewed')
    const scan = mapIn(this.core.teamDoc().doc().attachments)[documentId]
    if (scan) this.record(String(scan.caseId), 'viewed', 'scanned document')
  }

  /** This laptop saved new work on a document: a case's is a change. */
  savedHere(documentId: string): void {
    if (this.#isCase(documentId)) this.record(documentId, 'changed')
  }

  /**
   * Records what the person working now did to a case. A view or a plain save is recorded once per
   * sitting (SITTING_MS); every export and print is recorded, and every change that says what it
   * was (a correction), which the sitting's saves must not hide. `detail` names what, in the app's
   * words: never case data. Nobody set up on the laptop: nobody to record.
   */
  record(caseId: string, action: AuditAction, detail = ''): void {
    let person: { id: string; name: string }
    try {
      person = this.core.context().author
    } catch (error) {
      if (error instanceof NoProfileError) return
      throw error
    }
    const now = this.core.now()
    if (action === 'viewed' || (action === 'changed' && detail === '')) {
      const key = JSON.stringify([person.id, caseId, action])
      const last = this.#lastRecorded.get(key)
      if (last !== undefined && now.getTime() - last < SITTING_MS) return
      this.#lastRecorded.set(key, now.getTime())
      if (this.log.recordedSince(caseId, person.id, action, new Date(now.getTime() - SITTING_MS).toISOString())) return
    }
    const membership = this.membership()
    this.log.add(
      { id: randomUUID(), caseId, action, detail, personId: person.id, personName: person.name, at: now.toISOString() },
      membership ? { id: membership.deviceId, name: membership.deviceName } : undefined,
    )
  }

  /** Many cases exported at once (the monitoring report's case rows): one entry each, in one transaction. */
  recordEach(caseIds: string[], action: AuditAction, detail: string): void {
    this.log.inOneTransaction(() => {
      for (const caseId of caseIds) this.record(caseId, action, detail)
    })
  }

  /** Who has viewed, changed, exported or printed a case, newest first. The manager's. */
  ofCase(caseId: string): AuditRow[] {
    requirePermission(this.core.context().role, 'read-audit')
    // Entries stay under the id they were made with; a corrected case's earlier ids are still its own.
    const ids = idsLeadingTo(this.core.teamDoc().doc(), caseId)
    return ids.length === 1 ? this.log.ofCase(caseId) : ids.flatMap((id) => this.log.ofCase(id)).sort((a, b) => b.when.localeCompare(a.when))
  }

  /**
   * What each of the team's people (or the one named) viewed from `from` to `to` (ISO dates, both
   * days included), with the views of cases outside their caseload. The manager's.
   */
  byPerson(range: { from: string; to: string }, personId?: string): PersonAudit[] {
    requirePermission(this.core.context().role, 'read-audit')
    const { from, to } = checkedRange(range)
    const lead = new Map(this.core.index.list().map((summary) => [summary.id, summary.leadCaseworkerId]))
    // The team's people, and anyone else with entries (a person who has left, or a laptop's own before it joined a team).
    const everyone = new Map(this.log.people().map((person) => [person.id, person]))
    for (const [id, member] of Object.entries(mapIn(this.core.teamDoc().doc().members))) everyone.set(id, { id, name: String(member.name) })
    const people = [...everyone.values()].filter((person) => personId === undefined || person.id === personId).sort((a, b) => a.name.localeCompare(b.name))
    const team = this.core.teamDoc().doc()
    return people.map((person) => {
      const viewed = this.log.ofPerson(person.id, from, to).filter((row) => row.action === 'viewed')
      return { person, viewed, outsideCaseload: viewed.filter((row) => lead.get(currentCaseId(team, row.caseId)) !== person.id) }
    })
  }

  /** One of the team's people, or anyone with entries, by name as people type it. */
  personNamed(name: string): { id: string; name: string } | undefined {
    const members = Object.entries(mapIn(this.core.teamDoc().doc().members)).map(([id, member]) => ({ id, name: String(member.name) }))
    return [...members, ...this.log.people()].find((person) => samePersonName(person.name, name))
  }

  /** Every entry of a person in a period, newest first (`homeward audit --person`). The manager's. */
  entriesOf(personId: string, range: { from: string; to: string }): AuditRow[] {
    requirePermission(this.core.context().role, 'read-audit')
    const { from, to } = checkedRange(range)
    return this.log.ofPerson(personId, from, to)
  }

  /**
   * Sends the entries made here that the server does not have yet, and on a manager's laptop
   * fetches the team's new ones. One exchange at a time; a server that cannot be reached is tried
   * again at the next (the entries wait here).
   */
  exchange(): Promise<void> {
    this.#exchange = this.#exchange.then(() => this.#exchangeNow()).catch((error: unknown) => {
      if (!(error instanceof ServerRefusedError)) throw error
    })
    return this.#exchange
  }

  /** Resolves once an exchange under way is over (the workspace closing waits for it). */
  settled(): Promise<void> {
    return this.#exchange
  }

  async #exchangeNow(): Promise<void> {
    const membership = this.membership()
    if (!membership) return
    const { settings } = this.core
    for (;;) {
      const batch = this.log.madeHereAfter(settings.get<number>(SETTING_SENT) ?? 0, AUDIT_BATCH)
      if (batch.length === 0) break
      await serverApi.sendAudit(membership.server, membership.credential, { entries: batch.map((item) => item.entry) })
      settings.set(SETTING_SENT, batch.at(-1)!.seq)
    }
    const context = this.core.context()
    if (context.role !== 'manager') return
    for (;;) {
      const { entries } = await serverApi.readAudit(membership.server, membership.credential, settings.get<number>(SETTING_FETCHED) ?? 0, context.author.id)
      if (entries.length === 0) break
      this.log.takeIn(entries)
      settings.set(SETTING_FETCHED, entries.at(-1)!.seq)
    }
  }

  #isCase(documentId: string): boolean {
    return documentId in mapIn(this.core.teamDoc().doc().cases)
  }

  handlers() {
    return {
      caseAudit: ({ caseId }) => this.ofCase(caseId),
      personAudit: ({ from, to, personId }) => this.byPerson({ from, to }, personId),
    } satisfies Partial<ApiHandlers>
  }
}

/** A period of whole days on this laptop's clock, as ISO times: from the start of `from` to the end of `to`. */
function checkedRange(range: { from: string; to: string }): { from: string; to: string } {
  const issues = [
    ...(isIsoDate(range.from) ? [] : [{ field: 'from', message: 'Not a real date' }]),
    ...(isIsoDate(range.to) ? [] : [{ field: 'to', message: 'Not a real date' }]),
  ]
  if (issues.length === 0 && range.to < range.from) issues.push({ field: 'to', message: 'The period ends before it starts' })
  if (issues.length > 0) throw new ValidationError(issues)
  // Midnight where the laptop is (a date-time without a zone is read as local time).
  const midnight = (date: string) => new Date(`${date}T00:00:00`).toISOString()
  return { from: midnight(range.from), to: midnight(dateOfDayNumber(dayNumber(range.to) + 1)) }
}
