import { useState } from 'react'
import { Link, useNavigate } from 'react-router'
import * as change from '../../shared/case/changes'
import { CLOSURE_TYPES, INAPPROPRIATE_REASONS, UNPLANNED_REASONS } from '../../shared/case/closure'
import { REJECTION_REASONS } from '../../shared/case/referral'
import { followUpDue, followUpsOwed } from '../../shared/case/follow-ups-due'
import { formatUkDate } from '../../shared/dates'
import { useApi } from '../app/contexts'
import { ErrorSummary, Form, Problem, SubmitButton, TextArea } from '../components/form'
import { useSubmit } from '../forms/useSubmit'
import { today, useCaseChange, useOpenCase } from './CaseContext'

/** The id of the closed box's heading, for focus after the case is closed here. */
export const CLOSED_HEADING_ID = 'closed-heading'

/**
 * The one place a closed case says so, in the header where the next step would be: how and when it
 * was closed and by whom, that its forms are read-only, and the way on (reopen it with a reason, or
 * refer the client again). A duplicate merged into another case, or a client referred again, is
 * worked on in the other case instead, so it is not reopened here.
 */
export function ClosedCase({ onReopened }: { onReopened: () => void }) {
  const { id, record } = useOpenCase()
  const outcome = record.outcome
  const followUp = followUpDue(followUpsOwed(record), today())
  const type =
    outcome?.type === 'rejected'
      ? `Referral rejected: ${REJECTION_REASONS.find((r) => r.value === record.referral.rejectionReason)?.label ?? ''}`
      : record.mergedInto
        ? 'Merged into another case'
        : CLOSURE_TYPES.find((t) => t.value === outcome?.type)?.label
  const reason =
    UNPLANNED_REASONS.find((r) => r.value === outcome?.unplannedReason)?.label ??
    INAPPROPRIATE_REASONS.find((r) => r.value === outcome?.inappropriateReason)?.label
  return (
    <section className="next-step next-step--closed" aria-labelledby={CLOSED_HEADING_ID}>
      <h2 id={CLOSED_HEADING_ID} className="next-step__title" tabIndex={-1}>
        This case is closed
      </h2>
      <p className="next-step__text">
        {type}
        {reason ? `: ${reason}` : ''}
      </p>
      {/* A closure from a partial sync may lack its outcome: it still reads as closed. */}
      {outcome && (
        <p>
          Closed on {formatUkDate(outcome.closedOn)} by {outcome.closedBy.name}.{outcome.details ? ` ${outcome.details}` : ''}
        </p>
      )}
      {record.mergedInto ? (
        <p>
          <Link to={`/cases/${record.mergedInto}`}>Work on the case it was merged into</Link>
        </p>
      ) : record.reReferredAs ? (
        <p>
          <Link to={`/cases/${record.reReferredAs}`}>Referred again: open the new case</Link>
        </p>
      ) : (
        <>
          {/* The one thing still to do on a closed case, done without reopening it. */}
          {followUp && (
            <p>
              <strong>{followUp}.</strong> <Link to={`/cases/${id}/follow-ups`}>Record the follow-up check</Link>
            </p>
          )}
          <p>Its forms are read-only: reopen it to change them.</p>
          <div className="next-step__actions">
            <Reopen onReopened={onReopened} />
            <ReferAgain />
          </div>
        </>
      )}
    </section>
  )
}

/** Reopens the case with a reason, which its history keeps with the closure it undid. */
function Reopen({ onReopened }: { onReopened: () => void }) {
  const changeCase = useCaseChange()
  const [reason, setReason] = useState('')
  const { issues, run } = useSubmit({ reason: 'reopenReason' })
  return (
    <details className="disclosure">
      <summary>Reopen the case</summary>
      <Form
        onSubmit={() =>
          void run(() => {
            changeCase((doc, context) => change.reopenCase(doc, { reason, id: crypto.randomUUID() }, context))
            setReason('')
            onReopened()
          })
        }
      >
        <ErrorSummary issues={issues} />
        <TextArea
          name="reopenReason"
          label="Why is the case being reopened?"
          value={reason}
          onChange={setReason}
          rows={2}
          error={issues.find((issue) => issue.field === 'reopenReason')?.message}
        />
        <SubmitButton label="Reopen the case" className="button" />
      </Form>
    </details>
  )
}

/** Opens a new case for the same client, linked to this one. */
function ReferAgain() {
  const { id } = useOpenCase()
  const api = useApi()
  const navigate = useNavigate()
  const [error, setError] = useState<string | undefined>()
  return (
    <>
      <button
        type="button"
        className="button button--secondary"
        onClick={() =>
          api.call('reRefer', { caseId: id }).then(
            ({ id: newId }) => navigate(`/cases/${newId}`),
            (caught: Error) => setError(caught.message),
          )
        }
      >
        Refer again
      </button>
      <Problem text={error} />
    </>
  )
}
