import { useRef, type ReactNode, type RefObject } from 'react'

/** One column of a DataTable. */
export interface Column<T> {
  /** The heading: words, or more (the board's sort buttons). */
  heading: ReactNode
  /** Keys the column where the heading is not a string. */
  key?: string
  /** Read out by screen readers but not shown, where the cells speak for themselves (file badges). */
  hiddenHeading?: boolean
  /** The cell that names its row, read out before the others in that row: a row header. */
  rowHeader?: boolean
  /** Figures: right-aligned, heading and cells. */
  numeric?: boolean
  /** Classes for each cell of the column (not its heading). */
  className?: string
  /** Set on the column the table is sorted by. */
  sort?: 'ascending' | 'descending'
  cell: (row: T, index: number) => ReactNode
}

/**
 * A table of records: a caption for screen readers (the heading above says it to everyone else),
 * column headings, a row per record, and the buttons acting on it (Change, Remove...) in a last
 * column whose heading only screen readers hear.
 */
export function DataTable<T>(props: {
  caption: string
  columns: readonly Column<T>[]
  rows: readonly T[]
  rowKey: (row: T, index: number) => string
  rowClassName?: (row: T) => string | undefined
  rowActions?: { heading: string; cell: (row: T, index: number) => ReactNode }
  /**
   * A row of its own under a record, across the table, when there is more to show for it. Given
   * the record's row, for focus to land on once the detail is done with (a conflict settled).
   */
  rowDetail?: (row: T, index: number, recordRow: RefObject<HTMLTableRowElement | null>) => ReactNode
  /** Shown instead of a table with no rows, where given. */
  empty?: string
  /** Classes beside `table`, such as `board`; tables are compact unless `roomy` (the case list). */
  className?: string
  roomy?: boolean
  /** Wide tables scroll sideways rather than squeeze the page. */
  scroll?: boolean
}) {
  if (props.empty !== undefined && props.rows.length === 0) return <p className="muted">{props.empty}</p>
  const { columns, rowActions } = props
  const table = (
    <table className={classes('table', !props.roomy && 'table--compact', props.className)}>
      <caption className="visually-hidden">{props.caption}</caption>
      <thead>
        <tr>
          {columns.map((column) => (
            <th scope="col" key={keyOf(column)} className={classes(column.numeric && 'number')} aria-sort={column.sort}>
              {column.hiddenHeading ? <span className="visually-hidden">{column.heading}</span> : column.heading}
            </th>
          ))}
          {rowActions && (
            <th scope="col">
              <span className="visually-hidden">{rowActions.heading}</span>
            </th>
          )}
        </tr>
      </thead>
      <tbody>
        {props.rows.map((row, index) => (
          <Row key={props.rowKey(row, index)} row={row} index={index} columns={columns} rowActions={rowActions} rowClassName={props.rowClassName} rowDetail={props.rowDetail} />
        ))}
      </tbody>
    </table>
  )
  return props.scroll ? <div className="table-scroll">{table}</div> : table
}

/** A record's row and its detail row: a component, so that each row has its own ref. */
function Row<T>(props: {
  row: T
  index: number
  columns: readonly Column<T>[]
  rowActions: { heading: string; cell: (row: T, index: number) => ReactNode } | undefined
  rowClassName: ((row: T) => string | undefined) | undefined
  rowDetail: ((row: T, index: number, recordRow: RefObject<HTMLTableRowElement | null>) => ReactNode) | undefined
}) {
  const { row, index, columns, rowActions } = props
  const recordRow = useRef<HTMLTableRowElement>(null)
  const detail = props.rowDetail?.(row, index, recordRow)
  return (
    <>
      {/* Focusable from code only (tabIndex -1), where a detail may hand focus back to it. */}
      <tr ref={recordRow} className={props.rowClassName?.(row)} tabIndex={props.rowDetail ? -1 : undefined}>
        {columns.map((column) => {
          const Cell = column.rowHeader ? 'th' : 'td'
          return (
            <Cell key={keyOf(column)} scope={column.rowHeader ? 'row' : undefined} className={classes(column.numeric && 'number', column.className)}>
              {column.cell(row, index)}
            </Cell>
          )
        })}
        {rowActions && <td className="table__actions">{rowActions.cell(row, index)}</td>}
      </tr>
      {detail && (
        <tr>
          <td colSpan={columns.length + (rowActions ? 1 : 0)}>{detail}</td>
        </tr>
      )}
    </>
  )
}

function keyOf(column: Column<never>): string {
  return column.key ?? String(column.heading)
}

function classes(...names: (string | false | undefined)[]): string | undefined {
  return names.filter(Boolean).join(' ') || undefined
}
