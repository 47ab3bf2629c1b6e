import { Link, useParams } from 'react-router'
import { ENGAGEMENT_FIELDS, SHARING_CONSENT_FIELDS } from '../../../shared/case/engagement'
import { consentReviewDay } from '../../../shared/case/consent-reviews'
import { dayWarnings } from '../../../shared/case/dates/case-dates'
import { INTENSIVE_SUPPORT_GROUPS } from '../../../shared/case/intensive-support'
import { phaseChecklist } from '../../../shared/case/lifecycle'
import { NEEDS_GROUPS } from '../../../shared/case/needs'
import { PHASE_DESCRIPTIONS, PHASES, phaseLabel, type Phase } from '../../../shared/case/phases'
import { RISK_FIELDS, PLAN_GROUPS, RECONNECTION_DAY_GROUPS } from '../../../shared/case/reconnection'
import { GOAL_FIELDS, STEP_DOWN_FIELDS } from '../../../shared/case/support'
import { formatUkDate, formatUkDateTime } from '../../../shared/dates'
import { MAKE_PACK } from '../documents/PaperworkPanels'
import { today, useOpenCase } from '../CaseContext'
import { Collection, Section } from '../CaseForms'
import { AllocationPanel } from './AllocationPanel'
import { ClosurePanel } from './ClosurePanel'
import { ContactPanel } from './ContactPanel'
import { EqualityPanel } from './EqualityPanel'
import { LocalConnectionPanel } from './LocalConnectionPanel'
import { OnwardReferralsPanel } from './OnwardReferralsPanel'
import { ReviewsPanel } from './ReviewsPanel'
import { ReferralPanel } from './ReferralPanel'
import { GateSummary, SafetyPanel } from './SafetyPanel'
import { WellbeingPanel } from './WellbeingPanel'

/** One phase of the case: what it is for, the toolkit's checklist, and its forms. */
export function PhaseView() {
  const { record } = useOpenCase()
  const { phase: asked } = useParams()
  const phase = (PHASES as readonly string[]).includes(asked ?? '') ? (asked as Phase) : record.phase
  const checklist = phaseChecklist(phase, record, { today: today() })
  const done = checklist.filter((item) => item.done).length
  const position = PHASES.indexOf(phase) - PHASES.indexOf(record.phase)
  return (
    <article aria-labelledby="phase-heading">
      <h2 id="phase-heading" className="phase-title">
        {phaseLabel(phase)}
        {position === 0 && record.status === 'open' && <span className="phase-title__note">Current phase</span>}
        {position > 0 && <span className="phase-title__note">Not started yet</span>}
      </h2>
      <p className="lead">{PHASE_DESCRIPTIONS[phase]}</p>
      {/* In the last phase the checklist is Tool 4 itself, shown step by step below. */}
      {phase !== 'closure-and-review' && <section className="panel checklist" aria-labelledby="checklist-heading">
        <h3 id="checklist-heading">
          Good practice checklist <span className="checklist__count">{done} of {checklist.length} done</span>
        </h3>
        <ul>
          {checklist.map((item) => (
            <li key={item.label} className={item.done ? 'checklist__item checklist__item--done' : 'checklist__item'}>
              <span className="checklist__mark" aria-hidden="true">
                {item.done ? '✓' : ''}
              </span>
              {item.label}
              <span className="visually-hidden">{item.done ? ': done' : ': not yet'}</span>
            </li>
          ))}
        </ul>
      </section>}
      <PhaseSections phase={phase} />
    </article>
  )
}

/** Phase 5's dates that are possible but usually a wrong date (the pack emailed before it was made or after the day, handed over on another), said above its form. */
function DayWarnings() {
  const { record } = useOpenCase()
  return dayWarnings(record).map((warning) => (
    <p key={warning} className="notice" role="status">
      {warning}
    </p>
  ))
}

function PhaseSections({ phase }: { phase: Phase }) {
  switch (phase) {
    case 'identify':
      return (
        <>
          <ReferralPanel />
          <ContactPanel />
        </>
      )
    case 'allocate':
      return <AllocationPanel />
    case 'engage':
      return (
        <>
          <Section section="engagement" title="Consent and engagement" groups={[{ title: 'Consent and engagement', fields: ENGAGEMENT_FIELDS }]} />
          <Collection
            id="sharingConsents"
            title="Consent to share information"
            itemName="an agency"
            fields={SHARING_CONSENT_FIELDS}
            emptyText="No agencies recorded."
            invitation="Add each agency the client agrees information may be shared with."
            columns={[
              { label: 'Agency', value: (item) => String(item.agency ?? '') },
              { label: 'Given on', value: (item) => formatUkDate(String(item.givenOn ?? '')) },
              { label: 'Withdrawn', value: (item) => (item.withdrawnOn ? formatUkDate(String(item.withdrawnOn)) : 'No') },
              {
                label: 'Review on',
                value: (item) => {
                  const day = item.withdrawnOn ? undefined : consentReviewDay(item.givenOn as string | undefined, item.reviewOn as string | undefined)
                  return day ? formatUkDate(day) : ''
                },
              },
            ]}
          />
          <EqualityPanel />
          {/* Engaging the client is when their needs are assessed with them, in their words. */}
          <Section section="needs" title="Needs assessment" groups={NEEDS_GROUPS} />
        </>
      )
    case 'reconnection-planning':
      return (
        <>
          <LocalConnectionPanel />
          <Section section="plan" title="Reconnection plan" groups={PLAN_GROUPS} />
          <h3 className="subheading">Before the move</h3>
          <p className="field__hint">The case cannot move to Reconnection until the risk assessment is done and the safety checks pass.</p>
          <Section section="risk" title="Risk assessment before the move" groups={[{ title: 'Risk assessment', fields: RISK_FIELDS }]} />
          <SafetyPanel />
          <OnwardReferralsPanel />
          <PackStep />
        </>
      )
    case 'reconnection':
      return (
        <>
          <GateSummary />
          <DayWarnings />
          <PackStep />
          <Section section="reconnectionDay" title="Reconnection day" groups={RECONNECTION_DAY_GROUPS} />
        </>
      )
    case 'intensive-support':
      return (
        <>
          <Collection
            id="goals"
            title="Support plan"
            itemName="a goal"
            fields={GOAL_FIELDS}
            emptyText="No goals recorded."
            invitation="Agree the client's goals with them, in their words."
            columns={[
              { label: 'Goal', value: (item) => String(item.goal ?? '') },
              { label: 'Celebrate by', value: (item) => String(item.celebrate ?? '') },
              { label: 'Achieved', value: (item) => (item.achievedOn ? formatUkDate(String(item.achievedOn)) : 'Not yet') },
              { label: 'Review by', value: (item) => (item.reviewOn ? formatUkDate(String(item.reviewOn)) : '') },
            ]}
          />
          <WellbeingPanel when="start" />
          <ReviewsPanel />
          <OnwardReferralsPanel />
          <Section section="intensiveSupport" title="Phase 6 support" groups={INTENSIVE_SUPPORT_GROUPS} />
        </>
      )
    case 'step-down':
      return <Section section="stepDown" title="Step down of support" groups={[{ title: 'Step down', fields: STEP_DOWN_FIELDS }]} />
    case 'closure-and-review':
      return <ClosurePanel />
  }
}

/** The presentation pack, made in the documents tab: the last one made (when, by whom), and the way there. */
function PackStep() {
  const { id, record } = useOpenCase()
  // A closed case makes no pack (planPack refuses it; the documents tab offers none): those made are still said.
  const closed = record.status === 'closed'
  const made = Object.values(record.generatedDocuments)
    .filter((document) => document.kind === 'presentation-pack')
    .sort((a, b) => b.at.localeCompare(a.at))[0]
  if (closed) return made ? <p className="pack-step">Presentation pack made on {formatUkDateTime(made.at)} by {made.by.name}.</p> : null
  return (
    <p className="pack-step">
      {made ? `Presentation pack made on ${formatUkDateTime(made.at)} by ${made.by.name}. ` : 'No presentation pack made yet: it is emailed to Housing Options the day before the presentation. '}
      <Link to={`/cases/${id}/documents?${MAKE_PACK}`}>{made ? 'Make the presentation pack again' : 'Make the presentation pack'}</Link>
    </p>
  )
}
