import { useState } from 'react'
import { overrideSafetyGate, withdrawSafetyOverride } from '../../../shared/case/safety-override'
import { may } from '../../../shared/team/permissions'
import { caseFacts } from '../../../shared/case/lifecycle'
import { SAFETY_FIELDS } from '../../../shared/case/reconnection'
import { formatUkDateTime } from '../../../shared/dates'
import { useProfile } from '../../app/contexts'
import { ErrorSummary, Form, SubmitButton, TextArea } from '../../components/form'
import { useSubmit } from '../../forms/useSubmit'
import { today, useCaseChange, useOpenCase } from '../CaseContext'
import { Section } from '../CaseForms'

/**
 * The safety checks before the move. Reconnection is not appropriate where any answer is yes, or
 * there is no connection anywhere; the case cannot move to Reconnection until they pass, unless a
 * team manager overrides them with a written reason.
 */
export function SafetyPanel() {
  const { record } = useOpenCase()
  const { gate } = caseFacts(record, { today: today() })
  const failing = gate.problems.length > 0
  // A closed case is not blocked from anything: what the checks said is kept, without the alarm.
  const closed = record.status === 'closed'
  const heading = !failing ? 'The safety checks pass' : gate.override ? 'Overridden by a manager' : closed ? 'The safety checks did not pass' : 'Reconnection is blocked'
  return (
    <>
      <Section section="safety" title="Safety checks" groups={[{ title: 'Safety checks', fields: SAFETY_FIELDS }]} />
      <section className={`panel gate${failing && !gate.override ? (closed ? ' gate--closed' : ' gate--blocked') : ''}`} aria-labelledby="gate-heading">
        <h3 id="gate-heading">{heading}</h3>
        {failing && (
          <ul className="problems">
            {gate.problems.map((problem) => (
              <li key={problem}>{problem}</li>
            ))}
          </ul>
        )}
        {gate.inappropriate && !gate.override && !closed && (
          <p>If the risk cannot be managed, close the case as "Reconnection not appropriate" and offer support locally.</p>
        )}
        {gate.override && (
          <p>
            {gate.override.by.name} overrode the checks on {formatUkDateTime(gate.override.at)}: “{gate.override.reason}”
          </p>
        )}
        {failing && !closed && <Override />}
      </section>
    </>
  )
}

/** The gate's verdict, where the move happens; the checks themselves are filled in while planning. */
export function GateSummary() {
  const { id, record } = useOpenCase()
  const { gate } = caseFacts(record, { today: today() })
  return (
    <p className={`panel gate${gate.passes ? '' : record.status === 'closed' ? ' gate--closed' : ' gate--blocked'}`}>
      {gate.passes
        ? gate.override
          ? `Safety checks overridden by ${gate.override.by.name}: “${gate.override.reason}”`
          : 'The risk assessment is done and the safety checks pass.'
        : 'The safety checks do not pass.'}{' '}
      <a href={`#/cases/${id}/phase/reconnection-planning`}>See them in Phase 4</a>
    </p>
  )
}

function Override() {
  const { record } = useOpenCase()
  const profile = useProfile()
  const changeCase = useCaseChange()
  const [reason, setReason] = useState('')
  const { issues, run } = useSubmit({ reason: 'overrideReason' })
  const attempt = (edit: Parameters<typeof changeCase>[0]) => void run(() => changeCase(edit))
  if (!may(profile.role, 'override-safety-checks')) {
    return <p className="muted">Only a team manager can override the safety checks.</p>
  }
  if (record.safety.override) {
    return (
      <button type="button" className="button button--secondary" onClick={() => attempt((doc, context) => withdrawSafetyOverride(doc, context))}>
        Withdraw the override
      </button>
    )
  }
  return (
    <Form onSubmit={() => attempt((doc, context) => overrideSafetyGate(doc, reason, context))}>
      <ErrorSummary issues={issues} />
      <TextArea
        name="overrideReason"
        label="Manager's reason for going ahead"
        hint="Recorded with your name and the time"
        value={reason}
        onChange={setReason}
        rows={3}
        error={issues.find((issue) => issue.field === 'overrideReason')?.message}
      />
      <SubmitButton label="Override the safety checks" className="button button--warning" />
    </Form>
  )
}
