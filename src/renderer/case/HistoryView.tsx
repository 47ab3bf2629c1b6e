import type { CaseChange } from '../../shared/api'
import { SERVER_AUTHOR } from '../../shared/authorship'
import { closedLabel } from '../../shared/case/closed-label'
import { phaseLabel } from '../../shared/case/phases'
import { formatUkDate, formatUkDateTime } from '../../shared/dates'
import { CaseAudit } from '../audit/CaseAudit'
import { DataTable } from '../components/DataTable'
import { useSession } from '../app/contexts'
import { useApiQuery } from '../hooks/useApiQuery'
import { useOpenCase } from './CaseContext'

const KINDS = {
  opened: 'Opened in',
  forward: 'Moved on to',
  back: 'Moved back to',
  closed: 'Closed in',
  merged: 'Duplicate merged in, in',
  reopened: 'Reopened in',
} as const

/** Every phase change, with who made it, when, and why; then every change, with whose laptop sent it. */
export function HistoryView() {
  const { id, record } = useOpenCase()
  return (
    <section aria-labelledby="history-heading">
      <h2 id="history-heading">History</h2>
      <p className="field__hint">
        Case opened {formatUkDate(record.createdAt.slice(0, 10))} by {record.createdBy.name}. Every change is also signed in the case's own record.
      </p>
      <ol className="history">
        {[...record.phaseHistory].reverse().map((entry) => (
          <li key={entry.id}>
            <strong>
              {KINDS[entry.kind]} {phaseLabel(entry.to)}
            </strong>{' '}
            · {entry.by.name} · {formatUkDateTime(entry.at)}
            {entry.reason && <p className="history__reason">“{entry.reason}”</p>}
            {entry.undid && (
              <p className="history__reason">
                It had been {closedLabel(entry.undid.type).toLowerCase()} on {formatUkDate(entry.undid.closedOn)} by {entry.undid.closedBy.name}.
              </p>
            )}
          </li>
        ))}
      </ol>
      <EveryChange />
      <CaseAudit caseId={id} />
    </section>
  )
}

/**
 * Every change to the case, newest first: who it says made it, and whose laptop sent it as the
 * team's server recorded it. A change sent from someone else's laptop than its author's is listed
 * with a line saying so; nothing is left out for it. A change that settled two values saved at
 * once says which it kept, so the one dropped can be traced.
 */
function EveryChange() {
  const { id } = useOpenCase()
  const { inTeam } = useSession()
  const changes = useApiQuery('caseChanges', { caseId: id })
  return (
    <>
      <h3 id="changes-heading" className="subheading">
        Every change
      </h3>
      {/* Only a team's server attests which laptop sent a change: outside a team, nothing has yet. */}
      <p className="field__hint">
        {inTeam
          ? 'Who each change says made it, and whose laptop sent it, as the team’s server recorded when it arrived. “Not attested”: there is no record of which laptop sent it (a change from before the server kept one).'
          : 'Who each change says made it. This laptop is not in a team, so no team server has recorded which laptop sent each change: “Not attested” means made on this laptop (or brought in from a file), not yet through a team server.'}
      </p>
      {changes.status === 'loading' && <p className="muted">Reading the changes…</p>}
      {changes.status === 'failed' && <p role="alert">The changes could not be listed: {changes.message}</p>}
      {changes.status === 'ready' && (
        <>
          <DataTable
            caption="Every change to this case, newest first"
            rows={changes.data.changes}
            rowKey={(change) => change.hash}
            rowClassName={(change) => (change.mismatch ? 'row--mismatch' : undefined)}
            rowDetail={(change) =>
              (change.mismatch || change.choices.length > 0) && (
                <>
                  {change.choices.map((choice) => (
                    <p key={choice} className="history__reason">
                      {choice}
                    </p>
                  ))}
                  {change.mismatch && (
                    <p className="history__mismatch">
                      Declared as {change.declaredAuthor!.name}, sent from {change.attestedBy!.name}’s laptop.
                    </p>
                  )}
                </>
              )
            }
            columns={[
              { heading: 'When', rowHeader: true, cell: (change) => (change.at ? formatUkDateTime(change.at) : 'No time recorded') },
              { heading: 'Made by (as the change says)', cell: (change) => change.declaredAuthor?.name ?? 'No author recorded' },
              { heading: 'Sent from', cell: sentFrom },
            ]}
            empty="No changes yet."
          />
          {changes.data.more > 0 && <p className="muted">{changes.data.more} older changes are not listed.</p>}
        </>
      )}
    </>
  )
}

function sentFrom(change: CaseChange): string {
  if (change.attestation === 'this laptop') return 'This laptop'
  if (!change.attestedBy) return 'Not attested'
  return change.attestedBy.id === SERVER_AUTHOR.id ? change.attestedBy.name : `${change.attestedBy.name}’s laptop`
}
