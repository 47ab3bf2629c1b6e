import type { ReactNode } from 'react'
import { Link } from 'react-router'
import type { ListedCase } from '../../shared/case/summary'
import { formatUkDate, formatUkDayOf } from '../../shared/dates'
import { DataTable, type Column } from '../components/DataTable'
import { PhaseTag } from '../components/PhaseTag'

/** A table of cases, each linking to its case page; `extra` adds a column (search adds "Found in"). */
export function CaseTable<T extends ListedCase>({
  cases,
  caption,
  extra,
}: {
  cases: T[]
  caption: string
  extra?: { heading: string; cell: (row: T) => ReactNode }
}) {
  const columns: Column<T>[] = [
    {
      heading: 'Client',
      rowHeader: true,
      cell: (row) => (
        <>
          <Link to={`/cases/${row.id}`}>{row.clientName}</Link>
          {row.possibleDuplicate && <span className="tag tag--warning">Possible duplicate</span>}
        </>
      ),
    },
    { heading: 'Date of birth', cell: (row) => formatUkDate(row.dateOfBirth) },
    { heading: 'CHAIN number', cell: (row) => row.chainNumber ?? <span className="muted">None</span> },
    { heading: 'Phase', cell: (row) => <PhaseTag phase={row.phase} closedAs={row.closedAs} /> },
    { heading: 'Lead caseworker', cell: (row) => row.leadCaseworker ?? <span className="muted">Not allocated</span> },
    { heading: 'Last changed', cell: (row) => formatUkDayOf(row.updatedAt) },
  ]
  return <DataTable caption={caption} roomy rows={cases} rowKey={(row) => row.id} columns={extra ? [...columns, extra] : columns} />
}
