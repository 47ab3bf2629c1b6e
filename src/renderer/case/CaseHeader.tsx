import { useEffect, useRef, useState } from 'react'
import { Link, useNavigate } from 'react-router'
import * as change from '../../shared/case/changes'
import { CLOSURE_TYPES, closureSteps, INAPPROPRIATE_REASONS, UNPLANNED_REASONS } from '../../shared/case/closure'
import { closedAs } from '../../shared/case/closed-label'
import { caseFlags } from '../../shared/case/flags'
import { advanceProblems, caseFacts, nextPhase, nextStep, plannedClosureProblems, previousPhase } from '../../shared/case/lifecycle'
import { phaseLabel } from '../../shared/case/phases'
import { ageOn, formatUkDate } from '../../shared/dates'
import { ErrorSummary, Form, Problem, RadioGroup, SelectField, SubmitButton, TextArea } from '../components/form'
import { PageHeading } from '../components/PageHeading'
import { PhaseTag } from '../components/PhaseTag'
import { useDraftsUnder } from '../forms/drafts'
import { issuesOf } from '../forms/issues'
import { useSubmit } from '../forms/useSubmit'
import { today, useCaseChange, useOpenCase } from './CaseContext'
import { CLOSED_HEADING_ID, ClosedCase } from './ClosedCase'
import { MAKE_CLOSURE_LETTER } from './documents/PaperworkPanels'
import { CHECK_REFERRAL } from './phases/ReferralPanel'
import { RestrictCase } from './RestrictCase'
import { RebuiltNotice } from './CorrectedCase'
import { MarkerTags } from '../components/MarkerTags'
import { useMarkerTags } from './MarkersView'

export function CaseHeader() {
  const { id, record, saved } = useOpenCase()
  // A form with something typed and not saved is not "Saved", whatever the document says.
  const drafts = [...new Set(useDraftsUnder(`${id}:`).map((draft) => draft.label))]
  const day = today()
  const flags = caseFlags(record, day)
  const markers = useMarkerTags()
  return (
    <header className="case-header">
      <div className="case-header__main">
        <PageHeading title="Case">{record.referral.clientName}</PageHeading>
        <p className="case-heading__facts">
          <span>
            Born {formatUkDate(record.referral.dateOfBirth)} (age {ageOn(record.referral.dateOfBirth, day)})
          </span>
          <span>{record.referral.chainNumber ? `CHAIN ${record.referral.chainNumber}` : 'No CHAIN number'}</span>
          <span>Lead caseworker: {record.allocation.leadCaseworker?.name ?? 'not allocated'}</span>
        </p>
        <MarkerTags tags={markers} to={`/cases/${id}/markers`} />
        <RebuiltNotice />
        <RestrictCase />
        {flags.length > 0 && (
          <ul className="flags" aria-label="Needs attention">
            {flags.map((flag) => (
              <li key={flag.kind} className={`flag flag--${flag.kind}`}>
                {flag.message}
              </li>
            ))}
          </ul>
        )}
      </div>
      <div className="case-header__side">
        <PhaseTag phase={record.phase} closedAs={closedAs(record)} />
        <span className={`save-state${saved && drafts.length === 0 ? '' : ' save-state--saving'}`} role="status">
          {drafts.length > 0 ? `Not saved yet: ${drafts.join(', ')}` : saved ? 'Saved' : 'Saving…'}
        </span>
      </div>
      <NextStep />
    </header>
  )
}

/** The one thing to do next, and the ways the case moves: on, back, or closed. */
function NextStep() {
  const { id, record } = useOpenCase()
  const context = { today: today() }
  const facts = caseFacts(record, context)
  // Closing or reopening here replaces this box with the other: focus follows to its heading, so it
  // is not lost with the form that went. A change from another laptop leaves focus where it is.
  const movedHere = useRef(false)
  useEffect(() => {
    if (!movedHere.current) return
    movedHere.current = false
    document.getElementById(record.status === 'closed' ? CLOSED_HEADING_ID : 'next-step-heading')?.focus()
  }, [record.status])
  if (record.status === 'closed') return <ClosedCase onReopened={() => (movedHere.current = true)} />
  // Tool 4, Step 7 informs the client with the letter: the way to make it is offered with the step.
  const closureStep = record.phase === 'closure-and-review' ? closureSteps(record.closure, facts.reconnectedOn, context.today).find((step) => step.state === 'current') : undefined
  const next = nextPhase(record.phase)
  // A referral not yet decided: checking it is the one way on, and rejecting it there is how it ends,
  // so closing is not offered beside it (closing lives here once the referral is taken on).
  const deciding = record.phase === 'identify' && record.referral.status === 'received'
  const problems = deciding ? [] : advanceProblems(record, context, facts)
  return (
    <section className="next-step" aria-labelledby="next-step-heading">
      <h2 id="next-step-heading" className="next-step__title" tabIndex={-1}>
        Next step
      </h2>
      <p className="next-step__text">{nextStep(record, context, facts)}</p>
      {closureStep?.number === 7 && (
        <p>
          <Link to={`/cases/${id}/documents?${MAKE_CLOSURE_LETTER}`}>Make the closure letter</Link>
        </p>
      )}
      {next && record.referral.status === 'accepted' && problems.length > 1 && (
        <ul className="next-step__problems">
          {problems.slice(1).map((problem) => (
            <li key={problem}>{problem}</li>
          ))}
        </ul>
      )}
      <div className="next-step__actions">
        {deciding && (
          <Link className="button" to={`/cases/${id}/phase/identify?${CHECK_REFERRAL}`}>
            Check the referral
          </Link>
        )}
        {next && record.referral.status === 'accepted' && <AdvanceButton disabled={problems.length > 0} />}
        {previousPhase(record.phase) && <MoveBack />}
        {!deciding && <CloseCase plannedProblems={plannedClosureProblems(record, context, facts)} onClosed={() => (movedHere.current = true)} />}
      </div>
    </section>
  )
}

function AdvanceButton({ disabled }: { disabled: boolean }) {
  const { id, record } = useOpenCase()
  const changeCase = useCaseChange()
  const navigate = useNavigate()
  const [error, setError] = useState<string | undefined>()
  const next = nextPhase(record.phase)!
  return (
    <>
      <button
        type="button"
        className="button"
        aria-disabled={disabled}
        onClick={() => {
          try {
            changeCase((doc, context) => change.advancePhase(doc, crypto.randomUUID(), context))
            setError(undefined)
            navigate(`/cases/${id}/phase/${next}`)
          } catch (caught) {
            setError(issuesOf(caught).map((issue) => issue.message).join('; '))
          }
        }}
      >
        Move to {phaseLabel(next)}
      </button>
      <Problem text={error} />
    </>
  )
}

function MoveBack() {
  const { id, record } = useOpenCase()
  const changeCase = useCaseChange()
  const navigate = useNavigate()
  const [reason, setReason] = useState('')
  const { issues, run } = useSubmit({ reason: 'backReason' })
  const previous = previousPhase(record.phase)!
  return (
    <details className="disclosure">
      <summary>Move back to {phaseLabel(previous)}</summary>
      <Form
        onSubmit={() =>
          void run(() => {
            changeCase((doc, context) => change.movePhaseBack(doc, crypto.randomUUID(), reason, context))
            setReason('')
            navigate(`/cases/${id}/phase/${previous}`)
          })
        }
      >
        <ErrorSummary issues={issues} />
        <TextArea name="backReason" label="Why is the case going back a phase?" value={reason} onChange={setReason} rows={2} error={issues.find((i) => i.field === 'backReason')?.message} />
        <SubmitButton label="Move back" className="button button--secondary" />
      </Form>
    </details>
  )
}

function CloseCase({ plannedProblems, onClosed }: { plannedProblems: string[]; onClosed: () => void }) {
  const changeCase = useCaseChange()
  const [type, setType] = useState('')
  const [reason, setReason] = useState('')
  const [inappropriateReason, setInappropriateReason] = useState('')
  const [details, setDetails] = useState('')
  // The header is on every case page, beside whichever form is open: its fields get names of their
  // own, so that no two controls on the page share an id (a warning marker's Details, for one).
  const { issues, run, refuse } = useSubmit({ details: 'closureDetails', unplannedReason: 'closureUnplannedReason', inappropriateReason: 'closureInappropriateReason' })
  const options = CLOSURE_TYPES.filter((option) => option.value !== 'planned' || plannedProblems.length === 0)
  return (
    <details className="disclosure">
      <summary>Close the case</summary>
      <Form
        onSubmit={() => {
          if (!type) return refuse([{ field: 'closure-type', message: 'Choose the type of closure' }])
          void run(() => {
            changeCase((doc, context) =>
              change.closeCase(
                doc,
                {
                  type: type as change.Closure['type'],
                  ...(reason ? { unplannedReason: reason as change.Closure['unplannedReason'] } : {}),
                  ...(inappropriateReason ? { inappropriateReason: inappropriateReason as change.Closure['inappropriateReason'] } : {}),
                  details,
                  on: context.today,
                  id: crypto.randomUUID(),
                },
                context,
              ),
            )
            onClosed()
          })
        }}
      >
        <ErrorSummary issues={issues} />
        {plannedProblems.length > 0 && <p className="field__hint">{plannedProblems[0]}</p>}
        <RadioGroup name="closure-type" legend="Type of closure" value={type} onChange={setType} options={options} error={issues.find((i) => i.field === 'closure-type')?.message} />
        {type === 'unplanned' && (
          <SelectField
            name="closureUnplannedReason"
            label="Reason"
            value={reason}
            onChange={setReason}
            options={[{ value: '', label: 'Choose…' }, ...UNPLANNED_REASONS]}
            error={issues.find((i) => i.field === 'closureUnplannedReason')?.message}
          />
        )}
        {type === 'inappropriate' && (
          <SelectField
            name="closureInappropriateReason"
            label="Why reconnection is not appropriate"
            value={inappropriateReason}
            onChange={setInappropriateReason}
            options={[{ value: '', label: 'Choose…' }, ...INAPPROPRIATE_REASONS]}
            error={issues.find((i) => i.field === 'closureInappropriateReason')?.message}
          />
        )}
        <TextArea name="closureDetails" label="Details" value={details} onChange={setDetails} rows={3} error={issues.find((i) => i.field === 'closureDetails')?.message} />
        <SubmitButton label="Close the case" className="button button--warning" />
      </Form>
    </details>
  )
}
