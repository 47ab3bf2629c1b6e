import { describe, expect, it } from 'vitest'
import type { CaseRecord } from '../case/record'
import { firstAndLastScores } from './wellbeing-change'

const items = (total: number) => [total - 6, 1, 1, 1, 1, 1, 1]
const review = (reviewedOn: string, total: number) => {
  const [item1, item2, item3, item4, item5, item6, item7] = items(total)
  return { reviewedOn, goalsReviewed: 'Housing.', item1, item2, item3, item4, item5, item6, item7 }
}

describe('the wellbeing change from the first score to the last', () => {
  const record = {
    wellbeing: { start: { on: '2026-01-10', items: items(14) }, closure: { on: '2026-09-01', items: items(25) } },
    reviews: { r2: review('2026-06-01', 21), r1: review('2026-03-01', 17) },
  } as unknown as CaseRecord

  it('takes the start of support, every review and closure in date order', () => {
    expect(firstAndLastScores(record, '2026-12-31')).toEqual({ first: { on: '2026-01-10', total: 14 }, last: { on: '2026-09-01', total: 25 } })
  })

  it('stops at the day given: a later score is not yet the last', () => {
    expect(firstAndLastScores(record, '2026-06-30')).toEqual({ first: { on: '2026-01-10', total: 14 }, last: { on: '2026-06-01', total: 21 } })
  })

  it('has no change with one score, or with none', () => {
    expect(firstAndLastScores(record, '2026-02-01')).toBeUndefined()
    expect(firstAndLastScores({ wellbeing: {}, reviews: {} }, '2026-12-31')).toBeUndefined()
  })

  it('starts from the first review when the start of support was not scored', () => {
    const noStart = { ...record, wellbeing: { closure: record.wellbeing.closure } }
    expect(firstAndLastScores(noStart, '2026-12-31')).toEqual({ first: { on: '2026-03-01', total: 17 }, last: { on: '2026-09-01', total: 25 } })
  })
})
