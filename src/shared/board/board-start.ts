import { filterBoard, sortBoard } from './board-rows'
import type { Board, BoardRow } from './board'
import type { BoardView } from './board-view'

export type { BoardView } from './board-view'

/** Rows the board draws at first: enough for a few screens, few enough to appear at once. */
export const BOARD_FIRST_ROWS = 100

/**
 * The start of the board, for the page to draw before the whole board has come: its first rows in
 * the view's order, and what the page says of all of them (counts, caseloads). Every open case
 * would be 1.6 MB at 5,000 cases, read and sorted in the page before its first row
 * (npm run bench -- board-first-row); the whole board follows.
 */
export interface BoardStart extends Omit<Board, 'rows'> {
  rows: BoardRow[]
  /** The board's cases: all of them, those closed with a follow-up check due, those flagged, and those the view's filters leave. */
  counts: { all: number; closed: number; flagged: number; matching: number }
}

export function boardStart(board: Board, view: BoardView): BoardStart {
  const { rows, ...rest } = board
  const matching = filterBoard(rows, view.filter)
  return { ...rest, rows: sortBoard(matching, view.sort, view.descending).slice(0, BOARD_FIRST_ROWS), counts: boardCounts(rows, matching.length) }
}

/** What the board says of its cases, whether from its start or from the whole board in the page. */
export function boardCounts(rows: readonly BoardRow[], matching: number): BoardStart['counts'] {
  return { all: rows.length, closed: rows.filter((row) => row.closedAs).length, flagged: rows.filter((row) => row.flags.length > 0).length, matching }
}
