import { Link } from 'react-router'
import { PageHeading } from '../components/PageHeading'
import { useApiQuery } from '../hooks/useApiQuery'
import { CaseTable } from './CaseTable'

export function CaseListPage() {
  const cases = useApiQuery('listCases', {})
  const unreadable = useApiQuery('unreadableCases', {})
  return (
    <>
      <div className="page-heading">
        <PageHeading title="Cases" />
        <Link to="/referrals/new" className="button">
          Add a referral
        </Link>
      </div>
      {unreadable.status === 'ready' && unreadable.data.length > 0 && (
        <div className="banner banner--warning banner--above-list" role="status">
          <p>
            {unreadable.data.length === 1 ? '1 case' : `${unreadable.data.length} cases`} could not be read on this laptop and{' '}
            {unreadable.data.length === 1 ? 'is' : 'are'} left out of the lists. Nothing has been deleted. Tell whoever looks after Homeward.
          </p>
          <ul>
            {unreadable.data.map(({ id, reason }) => (
              <li key={id}>
                Case {id}: {reason}
              </li>
            ))}
          </ul>
        </div>
      )}
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
