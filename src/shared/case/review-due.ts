import { formatUkDate, type IsoDate } from '../dates'
import type { CaseRecord } from './record'

/**
 * When the support plan is next due its review: the next review date set at the latest review, or
 * a goal's own review date (a goal not yet achieved, whose date comes after that review), whichever
 * is sooner. None when neither is set.
 */
export function reviewDueOn(record: Pick<CaseRecord, 'reviews' | 'goals'>): IsoDate | undefined {
  const latest = Object.values(record.reviews).sort((a, b) => a.reviewedOn.localeCompare(b.reviewedOn)).at(-1)
  const dates = [
    ...(latest?.nextReviewOn ? [latest.nextReviewOn] : []),
    ...Object.values(record.goals)
      .filter((goal) => !goal.achievedOn && goal.reviewOn && (!latest || goal.reviewOn > latest.reviewedOn))
      .map((goal) => goal.reviewOn!),
  ]
  return dates.sort()[0]
}

/** The words when the review's day has come, or none: "Review the support plan with the client (due 20/11/2026)". */
export function reviewDue(due: IsoDate | null | undefined, today: IsoDate): string | undefined {
  return due && due <= today ? `Review the support plan with the client (due ${formatUkDate(due)})` : undefined
}
