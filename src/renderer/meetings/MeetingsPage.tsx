import { useState } from 'react'
import { may } from '../../shared/team/permissions'
import { Link, useNavigate } from 'react-router'
import { formatUkDateTime } from '../../shared/dates'
import { useApi, useProfile } from '../app/contexts'
import { Problem } from '../components/form'
import { PageHeading } from '../components/PageHeading'
import { useApiQuery } from '../hooks/useApiQuery'

/** The team's case review meetings: start one (the manager), or join one under way. */
export function MeetingsPage() {
  const api = useApi()
  const profile = useProfile()
  const navigate = useNavigate()
  const meetings = useApiQuery('listMeetings', {}, 'team-changed')
  const [problem, setProblem] = useState<string | undefined>()
  const start = async () => {
    setProblem(undefined)
    try {
      const { id } = await api.call('startMeeting', {})
      navigate(`/meetings/${id}`)
    } catch (error) {
      setProblem(error instanceof Error ? error.message : String(error))
    }
  }
  return (
    <>
      <PageHeading title="Case review meetings" />
      <p className="lead">
        The team discusses its cases together. The agenda starts from the caseload board: new referrals to allocate, flagged cases, cases at the
        closure point, and learning points not yet reviewed.
      </p>
      {may(profile.role, 'start-meeting') ? (
        <button type="button" className="button" onClick={() => void start()}>
          Start a case review meeting
        </button>
      ) : (
        <p className="muted">The team manager starts a meeting; you can follow it here on your own laptop.</p>
      )}
      <Problem text={problem} />
      <h2>Meetings</h2>
      {meetings.status === 'ready' &&
        (meetings.data.length === 0 ? (
          <p className="muted">No meetings yet.</p>
        ) : (
          <ul>
            {meetings.data.map((meeting) => (
              <li key={meeting.id}>
                <Link to={`/meetings/${meeting.id}`}>Meeting started {formatUkDateTime(meeting.startedAt)}</Link>
              </li>
            ))}
          </ul>
        ))}
    </>
  )
}
