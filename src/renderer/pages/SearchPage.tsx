import { Link, useSearchParams } from 'react-router'
import { formatUkDate } from '../../shared/dates'
import type { MatchedIn } from '../../shared/api'
import { PhaseTag } from '../components/PhaseTag'
import { useApiQuery } from '../hooks/useApiQuery'

const FOUND_IN: Record<MatchedIn, string> = { name: 'Name', identifiers: 'CHAIN number', notes: 'Case notes' }

export function SearchPage() {
  const [params] = useSearchParams()
  const text = params.get('q') ?? ''
  const hits = useApiQuery('searchCases', { text })
  return (
    <>
      <h1>Search results</h1>
      <p className="lead">
        For <strong>“{text}”</strong>. Accents and capital letters do not matter.
      </p>
      {hits.status === 'loading' && <p className="muted">Searching…</p>}
      {hits.status === 'failed' && <p className="banner banner--warning">The search could not be run: {hits.message}</p>}
      {hits.status === 'ready' &&
        (hits.data.length === 0 ? (
          <p>No cases match. Try part of a name, a CHAIN number or a word from a note.</p>
        ) : (
          <table className="table">
            <caption className="visually-hidden">Cases matching {text}</caption>
            <thead>
              <tr>
                <th scope="col">Client</th>
                <th scope="col">Date of birth</th>
                <th scope="col">CHAIN number</th>
                <th scope="col">Phase</th>
                <th scope="col">Found in</th>
              </tr>
            </thead>
            <tbody>
              {hits.data.map((hit) => (
                <tr key={hit.id}>
                  <th scope="row">
                    <Link to={`/cases/${hit.id}`}>{hit.clientName}</Link>
                  </th>
                  <td>{formatUkDate(hit.dateOfBirth)}</td>
                  <td>{hit.chainNumber ?? <span className="muted">None</span>}</td>
                  <td>
                    <PhaseTag phase={hit.phase} />
                  </td>
                  <td>{FOUND_IN[hit.matchedIn]}</td>
                </tr>
              ))}
            </tbody>
          </table>
        ))}
    </>
  )
}
