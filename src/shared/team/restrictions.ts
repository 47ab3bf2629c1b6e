import { toPlain } from '../automerge/registers'
import type { Person } from '../people'
import { anonymisedCaseSchema, type AnonymisedCase } from '../reports/anonymised-case'
import { erasures } from './erasures'
import { isMap, mapIn, teamCaseIds, type TeamDoc } from './team-doc'

/**
 * A restricted case (a survivor of domestic abuse, a person known to the team, a high-profile
 * case): only the people named may hold it. The server keeps these in the team document by its
 * own changes (a laptop's change to them is put back), sends the case and its scanned documents
 * only to those people's laptops, and every other laptop deletes its copy.
 */
export interface Restriction {
  /** The people (by id) whose laptops may hold the case: those named and the one who restricted it. */
  to: string[]
  /** Who restricted it (a person's id). */
  by: string
  at: string
  /**
   * The case's anonymised record (the same shape erasure keeps), written by the server from the
   * case's chunks and refreshed as the case changes, so the monitoring report of a laptop not
   * allowed the case counts it without identifying it.
   */
  record?: AnonymisedCase
}

/**
 * Whom a case is restricted to: the people named and always the one restricting, so nobody
 * restricts a case away from themselves by a slip. A manager who restricts a case to others keeps
 * it too; to hand it over wholly, a manager names the others and another manager clears it later.
 */
export function restrictedTo(named: readonly string[], by: string): string[] {
  return [...new Set([by, ...named])].sort()
}

/**
 * Who may restrict a case, or clear its restriction: a manager, or the case's lead caseworker.
 * (The server asks this with the role it holds and the lead caseworker the case document names.)
 */
export function mayRestrict(person: Pick<Person, 'id' | 'role'>, leadCaseworkerId: string | undefined): boolean {
  return person.role === 'manager' || (leadCaseworkerId !== undefined && person.id === leadCaseworkerId)
}

/** The refusal, in words, for anyone else. */
export const RESTRICT_REFUSAL = 'Only the case’s lead caseworker or a manager can restrict it or clear its restriction.'

/** The team's restricted cases, by case id, as the team document holds them (an entry that is not one is skipped). */
export function restrictions(doc: TeamDoc): Record<string, Restriction> {
  const map = (doc as unknown as { restricted?: unknown }).restricted
  if (!isMap(map)) return {}
  const result: Record<string, Restriction> = {}
  for (const [caseId, stored] of Object.entries(map)) {
    if (!isMap(stored)) continue
    const entry = toPlain<Partial<Restriction>>(stored as never)
    if (!Array.isArray(entry.to) || typeof entry.by !== 'string') continue
    const record = anonymisedCaseSchema.safeParse(entry.record)
    result[caseId] = {
      to: entry.to.filter((id): id is string => typeof id === 'string'),
      by: entry.by,
      at: typeof entry.at === 'string' ? entry.at : '',
      ...(record.success ? { record: record.data } : {}),
    }
  }
  return result
}

/** Whether a person's laptop may hold a case (any case not restricted; a restricted one only if they are named). */
export function mayHold(restriction: Restriction | undefined, personId: string | undefined): boolean {
  return restriction === undefined || (personId !== undefined && restriction.to.includes(personId))
}

/**
 * Whether a laptop may hold a case, given its people: a restricted case only if every one of them
 * may, since whoever signs in at a shared laptop sees what it holds (a case restricted to one of
 * them goes to that person's own laptop, not to one they share). A laptop with no person holds none.
 */
export function laptopMayHold(restriction: Restriction | undefined, personIds: readonly string[]): boolean {
  return restriction === undefined || (personIds.length > 0 && personIds.every((id) => mayHold(restriction, id)))
}

/** The team's cases a laptop of these people may hold: every listed case but those restricted to others, and never an erased one. */
export function heldCaseIds(doc: TeamDoc, personIds: readonly string[]): string[] {
  const restricted = restrictions(doc)
  const erased = erasures(doc)
  return teamCaseIds(doc).filter((id) => laptopMayHold(restricted[id], personIds) && !(id in erased))
}

/**
 * The scanned documents of cases a laptop of these people may not hold. Never a case or a meeting,
 * whatever an entry says: a laptop that listed one as a scan of a restricted case must not make
 * the others delete it (the server puts such an entry back as well).
 */
export function withheldScanIds(doc: TeamDoc, personIds: readonly string[]): string[] {
  const restricted = restrictions(doc)
  const otherKinds = new Set([...teamCaseIds(doc), ...Object.keys(mapIn(doc.meetings))])
  return Object.entries(mapIn(doc.attachments))
    .filter(([id]) => !otherKinds.has(id))
    .filter(([, entry]) => {
      const caseId = isMap(entry) ? toPlain<{ caseId?: unknown }>(entry as never).caseId : undefined
      return typeof caseId === 'string' && !laptopMayHold(restricted[caseId], personIds)
    })
    .map(([id]) => id)
}
