import * as Automerge from '@automerge/automerge'
import { toPlain, toStored } from '../shared/automerge/registers'
import type { AuditEntry } from '../shared/audit/audit-entry'
import type { CaseDoc } from '../shared/case/record'
import { anonymisedCaseOf, type AnonymisedCase } from '../shared/reports/anonymised-case'
import type { Person } from '../shared/people'
import { isMap } from '../shared/team/team-doc'
import { laptopMayHold, mayRestrict, restrictedTo, RESTRICT_REFUSAL, type Restriction } from '../shared/team/restrictions'
import { canonical } from './erased-cases'
import { SERVER_DEVICE, type ServerStore } from './store'
import type { TeamAuthority, TeamShape } from './team-authority'

/**
 * Restricted cases on the server. A restricted case, and its scanned documents, are sent only to
 * the devices of the people it is restricted to: catching up and live alike. A change sent to it
 * from a laptop not allowed (made before the restriction reached it, or by a hostile laptop) is
 * kept, so nothing typed is lost, but held back from everyone until the restriction is cleared or
 * widened to its sender (ServerStore.addChunk).
 */

/**
 * Whether a device may be sent a document: a restricted case only if every one of its people may
 * hold it (`laptopMayHold`: whoever signs in at a shared laptop sees what it holds). A device from
 * before people were the server's is sent no restricted case.
 */
export function mayReceive(authority: TeamAuthority, documentId: string, people: readonly Person[]): boolean {
  return laptopMayHold(authority.restrictionOf(documentId), people.map((person) => person.id))
}

/**
 * The documents a device may hold now that its people changed from `before` to `after` (someone not
 * allowed a restricted case was taken off it), and could not before: it was never sent them, so it
 * is owed each whole. A case it may no longer hold needs nothing here: every delivery asks
 * `mayReceive` with the device's people as they are, and the laptop deletes its own copy.
 */
export function newlyHeld(authority: TeamAuthority, before: readonly Person[], after: readonly Person[]): string[] {
  const ids = (people: readonly Person[]) => people.map((person) => person.id)
  return authority.restrictedCaseIds().flatMap((caseId) => {
    const restriction = authority.restrictionOf(caseId)
    return !laptopMayHold(restriction, ids(before)) && laptopMayHold(restriction, ids(after)) ? [caseId, ...authority.scansOf(caseId)] : []
  })
}

/** What restricting (or clearing) a case did: the answer, and the chunks to send out (by number). */
export interface RestrictOutcome {
  status: number
  body: unknown
  publish: number[]
  /** Done: the audit entry the server records of it. */
  audit?: Omit<AuditEntry, 'id' | 'at'>
}

/**
 * Restricts a case to the people named (and the one restricting), or clears its restriction
 * (`to` null). Only the case's lead caseworker or a manager may: the role is the server's, and the
 * lead caseworker is read from the case's own chunks here, never taken from the laptop's word.
 * People newly allowed need the whole case: its documents are listed again at the server's change,
 * so a laptop catching up from before it is sent every chunk of them once (as for a new case:
 * linear in the case's size, per widening), and the laptops connected now are sent them live.
 */
export function restrictCase(store: ServerStore, authority: TeamAuthority, by: Person | null, caseId: string, to: readonly string[] | null, now: Date): RestrictOutcome {
  const refuse = (status: number, error: string): RestrictOutcome => ({ status, body: { error }, publish: [] })
  if (!authority.listsCase(caseId)) return refuse(404, `The team has no case ${caseId}`)
  if (!by || !mayRestrict(by, leadCaseworkerOf(store, caseId))) return refuse(403, RESTRICT_REFUSAL)
  const unknown = (to ?? []).filter((id) => !store.person(id))
  if (unknown.length > 0) return refuse(400, `Not one of the team’s people: ${unknown.join(', ')}`)
  const before = authority.restrictionOf(caseId)
  const record = to === null ? undefined : restrictedRecordOf(store, caseId)
  const restriction: Restriction | undefined = to === null ? undefined : { to: restrictedTo(to, by.id), by: by.id, at: now.toISOString(), ...(record ? { record } : {}) }
  const change = authority.restrict(caseId, restriction)
  const seq = change && store.addChunk(authority.teamDocumentId, change, { deviceId: SERVER_DEVICE, at: now })
  const widened = before !== undefined && (restriction === undefined || restriction.to.some((id) => !before.to.includes(id)))
  const documents = [caseId, ...authority.scansOf(caseId)]
  // What the people now allowed had typed while it was restricted away from them goes out with the rest.
  if (widened) store.release(documents, restriction === undefined ? 'everyone' : restriction.to)
  if (widened && seq !== undefined) store.relist(documents, seq)
  const resend = widened ? documents.flatMap((id) => store.seqsOf(id)) : []
  const audit = restrictionEntry(store, by, caseId, restriction?.to ?? null)
  return { status: 200, body: { caseId, to: restriction?.to ?? null }, publish: seq === undefined ? resend : [seq, ...resend], audit }
}

/**
 * The audit entry of a restriction made or cleared, as the server records it: who, and whom the
 * case is now restricted to (the team's people's names, never the client's).
 */
function restrictionEntry(store: ServerStore, by: Person, caseId: string, to: readonly string[] | null): Omit<AuditEntry, 'id' | 'at'> {
  const names = (to ?? []).map((id) => store.person(id)?.name ?? id).join(', ')
  const detail = to === null ? 'restriction cleared' : `restricted to ${names}`
  return { caseId, action: 'restricted', detail: detail.length > 100 ? `${detail.slice(0, 99)}…` : detail, personId: by.id, personName: by.name }
}

/**
 * A restricted case's anonymised record brought up to date with its chunks (after a laptop allowed
 * it sent a change): the server's change to the team document, if the record's figures changed.
 */
export function refreshRestrictedRecord(store: ServerStore, authority: TeamAuthority, caseId: string): Uint8Array | undefined {
  const restriction = authority.restrictionOf(caseId)
  if (!restriction || !authority.listsCase(caseId)) return undefined
  const record = restrictedRecordOf(store, caseId)
  if (!record || sameRestrictions({ [caseId]: restriction }, { [caseId]: { ...restriction, record } })) return undefined
  return authority.restrict(caseId, { ...restriction, record })
}

/** The lead caseworker a case document names (by id), read from its stored chunks (never from those held back). */
function leadCaseworkerOf(store: ServerStore, caseId: string): string | undefined {
  return readStoredCase(store, caseId, (doc) => {
    const lead = (doc as { allocation?: { leadCaseworker?: unknown } }).allocation?.leadCaseworker
    const plain = lead === undefined ? undefined : toPlain<{ id?: unknown }>(lead as never)
    return typeof plain?.id === 'string' ? plain.id : undefined
  })
}

/** A case's anonymised record, read from its stored chunks as the laptops allowed it hold them (never those held back). */
function restrictedRecordOf(store: ServerStore, caseId: string): AnonymisedCase | undefined {
  return readStoredCase(store, caseId, (doc) => anonymisedCaseOf(doc as CaseDoc))
}

/** Reads a case from its stored chunks but those held back (undefined if they cannot be read). */
function readStoredCase<T>(store: ServerStore, caseId: string, read: (doc: Automerge.Doc<unknown>) => T): T | undefined {
  let doc = Automerge.init<unknown>()
  try {
    for (const chunk of store.chunksOf(caseId)) if (!chunk.heldBack) doc = Automerge.loadIncremental(doc, chunk.data)
    return read(doc)
  } catch {
    return undefined
  } finally {
    // Automerge's memory is WebAssembly's, not the garbage collector's to watch.
    Automerge.free(doc)
  }
}

/** Whether two sets of restrictions say the same (their anonymised records too). */
export function sameRestrictions(a: Record<string, Restriction>, b: Record<string, Restriction>): boolean {
  const key = (all: Record<string, Restriction>) =>
    JSON.stringify(Object.keys(all).sort().map((id) => [id, [...all[id]!.to].sort(), all[id]!.by, all[id]!.at, canonical(all[id]!.record)]))
  return key(a) === key(b)
}

/** Writes the restrictions into the team document, entry by entry, as the server holds them. */
export function setRestrictions(team: TeamShape, held: Record<string, Restriction>): void {
  if (!isMap(team.restricted)) {
    // No map yet and nothing restricted: nothing to write. Anything else a laptop put there is made a map again.
    if (Object.keys(held).length === 0 && team.restricted === undefined) return
    team.restricted = {}
  }
  const map = team.restricted as Record<string, unknown>
  for (const id of Object.keys(map)) if (!(id in held)) delete map[id]
  for (const [id, restriction] of Object.entries(held)) {
    const stored = isMap(map[id]) ? toPlain<Partial<Restriction>>(map[id] as never) : undefined
    const same = Array.isArray(stored?.to) && sameRestrictions({ [id]: stored as Restriction }, { [id]: restriction })
    if (!same) map[id] = toStored(restriction)
  }
}
