import type { FlagKind } from '../case/flag-kinds'
import { MARKER_KINDS } from '../case/markers'
import { PHASES, type Phase } from '../case/phases'
import { foldForSearch, searchTerms } from '../search/fold'
import type { BoardRow } from './board'

/*
 * The board's filters and orders, as the page and the core apply them to its rows: apart from how
 * a row is made (`board.ts`, with the flags' rules and the bank holidays), which the board's page
 * does not load before its first row (npm run bench -- board-first-row).
 */

/** What the board can be narrowed to; `caseworker` is a member id, or `unallocated`. */
export interface BoardFilter {
  caseworker?: string
  phase?: Phase
  flag?: FlagKind
  /** A current warning marker: any (`any`), or one of a kind. */
  marker?: MarkerFilter
  /** Words from the client's name or CHAIN number. */
  text?: string
}

/** The board's warning marker filter: "Has a warning marker", or a kind of marker ("Risk to staff"). */
export const MARKER_FILTERS = [{ value: 'any', label: 'Has a warning marker' }, ...MARKER_KINDS] as const
export type MarkerFilter = (typeof MARKER_FILTERS)[number]['value']

export const BOARD_SORTS = ['client', 'phase', 'days-in-phase', 'last-contact', 'next-action', 'flags'] as const
export type BoardSort = (typeof BOARD_SORTS)[number]

export function filterBoard(rows: readonly BoardRow[], filter: BoardFilter): BoardRow[] {
  const words = searchTerms(filter.text ?? '')
  return rows.filter((row) => {
    if (filter.caseworker === 'unallocated' ? row.leadCaseworker !== null : filter.caseworker && row.leadCaseworker?.id !== filter.caseworker) {
      return false
    }
    // A phase is open cases' work: a closed case on the board for its follow-up check is in none.
    if (filter.phase && (row.phase !== filter.phase || row.closedAs)) return false
    if (filter.flag && !row.flags.some((flag) => flag.kind === filter.flag)) return false
    // The row's markers are its current ones: an ended marker no longer warns, so it matches nothing.
    if (filter.marker && !row.markers.some((tag) => filter.marker === 'any' || tag.kind === filter.marker)) return false
    // Folding every row's name took most of the board's start when nothing was typed.
    if (words.length === 0) return true
    const haystack = foldForSearch(`${row.clientName} ${row.chainNumber ?? ''}`)
    return words.every((word) => haystack.includes(word))
  })
}

/** Sorts a copy; "no date" sorts last whichever way, and ties go by the client's name. */
export function sortBoard(rows: readonly BoardRow[], by: BoardSort, descending = false): BoardRow[] {
  const key = (row: BoardRow): string | number | null => {
    switch (by) {
      case 'client':
        return row.clientName.toLocaleLowerCase('en-GB')
      case 'phase':
        return PHASES.indexOf(row.phase)
      case 'days-in-phase':
        return row.daysInPhase
      case 'last-contact':
        return row.lastContact
      case 'next-action':
        return row.nextAction?.due ?? null
      case 'flags':
        return row.flags.length
    }
  }
  const sign = descending ? -1 : 1
  // Each row's key worked out once, not at every comparison, and one collator for the names
  // (most rows tie on the key): sorting 5,000 rows was most of the board's start.
  const keyed = rows.map((row) => ({ row, key: key(row) }))
  keyed.sort((a, b) => {
    const ka = a.key
    const kb = b.key
    if (ka === null || kb === null) {
      if (ka !== kb) return ka === null ? 1 : -1
    } else if (ka < kb) return -sign
    else if (ka > kb) return sign
    return BY_NAME.compare(a.row.clientName, b.row.clientName)
  })
  return keyed.map(({ row }) => row)
}

/** Names in the order of `localeCompare(…, 'en-GB')`. */
const BY_NAME = new Intl.Collator('en-GB')
