import { erasures } from './erasures'
import { laptopMayHold, restrictions } from './restrictions'
import { teamCaseIds, type TeamDoc } from './team-doc'

/** The cases a laptop may not hold, by id: those restricted to others, and those erased. */
export interface WithheldCases {
  restricted: string[]
  erased: string[]
}

/**
 * The cases a laptop of these people may not hold, by the team document: those restricted to others
 * (on a shared laptop, to anyone but all of its people) and those erased (no longer listed, but named
 * in `erased` for ever). The laptop deletes them, and its windows let them go with the drafts typed
 * into them. Only these: a case the team lists that has not arrived yet is not among them, so
 * nothing typed into it is thrown away.
 */
export function withheldCases(doc: TeamDoc, personIds: readonly string[]): WithheldCases {
  const restricted = restrictions(doc)
  const erased = Object.keys(erasures(doc))
  const gone = new Set(erased)
  return { restricted: teamCaseIds(doc).filter((id) => !gone.has(id) && !laptopMayHold(restricted[id], personIds)), erased }
}
