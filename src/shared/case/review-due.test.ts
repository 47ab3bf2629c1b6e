import { describe, expect, it } from 'vitest'
import * as change from './changes'
import { caseFlags } from './flags'
import { nextStep } from './lifecycle'
import { reviewDue, reviewDueOn } from './review-due'
import { CASEWORKER, caseIn, edit, nextId, read, TODAY } from '../../../tests/support/cases'

const scores = { item1: 3, item2: 3, item3: 2, item4: 3, item5: 4, item6: 2, item7: 3 }

describe('a support plan review due', () => {
  it('is the next review date set at the latest review, or a goal’s own review date after it, whichever is sooner', () => {
    let doc = caseIn('intensive-support')
    expect(reviewDueOn(read(doc))).toBeUndefined()
    doc = edit(doc, (d) => change.addItem(d, 'goals', nextId(), { goal: 'Register with a GP', reviewOn: '2026-11-30' }, CASEWORKER))
    expect(reviewDueOn(read(doc))).toBe('2026-11-30')
    doc = edit(doc, (d) =>
      change.addItem(d, 'reviews', nextId(), { reviewedOn: '2026-11-20', goalsReviewed: 'Register with a GP: booked', nextReviewOn: '2026-12-18', ...scores }, CASEWORKER),
    )
    // The goal's date comes after the review, and sooner than its next review.
    expect(reviewDueOn(read(doc))).toBe('2026-11-30')
    doc = edit(doc, (d) => change.addItem(d, 'reviews', nextId(), { reviewedOn: '2026-11-23', goalsReviewed: 'All goals', nextReviewOn: '2026-12-07', ...scores }, CASEWORKER))
    // Reviewed since the goal's date was set earlier? No: 30/11 is still after 23/11, and sooner.
    expect(reviewDueOn(read(doc))).toBe('2026-11-30')
    expect(reviewDue('2026-11-30', '2026-11-29')).toBeUndefined()
    expect(reviewDue('2026-11-30', '2026-11-30')).toBe('Review the support plan with the client (due 30/11/2026)')
  })

  it('flags the case and is its next step once the day has come', () => {
    const doc = edit(caseIn('intensive-support'), (d) =>
      change.addItem(d, 'reviews', nextId(), { reviewedOn: '2026-10-23', goalsReviewed: 'Keep my flat', nextReviewOn: '2026-11-20', ...scores }, CASEWORKER),
    )
    expect(caseFlags(read(doc), TODAY)).toContainEqual({ kind: 'review-due', message: 'Review the support plan with the client (due 20/11/2026)' })
    expect(nextStep(read(doc), { today: TODAY })).toBe('Review the support plan with the client (due 20/11/2026).')
  })

  it('takes the wellbeing scale at every review: a review without it is refused, by name', () => {
    expect(() =>
      edit(caseIn('intensive-support'), (d) => change.addItem(d, 'reviews', nextId(), { reviewedOn: TODAY, goalsReviewed: 'Keep my flat', ...scores, item7: undefined }, CASEWORKER)),
    ).toThrow(expect.objectContaining({ issues: [{ field: 'item7', message: "Answer “I've been able to make up my own mind about things”, from 1 (none of the time) to 5 (all of the time)" }] }))
  })
})
