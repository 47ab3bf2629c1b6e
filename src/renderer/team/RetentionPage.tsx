import { useState } from 'react'
import { Link } from 'react-router'
import type { ErasedCase } from '../../shared/api'
import { closedAs, closedLabel } from '../../shared/case/closed-label'
import { phaseLabel } from '../../shared/case/phases'
import { localAuthorityName } from '../../shared/places/local-authority'
import type { AnonymisedCase } from '../../shared/reports/anonymised-case'
import type { CaseRecord } from '../../shared/case/record'
import { formatUkDate } from '../../shared/dates'
import { may } from '../../shared/team/permissions'
import type { Retention, RetentionDue } from '../../shared/team/retention'
import { useApi, useProfile } from '../app/contexts'
import { Confirm } from '../components/Confirm'
import { DataTable } from '../components/DataTable'
import { Problem } from '../components/form'
import { PageHeading } from '../components/PageHeading'
import { issuesOf } from '../forms/issues'
import { useApiQuery } from '../hooks/useApiQuery'
import { closedCases } from './closed-cases'

/** What the team's retention does to a case, as a past participle: "erased", "anonymised". */
function done(retention: Retention): string {
  return retention.action === 'erase' ? 'erased' : 'anonymised'
}

/**
 * The closed cases past the team's retention period, and the manager's "Apply retention", with a
 * confirmation that says how many cases go and that it cannot be undone. Only the cases listed here
 * are applied: one that became due while the page was open waits for the next time.
 */
export function RetentionPage() {
  const profile = useProfile()
  const manager = may(profile.role, 'erase-cases')
  return (
    <>
      <PageHeading title="Closed cases due under the team’s retention" />
      {manager ? (
        <>
          <DueCases />
          <AnonymisedCases />
        </>
      ) : (
        <p className="lead">Only a team manager can apply the team’s retention.</p>
      )}
    </>
  )
}

function DueCases() {
  const api = useApi()
  const state = useApiQuery('retention', {})
  const [asking, setAsking] = useState(false)
  const [busy, setBusy] = useState(false)
  const [problem, setProblem] = useState<string | undefined>()
  const [applied, setApplied] = useState<string | undefined>()
  if (state.status === 'loading') return <p className="muted">Loading…</p>
  if (state.status === 'failed') return <p className="banner banner--warning">{state.message}</p>
  const { retention, due } = state.data
  const apply = () => {
    setAsking(false)
    setBusy(true)
    setProblem(undefined)
    api
      .call('applyRetention', { caseIds: due.map((c) => c.id) })
      .then(({ applied: ids }) => setApplied(`${closedCases(ids.length)} ${done(retention)}.`))
      .catch((error: unknown) => setProblem(issuesOf(error)[0]?.message))
      .finally(() => setBusy(false))
  }
  return (
    <>
      <p className="lead">
        The team keeps closed cases {retention.years} {retention.years === 1 ? 'year' : 'years'} after closure, then {retention.action === 'erase' ? 'erases' : 'anonymises'}{' '}
        them (the period is in <Link to="/settings">Team settings</Link>). Erased or anonymised, a case is deleted from every laptop and
        the team’s server; the monitoring report keeps its figures without a name.
      </p>
      {applied && (
        <p className="save-confirmation" role="status">
          {applied}
        </p>
      )}
      <DataTable<RetentionDue>
        caption="Closed cases past the retention period, longest due first"
        rows={due}
        rowKey={(c) => c.id}
        empty="No closed case is due."
        columns={[
          { heading: 'Case', rowHeader: true, cell: (c) => <Link to={`/cases/${c.id}`}>{c.clientName}</Link> },
          { heading: 'Closed on', cell: (c) => formatUkDate(c.closedOn) },
          { heading: 'Due on', cell: (c) => formatUkDate(c.dueOn) },
          { heading: 'How it closed', cell: (c) => (c.closedAs ? closedLabel(c.closedAs) : <span className="muted">Not recorded</span>) },
        ]}
      />
      <Problem text={problem} />
      {due.length > 0 && (
        <div className="actions">
          {asking ? (
            <Confirm
              question={`${retention.action === 'erase' ? 'Erase' : 'Anonymise'} ${closedCases(due.length)}?`}
              explanation={`${closedCases(due.length)} will be ${done(retention)}: deleted from every laptop and the team’s server. This cannot be undone.`}
              yes={`${retention.action === 'erase' ? 'Erase' : 'Anonymise'} ${closedCases(due.length)}`}
              onYes={apply}
              no="Cancel"
              onNo={() => setAsking(false)}
              yesClassName="button button--warning"
              noClassName="button button--secondary"
            />
          ) : (
            <button type="button" className="button button--warning" aria-disabled={busy} onClick={() => !busy && setAsking(true)}>
              {busy ? 'Applying…' : 'Apply retention'}
            </button>
          )}
        </div>
      )}
    </>
  )
}

/**
 * The cases the retention anonymised: what the team keeps of each (its anonymised record, the
 * monitoring report's figures), listed with its dates, and no name or anything else that
 * identifies the person. Fetched again when the team document changes (an erasure is written there).
 */
function AnonymisedCases() {
  const state = useApiQuery('erasedCases', {}, 'team-changed')
  if (state.status !== 'ready') return null
  const anonymised = state.data.filter((c) => c.kind === 'anonymised')
  return (
    <section className="panel" aria-labelledby="anonymised-cases">
      <h2 id="anonymised-cases">Anonymised cases</h2>
      <p className="muted">Kept for the monitoring report without a name, date of birth, CHAIN number, notes or addresses.</p>
      <DataTable<ErasedCase>
        caption="Anonymised cases, most recently anonymised first"
        rows={anonymised}
        rowKey={(c) => c.id}
        empty="No case has been anonymised."
        columns={[
          { heading: 'Referral received', rowHeader: true, cell: (c) => formatUkDate(c.record.receivedOn) },
          { heading: 'Closed on', cell: (c) => (c.record.outcome ? formatUkDate(c.record.outcome.closedOn) : <span className="muted">Not recorded</span>) },
          { heading: 'How it closed', cell: (c) => howItClosed(c.record) },
          { heading: 'Phase reached', cell: (c) => phaseLabel(c.record.phase) },
          { heading: 'Destination area', cell: (c) => (c.record.destination ? localAuthorityName(c.record.destination) : <span className="muted">None</span>) },
          { heading: 'Anonymised on', cell: (c) => formatUkDate(c.at.slice(0, 10)) },
        ]}
      />
    </section>
  )
}

function howItClosed(record: AnonymisedCase) {
  // Read from the anonymised record itself: turning it back into a case record would bring Automerge into the board's bundle.
  const how = closedAs({ status: record.status, outcome: record.outcome as CaseRecord['outcome'], mergedInto: record.mergedInto })
  return how ? closedLabel(how) : <span className="muted">Not recorded</span>
}
