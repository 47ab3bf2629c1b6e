import { useState } from 'react'
import { Link } from 'react-router'
import { closedCaseSteps, CLOSURE_FIELDS, closureSteps, type StepState } from '../../../shared/case/closure'
import { caseFacts } from '../../../shared/case/lifecycle'
import { formatUkDate, formatUkDateTime, isoDateOf } from '../../../shared/dates'
import { useApi } from '../../app/contexts'
import { ErrorSummary, Form, FormActions, TextArea } from '../../components/form'
import { useSubmit } from '../../forms/useSubmit'
import { useReadOnly } from '../../forms/read-only'
import { today, useOpenCase } from '../CaseContext'
import { Section } from '../CaseForms'
import { MAKE_CLOSURE_LETTER } from '../documents/PaperworkPanels'
import { WellbeingPanel } from './WellbeingPanel'

const STATE_LABELS: Record<StepState, string> = { done: 'Done', current: 'Now', 'to-do': 'To do', 'not-needed': 'Not needed', 'not-done': 'Not done' }

/** Phase 8, by Tool 4: closure, review and learning, step by step. */
export function ClosurePanel() {
  const { record } = useOpenCase()
  const day = today()
  const { reconnectedOn } = caseFacts(record, { today: day })
  const walked = closureSteps(record.closure, reconnectedOn, day)
  const steps = record.status === 'closed' ? closedCaseSteps(walked) : walked
  return (
    <>
      <section className="panel" aria-labelledby="tool4-heading">
        <h3 id="tool4-heading">Tool 4: case closure and review</h3>
        <ol className="steps">
          {steps.map((step) => (
            <li key={step.number} className={`step step--${step.state}`}>
              <span className="step__state">{STATE_LABELS[step.state]}</span>
              <span className="step__title">
                Step {step.number}: {step.title}
              </span>
              {step.answer && <p className="step__answer">{step.answer}</p>}
              {step.guidance && <p className="step__guidance">{step.guidance}</p>}
              {step.number === 7 && <ClosureLetterStep />}
            </li>
          ))}
        </ol>
      </section>
      <Section section="closure" title="Closure checklist" groups={[{ title: 'Closure checklist', fields: CLOSURE_FIELDS }]} />
      <LearningPoint />
      <WellbeingPanel when="closure" />
    </>
  )
}

/** Step 7's letter: the last one made (when, by whom), and the way to make it. */
function ClosureLetterStep() {
  const { id, record } = useOpenCase()
  const made = Object.values(record.generatedDocuments)
    .filter((document) => document.kind === 'closure-letter')
    .sort((a, b) => b.at.localeCompare(a.at))[0]
  return (
    <p className="step__guidance">
      {made && `Closure letter made on ${formatUkDateTime(made.at)} by ${made.by.name}. `}
      <Link to={`/cases/${id}/documents?${MAKE_CLOSURE_LETTER}`}>{made ? 'Make the closure letter again' : 'Make the closure letter'}</Link>
    </p>
  )
}

function LearningPoint() {
  const { id, record } = useOpenCase()
  const api = useApi()
  const [text, setText] = useState('')
  const { busy, issues, run } = useSubmit()
  const [added, setAdded] = useState(false)
  const closed = useReadOnly()
  // Kept in the case itself, so they are listed here as they arrive, from this laptop or another.
  const points = Object.entries(record.learningPoints).sort((a, b) => a[1].at.localeCompare(b[1].at))
  return (
    <section className="panel" aria-labelledby="learning-heading">
      <h3 id="learning-heading">Learning points</h3>
      <p className="field__hint">Step 11: what the team can learn from this case, for review at the next team meeting.</p>
      {record.closure.learningPointsLoggedOn && <p>Learning points logged on {formatUkDate(record.closure.learningPointsLoggedOn)}.</p>}
      {points.length > 0 && (
        <ul aria-label="This case's learning points">
          {points.map(([pointId, point]) => (
            <li key={pointId}>
              {point.text}{' '}
              <span className="field__hint">
                ({point.by.name}, {formatUkDateTime(point.at)}
                {point.reviewedAt ? `; reviewed at a team meeting on ${formatUkDate(isoDateOf(new Date(point.reviewedAt)))}` : ''})
              </span>
            </li>
          ))}
        </ul>
      )}
      {!closed && (
        <Form
          onSubmit={() =>
            void run(async () => {
              await api.call('addLearningPoint', { caseId: id, text })
              setText('')
              setAdded(true)
            })
          }
        >
          <ErrorSummary issues={issues} />
          <TextArea name="text" label="Learning point" value={text} onChange={(value) => (setText(value), setAdded(false))} rows={3} error={issues.find((i) => i.field === 'text')?.message} />
          <FormActions label="Add to the team's learning log" busy={busy} className="button button--secondary">
            <span role="status" className="save-confirmation">
              {added ? 'Added to the learning log.' : ''}
            </span>
          </FormActions>
        </Form>
      )}
    </section>
  )
}
