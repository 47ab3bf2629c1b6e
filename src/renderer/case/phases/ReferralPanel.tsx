import { useState } from 'react'
import { useSearchParams } from 'react-router'
import * as change from '../../../shared/case/changes'
import { REFERRAL_DETAIL_GROUPS, REFERRAL_IDENTITY_FIELDS, REJECTION_REASONS, referralCriteriaProblems, type RejectionReason } from '../../../shared/case/referral'
import { formatUkDate, typedUkDate } from '../../../shared/dates'
import { ErrorSummary, Form, SelectField, TextArea, TextField } from '../../components/form'
import { useSubmit } from '../../forms/useSubmit'
import { useReadOnly } from '../../forms/read-only'
import { today, useCaseChange, useOpenCase } from '../CaseContext'
import { Section } from '../CaseForms'

const REFERRAL_GROUPS = [{ title: 'The client and the referrer', fields: REFERRAL_IDENTITY_FIELDS }, ...REFERRAL_DETAIL_GROUPS]

/** Link target for the next step's "Check the referral": Phase 1, at the criteria and the decision. */
export const CHECK_REFERRAL = 'check=referral'

/** Phase 1: the referral form (Tool 3), the three criteria, and the decision. */
export function ReferralPanel() {
  const { record } = useOpenCase()
  const problems = referralCriteriaProblems(record.referral)
  // Arriving from the next step's "Check the referral", focus starts here, where it is checked and decided.
  const [params] = useSearchParams()
  const arrived = params.toString() === CHECK_REFERRAL
  return (
    <>
      <section className="panel" aria-labelledby="criteria-heading">
        <h3 id="criteria-heading" tabIndex={-1} {...(arrived ? { 'data-arrival-focus': true } : {})}>
          Criteria for Safe Connection
        </h3>
        {problems.length === 0 ? (
          <p className="ok">The referral meets all three criteria.</p>
        ) : (
          <ul className="problems">
            {problems.map((problem) => (
              <li key={problem}>{problem}</li>
            ))}
          </ul>
        )}
        <Decision />
      </section>
      <Section section="referral" title="Referral form" groups={REFERRAL_GROUPS} />
    </>
  )
}

function Decision() {
  const { record } = useOpenCase()
  const changeCase = useCaseChange()
  const [on, setOn] = useState(formatUkDate(today()))
  const [reason, setReason] = useState('')
  const [signposting, setSignposting] = useState('')
  const [rejecting, setRejecting] = useState(false)
  const { issues, run, refuse } = useSubmit()
  const { referral } = record
  const closed = useReadOnly()

  if (referral.status !== 'received') {
    const reasonLabel = REJECTION_REASONS.find((r) => r.value === referral.rejectionReason)?.label
    return (
      <p>
        <strong>{referral.status === 'accepted' ? 'Accepted' : `Rejected: ${reasonLabel}`}</strong>
        {referral.decidedOn && ` on ${formatUkDate(referral.decidedOn)}`}
        {referral.decidedBy && ` by ${referral.decidedBy.name}`}.{referral.signposting && ` Signposted to: ${referral.signposting}`}
      </p>
    )
  }

  // A referral closed before it was decided is decided once the case is reopened.
  if (closed) return <p>Not decided before the case was closed.</p>
  const decide = (edit: Parameters<typeof changeCase>[0]) => void run(() => changeCase(edit))
  return (
    // Its buttons decide; Enter in the date decides nothing.
    <Form className="decision" onSubmit={() => undefined} aria-label="Decision on the referral">
      <ErrorSummary issues={issues} />
      <TextField name="decidedOn" label="Date of decision" hint="DD/MM/YYYY" width="short" inputMode="numeric" value={on} onChange={setOn} error={issues.find((i) => i.field === 'on')?.message} />
      {rejecting && (
        <>
          <SelectField
            name="rejectionReason"
            label="Why the referral is rejected"
            value={reason}
            onChange={setReason}
            options={[{ value: '', label: 'Choose…' }, ...REJECTION_REASONS]}
            error={issues.find((i) => i.field === 'rejectionReason')?.message}
          />
          <TextArea name="signposting" label="Where the person was signposted" value={signposting} onChange={setSignposting} rows={2} />
        </>
      )}
      <div className="actions">
        {!rejecting && (
          <button type="button" className="button" onClick={() => decide((doc, context) => change.acceptReferral(doc, typedUkDate(on), context))}>
            Accept the referral
          </button>
        )}
        {rejecting ? (
          <button
            type="button"
            className="button button--warning"
            onClick={() => {
              if (!reason) return refuse([{ field: 'rejectionReason', message: 'Choose why the referral is rejected' }])
              decide((doc, context) =>
                change.rejectReferral(
                  doc,
                  { on: typedUkDate(on), reason: reason as RejectionReason, signposting, id: crypto.randomUUID() },
                  context,
                ),
              )
            }}
          >
            Reject the referral
          </button>
        ) : (
          <button type="button" className="button button--secondary" onClick={() => setRejecting(true)}>
            Reject instead…
          </button>
        )}
      </div>
    </Form>
  )
}
