import { useState } from 'react'
import * as change from '../../shared/case/changes'
import { closedAs, closedLabel } from '../../shared/case/closed-label'
import { formatUkDate } from '../../shared/dates'
import { ErrorSummary, Form, SubmitButton, TextArea } from '../components/form'
import { useSubmit } from '../forms/useSubmit'
import { useCaseChange, useOpenCase } from './CaseContext'

/**
 * Says that a closed case is read-only (its forms are disabled below), and offers to reopen it with
 * a reason, which its history keeps. A duplicate merged into another case, or a client referred
 * again, is worked on in the other case instead, so it is not offered.
 */
export function ClosedCaseBanner() {
  const { record } = useOpenCase()
  const changeCase = useCaseChange()
  const [reason, setReason] = useState('')
  const { issues, run } = useSubmit({ reason: 'reopenReason' })
  const how = closedAs(record)
  if (!how) return null
  const when = record.outcome ? ` on ${formatUkDate(record.outcome.closedOn)}` : ''
  const type = closedLabel(how).replace(/^Closed — /, '')
  const reopenable = !record.mergedInto && !record.reReferredAs
  return (
    <section className="banner banner--warning closed-banner" aria-labelledby="closed-banner-heading">
      <h2 id="closed-banner-heading" className="next-step__title">
        This case was closed{when} ({type}).
      </h2>
      <p>{reopenable ? 'Reopen it to change it.' : 'It cannot be changed here: work on the case named above instead.'}</p>
      {reopenable && (
        <details className="disclosure">
          <summary>Reopen the case</summary>
          <Form
            onSubmit={() =>
              void run(() => {
                changeCase((doc, context) => change.reopenCase(doc, { reason, id: crypto.randomUUID() }, context))
                setReason('')
                // This banner goes once the case is open: focus moves to what to do next.
                requestAnimationFrame(() => document.getElementById('next-step-heading')?.focus())
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
      )}
    </section>
  )
}
