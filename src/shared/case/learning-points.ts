import { toStored } from '../automerge/registers'
import type { PersonRef } from '../people'
import { beginChange } from './case-doc'
import type { ChangeContext } from './changes'
import type { CaseDoc } from './record'

/**
 * A case's learning points (Tool 4, Step 11: "Enter learning points into the team's learning
 * log"), kept in the case itself since schema 5. A point names or describes the person, so it
 * belongs with the rest of what is held about them: erasing or correcting the case takes it with
 * the case's document and its history, and a case restricted to some people shows its points to
 * them alone. The team's learning log is a view over the cases a laptop holds.
 */
export interface CaseLearningPoint {
  text: string
  by: PersonRef
  at: string
  /** Set when a team meeting has reviewed it. */
  reviewedAt?: string
}

/** A point into the case, by id: a map, so points two laptops add at once are both kept. */
export function addLearningPoint(doc: CaseDoc, id: string, point: CaseLearningPoint, context: ChangeContext): void {
  beginChange(doc, context)
  doc.learningPoints[id] = toStored(point)
}

/** A team meeting has reviewed these of the case's points (others' ids are not this case's). */
export function markLearningPointsReviewed(doc: CaseDoc, ids: readonly string[], context: ChangeContext): void {
  const points = doc.learningPoints as CaseDoc['learningPoints'] | undefined
  const unreviewed = ids.filter((id) => points?.[id] && !points[id].reviewedAt)
  if (unreviewed.length === 0) return
  beginChange(doc, context)
  for (const id of unreviewed) doc.learningPoints[id]!.reviewedAt = toStored(context.now.toISOString())
}

/**
 * Brings into the case the points an older version wrote into the team document about it. By id,
 * and only those it lacks: two laptops doing it at once write the same keys of the case's one map
 * (made by the schema's shared change, `PARTS_ADDED`), which merge as one copy of each point shown
 * (the other kept as a conflict: a meeting's review of either counts, `reviewed-in-any-copy.ts`). A
 * review recorded in the team document since the point was moved is carried across too.
 */
export function moveLearningPoints(doc: CaseDoc, points: Record<string, CaseLearningPoint>, context: ChangeContext): void {
  beginChange(doc, context)
  for (const [id, point] of Object.entries(points)) {
    const held = doc.learningPoints[id]
    if (!held) doc.learningPoints[id] = toStored(withoutCaseId(point))
    else if (point.reviewedAt && !held.reviewedAt) held.reviewedAt = toStored(point.reviewedAt)
  }
}

/** The team document's points carried their case's id; in the case it is the case's own. */
function withoutCaseId(point: CaseLearningPoint & { caseId?: string }): CaseLearningPoint {
  const { caseId: _caseId, ...rest } = point
  return rest
}
