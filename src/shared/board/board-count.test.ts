import { describe, expect, it } from 'vitest'
import { boardCount, boardMatches } from './board-count'

const open = { closedAs: null }
const closed = { closedAs: 'unplanned' } as const
const rows = (openCount: number, closedCount: number) => [...Array<typeof open>(openCount).fill(open), ...Array<typeof closed>(closedCount).fill(closed)]

describe("the board's count of its cases", () => {
  it('never counts a closed case with a follow-up check due as open', () => {
    expect(boardCount(rows(117, 23))).toBe('117 open cases and 23 closed cases with a follow-up check due')
    expect(boardCount(rows(1, 1))).toBe('1 open case and 1 closed case with a follow-up check due')
    expect(boardCount(rows(0, 2))).toBe('0 open cases and 2 closed cases with a follow-up check due')
  })

  it('says only the open cases when no closed case is on the board', () => {
    expect(boardCount(rows(140, 0))).toBe('140 open cases')
    expect(boardCount(rows(1, 0))).toBe('1 open case')
  })

  it('says how many of the cases a filter leaves, as cases (not "open" ones)', () => {
    expect(boardMatches(3, 142)).toBe('3 of 142 cases match')
    expect(boardMatches(1, 142)).toBe('1 of 142 cases matches')
    expect(boardMatches(142, 142)).toBe('Showing all 142 cases')
  })
})
