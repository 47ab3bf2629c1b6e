import type { BoardRow } from './board'

const cases = (count: number, kind: string) => `${count} ${kind} ${count === 1 ? 'case' : 'cases'}`

/**
 * What the board holds, in words that are true: its open cases, and apart from them the closed
 * cases it shows only while a follow-up check is due (`onTheBoard`), which are not open work and
 * must not be counted as open ("140 open cases" when 23 of them were closed).
 */
export function boardCount(rows: readonly Pick<BoardRow, 'closedAs'>[]): string {
  return boardCountOf(rows.length, rows.filter((row) => row.closedAs).length)
}

/** The same, from how many cases the board holds and how many of them are closed. */
export function boardCountOf(all: number, closed: number): string {
  const open = cases(all - closed, 'open')
  return closed === 0 ? open : `${open} and ${cases(closed, 'closed')} with a follow-up check due`
}

/** How many of the board's cases a filter leaves ("3 of 140 cases match"), or that it shows them all. */
export function boardMatches(matching: number, total: number): string {
  if (matching === total) return `Showing all ${total} ${total === 1 ? 'case' : 'cases'}`
  return `${matching} of ${total} ${total === 1 ? 'case' : 'cases'} ${matching === 1 ? 'matches' : 'match'}`
}
