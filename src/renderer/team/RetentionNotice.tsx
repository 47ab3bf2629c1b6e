import { Link } from 'react-router'
import { may } from '../../shared/team/permissions'
import { useProfile } from '../app/contexts'
import { useApiQuery } from '../hooks/useApiQuery'
import { closedCases } from './closed-cases'

/**
 * The board's word to a manager when closed cases are past the team's retention period, linking to
 * the list of them. Anyone else sees nothing: applying the retention is the manager's.
 */
export function RetentionNotice() {
  const profile = useProfile()
  if (!may(profile.role, 'erase-cases')) return null
  return <DueNotice />
}

function DueNotice() {
  const state = useApiQuery('retention', {})
  if (state.status !== 'ready' || state.data.due.length === 0) return null
  const { retention, due } = state.data
  return (
    <div className="banner banner--warning" role="status">
      <p>
        {closedCases(due.length)} {due.length === 1 ? 'is' : 'are'} due for {retention.action === 'erase' ? 'erasure' : 'anonymising'} under the team’s retention:{' '}
        <Link to="/retention">review {due.length === 1 ? 'it' : 'them'}</Link>.
      </p>
    </div>
  )
}

