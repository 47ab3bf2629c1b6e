import { FilterSelect } from '../components/FilterSelect'
import { useEffect, useMemo, useState } from 'react'
import { Link, useSearchParams } from 'react-router'
import type { BoardRow } from '../../shared/board/board'
import { BOARD_SORTS, filterBoard, MARKER_FILTERS, sortBoard, type BoardFilter, type BoardSort, type MarkerFilter } from '../../shared/board/board-rows'
import { BOARD_FIRST_ROWS, boardCounts, type BoardView } from '../../shared/board/board-start'
import { boardCountOf, boardMatches } from '../../shared/board/board-count'
import { FLAG_KINDS, FLAG_LABELS, type FlagKind } from '../../shared/case/flag-kinds'
import { PHASE_NAMES, PHASES, type Phase } from '../../shared/case/phases'
import { formatUkDate } from '../../shared/dates'
import { DataTable, type Column } from '../components/DataTable'
import { PageHeading } from '../components/PageHeading'
import { MarkerTags } from '../components/MarkerTags'
import { PhaseTag } from '../components/PhaseTag'
import { useBoard, type BoardState } from './useBoard'
import { FIRST_BOARD_VIEW } from './first-view'
import { CaseloadTable } from './CaseloadTable'
import { RetentionNotice } from '../team/RetentionNotice'

const SORT_LABELS: Record<BoardSort, string> = {
  client: 'Client',
  phase: 'Phase',
  'days-in-phase': 'Days in phase',
  'last-contact': 'Last contact',
  'next-action': 'Next action',
  flags: 'Flags',
}

/** Every open case at a glance (and a closed one with a follow-up check due), for the manager and the team; the filters live in the address. */
export function BoardPage() {
  const [params] = useSearchParams()
  const board = useBoard(readView(params))
  return (
    <>
      <PageHeading title="Caseload board" />
      <RetentionNotice />
      {board.status === 'loading' && <p className="muted">Loading the board…</p>}
      {board.status === 'failed' && <p className="banner banner--warning">The board could not be loaded: {board.message}</p>}
      {(board.status === 'start' || board.status === 'whole') && <BoardView board={board} />}
    </>
  )
}

/**
 * The board: drawn first from its start (the first rows for this view, and the counts), then from
 * the whole board once it is here, which filters and sorts in the page. Both give the same first
 * rows, so nothing moves when the whole board arrives.
 */
function BoardView({ board }: { board: Extract<BoardState, { status: 'start' | 'whole' }> }) {
  const [params, setParams] = useSearchParams()
  const { filter, sort, descending } = readView(params)
  const [showAll, setShowAll] = useState(false)
  const whole = board.status === 'whole' ? board.board : undefined
  const rows = useMemo(() => whole && sortBoard(filterBoard(whole.rows, filter), sort, descending), [whole, params]) // eslint-disable-line react-hooks/exhaustive-deps
  const { today, caseloads, weights } = board.status === 'whole' ? board.board : board.start
  const counts = whole && rows ? boardCounts(whole.rows, rows.length) : board.status === 'start' ? board.start.counts : undefined
  const firstRows = rows ? rows.slice(0, BOARD_FIRST_ROWS) : board.status === 'start' ? board.start.rows : []
  const shown = showAll && rows ? rows : firstRows
  // The first draw holds a window's worth of rows, the rest and the caseloads a frame later: the
  // page's own drawing was most of the time to the first row (npm run bench -- board-first-row).
  const wholePage = useAfterFirstFrame()
  const drawn = wholePage ? shown : shown.slice(0, SCREENFUL)

  const set = (name: string, value: string | undefined) => {
    const next = new URLSearchParams(params)
    if (value) next.set(name, value)
    else next.delete(name)
    setParams(next, { replace: true })
  }
  const sortBy = (key: BoardSort) => {
    const next = new URLSearchParams(params)
    next.set('sort', key)
    next.set('order', key === sort && !descending ? 'desc' : 'asc')
    setParams(next, { replace: true })
  }

  if (!counts) return null
  return (
    <>
      <p className="lead">
        {boardCountOf(counts.all, counts.closed)}, {counts.flagged} flagged. Today is {formatUkDate(today)}.
      </p>
      <form className="board-filters" role="search" aria-label="Filter the board" onSubmit={(event) => event.preventDefault()}>
        <FilterSelect idPrefix="board" label="Caseworker" name="caseworker" value={filter.caseworker ?? ''} onChange={(v) => set('caseworker', v)}>
          <option value="">Everyone</option>
          <option value="unallocated">Not allocated</option>
          {/* People to choose from by name; the caseload table keeps its lightest-first order. */}
          {[...caseloads]
            .sort((a, b) => a.caseworker.name.localeCompare(b.caseworker.name, 'en-GB'))
            .map((load) => (
              <option key={load.caseworker.id} value={load.caseworker.id}>
                {load.caseworker.name}
              </option>
            ))}
        </FilterSelect>
        <FilterSelect idPrefix="board" label="Phase" name="phase" value={filter.phase ?? ''} onChange={(v) => set('phase', v)}>
          <option value="">Every phase</option>
          {PHASES.map((phase) => (
            <option key={phase} value={phase}>
              {PHASE_NAMES[phase]}
            </option>
          ))}
        </FilterSelect>
        <FilterSelect idPrefix="board" label="Flag" name="flag" value={filter.flag ?? ''} onChange={(v) => set('flag', v)}>
          <option value="">Any or none</option>
          {FLAG_KINDS.map((kind) => (
            <option key={kind} value={kind}>
              {FLAG_LABELS[kind]}
            </option>
          ))}
        </FilterSelect>
        <FilterSelect idPrefix="board" label="Warning marker" name="marker" value={filter.marker ?? ''} onChange={(v) => set('marker', v)}>
          <option value="">Any or none</option>
          {MARKER_FILTERS.map((marker) => (
            <option key={marker.value} value={marker.value}>
              {marker.label}
            </option>
          ))}
        </FilterSelect>
        <div className="board-filters__field">
          <label htmlFor="board-text">Client or CHAIN number</label>
          <input id="board-text" className="input input--medium" type="search" value={filter.text ?? ''} onChange={(event) => set('q', event.target.value)} />
        </div>
      </form>
      <p role="status" className="muted">
        {boardMatches(counts.matching, counts.all)}
      </p>
      {counts.matching > 0 && <DataTable caption="Open cases, and closed cases with a follow-up check due; the column headings sort the table" className="board" scroll rows={drawn} rowKey={(row) => row.id} columns={boardColumns(sort, descending, sortBy)} />}
      {shown.length < counts.matching && (
        <p>
          <button type="button" className="button button--secondary" onClick={() => setShowAll(true)}>
            Show all {counts.matching}
          </button>
        </p>
      )}
      {wholePage && (
        <>
          <h2>Caseloads</h2>
          <p className="muted">
            Weighted by phase (Standard Caseload Equivalent), lightest first: who has room for a new referral. The weights are in Team settings.
          </p>
          <CaseloadTable caseloads={caseloads} weights={weights} />
        </>
      )}
    </>
  )
}

/** Rows the board's first draw holds: more than a window shows. */
const SCREENFUL = 20

/** False for the first draw, true from the frame after it. */
function useAfterFirstFrame(): boolean {
  const [after, setAfter] = useState(false)
  useEffect(() => {
    const frame = requestAnimationFrame(() => setAfter(true))
    return () => cancelAnimationFrame(frame)
  }, [])
  return after
}

/** The board's columns; the headings of all but one sort the table, and say how it is sorted. */
function boardColumns(sort: BoardSort, descending: boolean, sortBy: (key: BoardSort) => void): Column<BoardRow>[] {
  const sortable = (by: BoardSort, column: Omit<Column<BoardRow>, 'heading'>): Column<BoardRow> => ({
    ...column,
    key: by,
    heading: (
      <button type="button" className="sort-button" onClick={() => sortBy(by)}>
        {SORT_LABELS[by]}
        <span aria-hidden="true">{by === sort ? (descending ? ' ▼' : ' ▲') : ''}</span>
      </button>
    ),
    ...(by === sort ? { sort: descending ? 'descending' : 'ascending' } : {}),
  })
  return [
    sortable('client', {
      rowHeader: true,
      cell: (row) => (
        <>
          <Link to={`/cases/${row.id}`}>{row.clientName}</Link>
          {row.chainNumber && <span className="board__chain">CHAIN {row.chainNumber}</span>}
          <MarkerTags tags={row.markers} />
        </>
      ),
    }),
    { heading: 'Lead caseworker', cell: (row) => row.leadCaseworker?.name ?? <span className="muted">Not allocated</span> },
    sortable('phase', { cell: (row) => <PhaseTag phase={row.phase} closedAs={row.closedAs} /> }),
    sortable('days-in-phase', { className: 'number', cell: (row) => row.daysInPhase }),
    sortable('last-contact', { cell: (row) => (row.lastContact ? formatUkDate(row.lastContact) : <span className="muted">None</span>) }),
    sortable('flags', {
      cell: (row) =>
        row.flags.length === 0 ? (
          <span className="muted">None</span>
        ) : (
          <ul className="flag-list">
            {row.flags.map((flag) => (
              <li key={flag.kind} className="tag tag--warning">
                {flag.message}
              </li>
            ))}
          </ul>
        ),
    }),
    sortable('next-action', {
      cell: (row) =>
        row.nextAction ? (
          <>
            {row.nextAction.description}
            <span className="board__due">
              {row.nextAction.owner}, by {formatUkDate(row.nextAction.due)}
            </span>
          </>
        ) : (
          <span className="muted">None</span>
        ),
    }),
  ]
}

/** The board's filters and order, from the page's address (the flags, most first, unless it says). */
/** The view the address asks for; with nothing chosen, the one asked for as the page starts (`first-view.ts`). */
export function readView(params: URLSearchParams): BoardView {
  const sort = (BOARD_SORTS as readonly string[]).includes(params.get('sort') ?? '') ? (params.get('sort') as BoardSort) : FIRST_BOARD_VIEW.sort
  const descending = params.get('order') ? params.get('order') === 'desc' : sort === 'flags' || sort === 'days-in-phase'
  return { filter: readFilter(params), sort, descending }
}

function readFilter(params: URLSearchParams): BoardFilter {
  const phase = params.get('phase')
  const flag = params.get('flag')
  const marker = params.get('marker')
  return {
    ...(params.get('caseworker') ? { caseworker: params.get('caseworker')! } : {}),
    ...(phase && (PHASES as readonly string[]).includes(phase) ? { phase: phase as Phase } : {}),
    ...(flag && (FLAG_KINDS as readonly string[]).includes(flag) ? { flag: flag as FlagKind } : {}),
    ...(marker && MARKER_FILTERS.some((known) => known.value === marker) ? { marker: marker as MarkerFilter } : {}),
    ...(params.get('q') ? { text: params.get('q')! } : {}),
  }
}

