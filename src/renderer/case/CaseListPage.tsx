import type { ReactNode } from 'react'
import { Link } from 'react-router'
import type { ListedCase } from '../../shared/case/summary'
import { formatUkDate, formatUkDayOf } from '../../shared/dates'
import { PageHeading } from '../components/PageHeading'
import { PhaseTag } from '../components/PhaseTag'
import { useApiQuery } from '../hooks/useApiQuery'

export function CaseListPage() {
  const cases = useApiQuery('listCases', {})
  return (
    <>
      <div className="page-heading">
        <PageHeading title="Cases" />
        <Link to="/referrals/new" className="button">
          Add a referral
        </Link>
      </div>
      {cases.status === 'loading' && <p className="muted">Loading cases…</p>}
      {cases.status === 'failed' && <p className="banner banner--warning">The case list could not be loaded: {cases.message}</p>}
      {cases.status === 'ready' &&
        (cases.data.length === 0 ? (
          <FirstRunHint />
        ) : (
          <CaseTable cases={cases.data} caption="All cases, most recently changed first" />
        ))}
    </>
  )
}

function FirstRunHint() {
  return (
    <section className="empty-state" aria-labelledby="empty-heading">
      <h2 id="empty-heading">No cases yet</h2>
      <p>
        When an outreach team refers someone to you, start their case here. You will need the client's name and date of
        birth, their CHAIN number if they have one, and who referred them.
      </p>
      <Link to="/referrals/new" className="button">
        Add the first referral
      </Link>
    </section>
  )
}

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
  return (
    <table className="table">
      <caption className="visually-hidden">{caption}</caption>
      <thead>
        <tr>
          <th scope="col">Client</th>
          <th scope="col">Date of birth</th>
          <th scope="col">CHAIN number</th>
          <th scope="col">Phase</th>
          <th scope="col">Lead caseworker</th>
          <th scope="col">Last changed</th>
          {extra && <th scope="col">{extra.heading}</th>}
        </tr>
      </thead>
      <tbody>
        {cases.map((row) => (
          <tr key={row.id}>
            <th scope="row">
              <Link to={`/cases/${row.id}`}>{row.clientName}</Link>
              {row.possibleDuplicate && <span className="tag tag--warning">Possible duplicate</span>}
            </th>
            <td>{formatUkDate(row.dateOfBirth)}</td>
            <td>{row.chainNumber ?? <span className="muted">None</span>}</td>
            <td>
              <PhaseTag phase={row.phase} />
            </td>
            <td>{row.leadCaseworker ?? <span className="muted">Not allocated</span>}</td>
            <td>{formatUkDayOf(row.updatedAt)}</td>
            {extra && <td>{extra.cell(row)}</td>}
          </tr>
        ))}
      </tbody>
    </table>
  )
}
