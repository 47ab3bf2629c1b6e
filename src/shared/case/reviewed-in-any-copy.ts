import { getConflicts } from '@automerge/automerge/slim'
import { toPlain } from '../automerge/registers'
import type { CaseLearningPoint } from './learning-points'

/**
 * A learning point is reviewed when any copy of it is. Two laptops moving an older version's point
 * from the team document into its case while apart (`moveLearningPoints`) each write it at its id:
 * merged, the case holds both copies and Automerge shows one. A team meeting that marked its own
 * copy reviewed (`markLearningPointsReviewed`) would be lost if the other copy is the one shown;
 * so the point is read with the earliest review any copy has.
 */
export function reviewedInAnyCopy(stored: object, points: Record<string, CaseLearningPoint>): Record<string, CaseLearningPoint> {
  let read = points
  for (const [id, point] of Object.entries(points)) {
    const copies = Object.values(getConflicts(stored, id) ?? {})
    if (copies.length < 2) continue
    const reviews = copies
      .map((copy) => (typeof copy === 'object' && copy !== null ? toPlain<Partial<CaseLearningPoint>>(copy as never).reviewedAt : undefined))
      .filter((at): at is string => typeof at === 'string')
      .sort()
    if (reviews[0] !== undefined && reviews[0] !== point.reviewedAt) read = { ...read, [id]: { ...point, reviewedAt: reviews[0] } }
  }
  return read
}
