import * as Automerge from '@automerge/automerge'
import { generateAutomergeUrl, parseAutomergeUrl } from '@automerge/automerge-repo'
import { toPlain, toStored } from '../shared/automerge/registers'
import { CORRECT_REFUSAL, fieldPathText, leadCaseworkerOf, mayCorrect, parseFieldPath, rebuiltCase } from '../shared/case/correct-value'
import { isoDateOf } from '../shared/dates'
import type { Correction } from '../shared/team/corrections'
import { isMap } from '../shared/team/team-doc'
import { ValidationError } from '../shared/validation'
import { canonical } from './erased-cases'
import { SERVER_DEVICE, type Device, type ServerStore } from './store'
import type { TeamAuthority, TeamShape } from './team-authority'

/** What correcting a case did: the answer, and the chunks to send out (by number). */
export interface CorrectOutcome {
  status: number
  body: unknown
  publish: number[]
}

/**
 * The case's lead caseworker or a manager corrects a value so that the old one is gone from the
 * history (`src/shared/case/correct-value.ts`). The server rebuilds the case from its own chunks
 * (never a laptop's bytes) as a new document holding the right value and no history, lists it in
 * the old one's place (its scans and restriction follow), records the correction in the team
 * document by its own change, then retires the old id as erasure does: refused for ever, every
 * chunk deleted and the deletion written through to the file. Every laptop deletes its copy on
 * hearing, after replaying onto the new document what it changed since (`Correction.heads`).
 */
export function correctCase(store: ServerStore, authority: TeamAuthority, device: Device, caseId: string, field: string, value: string, now: Date): CorrectOutcome {
  const refuse = (status: number, error: string): CorrectOutcome => ({ status, body: { error }, publish: [] })
  const by = device.person
  if (!authority.listsCase(caseId)) return refuse(404, store.isRemoved(caseId) ? `Case ${caseId} has been erased, corrected or taken out of the team` : `The team has no case ${caseId}`)
  let old = Automerge.init<unknown>()
  try {
    for (const chunk of store.chunksOf(caseId)) if (!chunk.heldBack) old = Automerge.loadIncremental(old, chunk.data)
    if (!by || !mayCorrect(by, leadCaseworkerOf(old))) return refuse(403, CORRECT_REFUSAL)
    const target = parseFieldPath(field)
    const fresh = rebuiltCase(old, target, value, { author: { id: by.id, name: by.name }, now, today: isoDateOf(now) })
    const newId = parseAutomergeUrl(generateAutomergeUrl()).documentId
    const correction: Correction = { replacedBy: newId, heads: Automerge.getHeads(old), by: by.id, at: now.toISOString(), field: fieldPathText(target) }
    const documentSeq = store.addChunk(newId, Automerge.save(fresh), { deviceId: SERVER_DEVICE, at: now, personId: by.id })
    Automerge.free(fresh)
    store.markRemoved(caseId, device.id, now)
    const change = authority.correct(caseId, correction)
    const teamSeq = change && store.addChunk(authority.teamDocumentId, change, { deviceId: SERVER_DEVICE, at: now })
    store.forget([caseId])
    store.writeDeletionsThrough()
    return { status: 200, body: { caseId, replacedBy: newId }, publish: [documentSeq, teamSeq].filter((seq): seq is number => seq !== undefined) }
  } catch (error) {
    if (error instanceof ValidationError) return refuse(422, error.message)
    return refuse(422, `Case ${caseId} could not be read on the server: it was not corrected`)
  } finally {
    // Automerge's memory is WebAssembly's, not the garbage collector's to watch.
    Automerge.free(old)
  }
}

/** Writes the corrections into the team document, entry by entry, as the server holds them. */
export function setCorrections(team: TeamShape, held: Record<string, Correction>): void {
  if (!isMap(team.corrected)) {
    // No map yet and nothing corrected: nothing to write. Anything else a laptop put there is made a map again.
    if (Object.keys(held).length === 0 && team.corrected === undefined) return
    team.corrected = {}
  }
  const map = team.corrected as Record<string, unknown>
  for (const id of Object.keys(map)) if (!(id in held)) delete map[id]
  for (const [id, correction] of Object.entries(held)) {
    const stored = isMap(map[id]) ? toPlain<Correction>(map[id] as never) : undefined
    if (!stored || canonical(stored) !== canonical(correction)) map[id] = toStored(correction)
  }
}

/** Whether two sets of corrections say the same (a laptop's change to them is put back). */
export function sameCorrections(a: Record<string, Correction>, b: Record<string, Correction>): boolean {
  return canonical(a) === canonical(b)
}
