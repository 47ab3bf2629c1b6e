import type { CaseLearningPoint } from './learning-points'

/**
 * A learning point is reviewed when any copy of it is. Two laptops moving an older version's point
 * from the team document into its case while apart (`moveLearningPoints`) each write it at its id:
 * merged, the case holds both copies and Automerge shows one. A team meeting that marked its own
 * copy reviewed (`markLearningPointsReviewed`) would be lost if the other copy is the one shown;
 * so the point is read with the earliest review any copy has. `copiesOf` gives a point's
 * copies, plain (`PlainDocument.conflicts`).
 */
export function reviewedInAnyCopy(points: Record<string, CaseLearningPoint>, copiesOf: (id: string) => unknown[]): Record<string, CaseLearningPoint> {
  let read = points
  for (const [id, point] of Object.entries(points)) {
    const copies = copiesOf(id)
    if (copies.length < 2) continue
    const reviews = copies
      .map((copy) => (typeof copy === 'object' && copy !== null ? (copy as Partial<CaseLearningPoint>).reviewedAt : undefined))
      .filter((at): at is string => typeof at === 'string')
      .sort()
    if (reviews[0] !== undefined && reviews[0] !== point.reviewedAt) read = { ...read, [id]: { ...point, reviewedAt: reviews[0] } }
  }
  return read
}
