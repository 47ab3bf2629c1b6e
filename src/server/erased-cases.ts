import * as Automerge from '@automerge/automerge'
import { generateAutomergeUrl, parseAutomergeUrl } from '@automerge/automerge-repo'
import { authoredBy } from '../shared/authorship'
import { toPlain, toStored } from '../shared/automerge/registers'
import type { CaseDoc } from '../shared/case/record'
import { anonymisedCaseOf } from '../shared/reports/anonymised-case'
import { isMap } from '../shared/team/team-doc'
import { may, NotPermittedError } from '../shared/team/permissions'
import type { Erasure } from '../shared/team/erasures'
import type { Correction } from '../shared/team/corrections'
import { agendaNames, rebuiltMeeting } from '../shared/meeting/rebuilt-meeting'
import { SERVER_DEVICE, type Device, type ServerStore } from './store'
import type { TeamAuthority, TeamShape } from './team-authority'

/** What erasing a case did: the answer, and the chunks to send out (by number). */
export interface EraseOutcome {
  status: number
  body: unknown
  publish: number[]
}

/**
 * A manager erases a case: the strongest restriction, allowed to nobody, for ever. The server
 * reads the case's anonymised record from its own chunks (never the laptop's word), records the
 * erasure in the team document by its own change (the case and its scans unlisted, so every laptop
 * deletes its copy), marks the case and its scans removed (an upload under their ids is refused
 * for ever, so a laptop offline during the erasure cannot bring them back, nor one joining later
 * receive them), then deletes every chunk of them and writes the deletion through to the file.
 * Each team meeting whose agenda names the case is rebuilt without its words and with no history
 * (`rebuiltMeeting`), listed in the old one's place and recorded as a correction (old id to new id),
 * and the old meeting is retired with the case: its history held her name and what was said.
 */
export function eraseCase(store: ServerStore, authority: TeamAuthority, device: Device, caseId: string, reason: string, kind: Erasure['kind'], now: Date): EraseOutcome {
  const refuse = (status: number, error: string): EraseOutcome => ({ status, body: { error }, publish: [] })
  const by = device.person
  if (!by || !may(by.role, 'erase-cases')) return refuse(403, new NotPermittedError('erase-cases').message)
  if (!authority.listsCase(caseId)) return refuse(404, store.isRemoved(caseId) ? `Case ${caseId} has already been erased or taken out of the team` : `The team has no case ${caseId}`)
  const record = anonymisedRecordOf(store, caseId)
  if (!record) return refuse(422, `Case ${caseId} could not be read on the server, so its figures could not be kept: it was not erased`)
  const documents = [caseId, ...authority.scansOf(caseId)]
  const erasure: Erasure = { by: by.id, at: now.toISOString(), reason, kind, documents, record }
  const meetings = rebuildMeetings(store, authority, caseId, by, now)
  const retired = [...documents, ...Object.keys(meetings.rebuilt)]
  for (const id of retired) store.markRemoved(id, device.id, now)
  const change = authority.erase(caseId, erasure, meetings.rebuilt)
  const seq = change && store.addChunk(authority.teamDocumentId, change, { deviceId: SERVER_DEVICE, at: now })
  store.forget(retired)
  store.writeDeletionsThrough()
  return { status: 200, body: { caseId, documents }, publish: [...meetings.seqs, ...(seq === undefined ? [] : [seq])] }
}

/**
 * Rebuilds each of the team's meetings whose agenda names the erased case (with the team's earlier
 * erasures, forgotten too) as a new document, stored; returns the corrections by old id and the new
 * documents' chunks. A meeting that cannot be read is left as it is: the laptops still take the
 * case's words out of its current state (`Meetings.open`).
 */
function rebuildMeetings(store: ServerStore, authority: TeamAuthority, caseId: string, by: NonNullable<Device['person']>, now: Date): { rebuilt: Record<string, Correction>; seqs: number[] } {
  const erased = new Set([...authority.erasedCaseIds(), caseId])
  const rebuilt: Record<string, Correction> = {}
  const seqs: number[] = []
  for (const oldId of authority.meetingIds()) {
    let old = Automerge.init<unknown>()
    try {
      for (const chunk of store.chunksOf(oldId)) old = Automerge.loadIncremental(old, chunk.data)
      if (!agendaNames(old, caseId)) continue
      const fresh = rebuiltMeeting(old, erased, authoredBy({ id: by.id, name: by.name }, now))
      const newId = parseAutomergeUrl(generateAutomergeUrl()).documentId
      const seq = store.addChunk(newId, Automerge.save(fresh), { deviceId: SERVER_DEVICE, at: now, personId: by.id })
      Automerge.free(fresh)
      if (seq !== undefined) seqs.push(seq)
      rebuilt[oldId] = { replacedBy: newId, heads: Automerge.getHeads(old), by: by.id, at: now.toISOString(), field: '', erasedCase: caseId }
    } catch {
      // Unreadable here: left for the laptops, as before meetings were rebuilt.
    } finally {
      // Automerge's memory is WebAssembly's, not the garbage collector's to watch.
      Automerge.free(old)
    }
  }
  return { rebuilt, seqs }
}

/** The case's anonymised record, read from its stored chunks (undefined if they cannot be read). */
function anonymisedRecordOf(store: ServerStore, caseId: string): Erasure['record'] | undefined {
  let doc = Automerge.init<unknown>()
  try {
    for (const chunk of store.chunksOf(caseId)) doc = Automerge.loadIncremental(doc, chunk.data)
    return anonymisedCaseOf(doc as CaseDoc)
  } catch {
    return undefined
  } finally {
    // Automerge's memory is WebAssembly's, not the garbage collector's to watch.
    Automerge.free(doc)
  }
}

/** Whether two sets of erasures say the same (a laptop's change to them is put back). */
export function sameErasures(a: Record<string, Erasure>, b: Record<string, Erasure>): boolean {
  return canonical(a) === canonical(b)
}

/** Writes the erasures into the team document, entry by entry, as the server holds them. */
export function setErasures(team: TeamShape, held: Record<string, Erasure>): void {
  if (!isMap(team.erased)) {
    // No map yet and nothing erased: nothing to write. Anything else a laptop put there is made a map again.
    if (Object.keys(held).length === 0 && team.erased === undefined) return
    team.erased = {}
  }
  const map = team.erased as Record<string, unknown>
  for (const id of Object.keys(map)) if (!(id in held)) delete map[id]
  for (const [id, erasure] of Object.entries(held)) {
    const stored = isMap(map[id]) ? toPlain<Erasure>(map[id] as never) : undefined
    if (!stored || canonical(stored) !== canonical(erasure)) map[id] = toStored(erasure)
  }
}

/** JSON with every object's keys sorted: the same values read from the document compare equal. */
export function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v !== null && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => a.localeCompare(b))) : v,
  )
}
