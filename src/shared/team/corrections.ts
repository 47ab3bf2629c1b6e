import { toPlain } from '../automerge/registers'
import { isMap, type TeamDoc } from './team-doc'

/**
 * A corrected case (`src/shared/case/correct-value.ts`): its old document, whose history held the
 * wrong value, was replaced by a new one without it, and the old id is retired for ever, as an
 * erased case's is (the server refuses it; every laptop deletes its copy). The team document keeps
 * this record, keyed by the old id: which document replaced it, the old document's heads it was
 * rebuilt from (a laptop replays onto the new one its own changes made after them), who, when, and
 * which field. Never a value. A team meeting whose agenda named an erased case is rebuilt the same
 * way (`erasedCase`), so this is the one record of where an old document id leads.
 */
export interface Correction {
  replacedBy: string
  /** The old document's heads the new one holds the state of. */
  heads: string[]
  /** Who corrected it (a person's id). */
  by: string
  at: string
  /** The field corrected, as `referral.clientName` (empty for a meeting rebuilt on an erasure). */
  field: string
  /**
   * Set for a team meeting rebuilt because this erased case was on its agenda
   * (`src/shared/meeting/rebuilt-meeting.ts`): the old document is a meeting, not a case, and
   * what a laptop replays onto the new one leaves the case's items out.
   */
  erasedCase?: string
}

/** The team's corrections, by the old case id (an entry that is not one is skipped). */
export function corrections(doc: TeamDoc): Record<string, Correction> {
  const map = (doc as unknown as { corrected?: unknown }).corrected
  if (!isMap(map)) return {}
  const result: Record<string, Correction> = {}
  for (const [oldId, stored] of Object.entries(map)) {
    if (!isMap(stored)) continue
    const entry = toPlain<Partial<Correction>>(stored as never)
    if (typeof entry.replacedBy !== 'string' || !Array.isArray(entry.heads) || typeof entry.by !== 'string') continue
    result[oldId] = {
      replacedBy: entry.replacedBy,
      heads: entry.heads.filter((head): head is string => typeof head === 'string'),
      by: entry.by,
      at: typeof entry.at === 'string' ? entry.at : '',
      field: typeof entry.field === 'string' ? entry.field : '',
      ...(typeof entry.erasedCase === 'string' ? { erasedCase: entry.erasedCase } : {}),
    }
  }
  return result
}

/**
 * The id a case has now: an id corrected (once or more) leads to the document that replaced it.
 * Every reference to a case (a meeting's agenda, an audit entry, a draft, a page open in a window)
 * follows it here; so does a meeting's id, rebuilt when a case on its agenda was erased. A loop (no Homeward server writes one) ends where it began.
 */
export function currentCaseId(doc: TeamDoc, caseId: string): string {
  const all = corrections(doc)
  const seen = new Set<string>()
  let id = caseId
  for (let next = all[id]; next && !seen.has(id); next = all[id]) {
    seen.add(id)
    id = next.replacedBy
  }
  return seen.has(id) ? caseId : id
}

/** The correction that made this document, if a correction made it: the case's header says so. */
export function correctionMaking(doc: TeamDoc, caseId: string): (Correction & { oldId: string }) | undefined {
  const found = Object.entries(corrections(doc)).find(([, correction]) => correction.replacedBy === caseId)
  return found ? { ...found[1], oldId: found[0] } : undefined
}

/**
 * Every id the case has had: its own and each old id that leads to it, however many corrections
 * ago. What was recorded about a case under an earlier id (who viewed, changed or exported it: the
 * audit) is still that case's, and is read under the id it has now.
 */
export function idsLeadingTo(doc: TeamDoc, caseId: string): string[] {
  const all = corrections(doc)
  const ids = [caseId]
  for (let at = 0; at < ids.length; at += 1) {
    for (const [oldId, correction] of Object.entries(all)) if (correction.replacedBy === ids[at] && !ids.includes(oldId)) ids.push(oldId)
  }
  return ids
}
