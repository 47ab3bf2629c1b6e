import { useSearchParams } from 'react-router'
import type { MatchedIn } from '../../shared/api'
import { PageHeading } from '../components/PageHeading'
import { useApiQuery } from '../hooks/useApiQuery'
import { CaseTable } from './CaseTable'

const FOUND_IN: Record<MatchedIn, string> = { name: 'Name', identifiers: 'CHAIN number', addresses: 'Addresses', referral: 'Referral', casework: 'Actions and other forms', notes: 'Case notes' }

export function SearchPage() {
  const [params] = useSearchParams()
  const text = params.get('q') ?? ''
  const hits = useApiQuery('searchCases', { text })
  return (
    <>
      <PageHeading title="Search results" />
      <p className="lead">
        For <strong>“{text}”</strong>. Accents, capital letters and a slip of spelling in a longer word do not matter.
      </p>
      {hits.status === 'loading' && <p className="muted">Searching…</p>}
      {hits.status === 'failed' && <p className="banner banner--warning">The search could not be run: {hits.message}</p>}
      {hits.status === 'ready' &&
        (hits.data.length === 0 ? (
          <p>No cases match. Try part of a name, a CHAIN number, a place, or a word from the referral, an action or a note.</p>
        ) : (
          <CaseTable
            cases={hits.data}
            caption={`Cases matching ${text}`}
            extra={{ heading: 'Found in', cell: (hit) => FOUND_IN[hit.matchedIn] }}
          />
        ))}
    </>
  )
}
