import { describe, expect, it } from 'vitest'
import { PHASES } from '../case/phases'
import { filterBoard, sortBoard, type Board, type BoardRow } from './board'
import { BOARD_FIRST_ROWS, boardStart, type BoardView } from './board-start'
import { boardViewSchema } from './board-view'

const overdue = { kind: 'overdue-action', message: 'Overdue action' } as const
const followUp = { kind: 'follow-up-due', message: 'Follow-up check at 3 months due' } as const

/** 250 cases: every phase, a third flagged, some closed with a follow-up check due, two caseworkers. */
const rows: BoardRow[] = Array.from({ length: 250 }, (_, n) => ({
  id: `case-${n}`,
  clientName: `Client ${String(n).padStart(3, '0')}`,
  chainNumber: String(700000 + n),
  phase: PHASES[n % PHASES.length]!,
  closedAs: n % 25 === 0 ? 'planned' : null,
  leadCaseworker: n % 4 === 0 ? null : { id: `worker-${n % 2}`, name: `Worker ${n % 2}` },
  daysInPhase: (n * 7) % 40,
  lastContact: n % 5 === 0 ? null : `2026-11-${String((n % 20) + 1).padStart(2, '0')}`,
  flags: n % 25 === 0 ? [followUp] : n % 3 === 0 ? [overdue] : [],
  nextAction: null,
  receivedOn: '2026-01-05',
  closurePoint: null,
  markers: [],
}))
const board: Board = { today: '2026-11-23', rows, caseloads: [], weights: {} as Board['weights'] }

describe("the board's start, drawn before the whole board comes", () => {
  it('holds the first rows the page would draw from the whole board, in the same order, for any view', () => {
    const views: BoardView[] = [
      { filter: {}, sort: 'flags', descending: true },
      { filter: {}, sort: 'client', descending: false },
      { filter: { caseworker: 'worker-1' }, sort: 'last-contact', descending: false },
      { filter: { caseworker: 'unallocated', phase: 'engage' }, sort: 'days-in-phase', descending: true },
      { filter: { flag: 'overdue-action', text: 'client 1' }, sort: 'phase', descending: false },
    ]
    for (const view of views) {
      const matching = sortBoard(filterBoard(rows, view.filter), view.sort, view.descending)
      const start = boardStart(board, view)
      expect(start.rows).toEqual(matching.slice(0, BOARD_FIRST_ROWS))
      expect(start.counts.matching).toBe(matching.length)
    }
  })

  it('counts the whole board, whatever the view: the closed cases apart, and those flagged', () => {
    const start = boardStart(board, { filter: { phase: 'engage' }, sort: 'flags', descending: true })
    expect(start.counts).toMatchObject({ all: 250, closed: 10, flagged: rows.filter((row) => row.flags.length > 0).length })
    expect(start.rows.length).toBeLessThan(BOARD_FIRST_ROWS)
    expect(boardStart(board, { filter: {}, sort: 'flags', descending: true }).rows).toHaveLength(BOARD_FIRST_ROWS)
  })

  it('refuses a view the board does not have', () => {
    expect(boardViewSchema.safeParse({ filter: {}, sort: 'flags', descending: true }).success).toBe(true)
    expect(boardViewSchema.safeParse({ filter: {}, sort: 'salary', descending: true }).success).toBe(false)
    expect(boardViewSchema.safeParse({ filter: { phase: 'holiday' }, sort: 'flags', descending: true }).success).toBe(false)
    expect(boardViewSchema.safeParse({ filter: { marker: 'no-such-kind' }, sort: 'flags', descending: true }).success).toBe(false)
  })
})
