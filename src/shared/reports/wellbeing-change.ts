import type { CaseRecord } from '../case/record'
import { wellbeingTotal } from '../case/support'
import type { IsoDate } from '../dates'

/** A short Warwick-Edinburgh total (7 to 35) and the day it was scored. */
export interface ScoredOn {
  on: IsoDate
  total: number
}

/**
 * The client's first and last wellbeing scores up to a day: from the start of support, every
 * support plan review, and closure, in date order. Undefined until there are two on different days:
 * one score is no change.
 */
export function firstAndLastScores(record: Pick<CaseRecord, 'wellbeing' | 'reviews'>, upTo: IsoDate): { first: ScoredOn; last: ScoredOn } | undefined {
  const reviews = Object.values(record.reviews).map((review) => ({
    on: review.reviewedOn,
    items: [review.item1, review.item2, review.item3, review.item4, review.item5, review.item6, review.item7],
  }))
  const scores = [record.wellbeing.start, ...reviews, record.wellbeing.closure]
    .filter((score): score is { on: IsoDate; items: number[] } => score !== undefined && score.on <= upTo && score.items.every((item) => typeof item === 'number'))
    .map((score) => ({ on: score.on, total: wellbeingTotal(score) }))
    .sort((a, b) => a.on.localeCompare(b.on))
  const first = scores[0]
  const last = scores.at(-1)
  return first && last && first.on !== last.on ? { first, last } : undefined
}
