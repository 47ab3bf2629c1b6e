import { daysBetween, formatUkDate, type IsoDate } from '../dates'
import { closurePoint, closureSteps } from './closure'
import { agenciesWithConsent, hasConsentToRecord } from './engagement'
import { consentWithdrawnStep } from './consent-to-record-withdrawn'
import { consentReviewStep, consentReviews } from './consent-reviews'
import { doneOn, INTENSIVE_SUPPORT_ITEMS } from './intensive-support'
import { testLocalConnection, type AreaConnection } from './local-connection'
import { PHASES, phaseLabel, type Phase } from './phases'
import type { CaseRecord, CaseRules } from './record'
import { missingPackDocuments } from './reconnection'
import { evaluateSafetyGate, type SafetyGate } from './safety-gate'
import { referralCriteriaProblems } from './referral'
import { isOverdue } from './support'
import { packHandedOverAnotherDay } from './dates/pack-handed-over-on-the-day'
import { followUpDue, followUpsOwed } from './follow-ups-due'
import { missedPartnerActions, openPartnerActionsDue } from './missed-partner-actions'
import { agreedActions } from './partner-actions'
import { reviewDue, reviewDueOn } from './review-due'
import { CONTACT_EXPECTED_DAYS } from './recent-contact'

/** What the phase rules need besides the case: the day. */
export interface CaseContext {
  today: IsoDate
}

/** Everything about a case that the rules compute, worked out once. */
export interface CaseFacts {
  areas: AreaConnection[]
  gate: SafetyGate
  reconnectedOn?: IsoDate
}

export function caseFacts(record: CaseRules, context: CaseContext): CaseFacts {
  const areas = testLocalConnection(
    {
      addresses: Object.values(record.addresses),
      employment: Object.values(record.employment),
      family: Object.values(record.family),
      special: Object.values(record.special),
    },
    context.today,
  )
  const reconnectedOn = record.reconnectionDay.arrivedOn ?? record.reconnectionDay.date
  return { areas, gate: evaluateSafetyGate(record.safety, areas, record.safety.override), ...(reconnectedOn ? { reconnectedOn } : {}) }
}

/** The day of the latest contact in the log. */
export function lastContact(record: CaseRecord): IsoDate | undefined {
  return record.notes.reduce<IsoDate | undefined>((latest, note) => (!latest || note.date > latest ? note.date : latest), undefined)
}

export interface ChecklistItem {
  label: string
  done: boolean
}

/**
 * The toolkit's good-practice checklist for a phase (Tool 2), each item ticked from what the case
 * records. For the last phase, Tool 4's steps.
 */
export function phaseChecklist(phase: Phase, record: CaseRecord, context: CaseContext, facts = caseFacts(record, context)): ChecklistItem[] {
  const r = record.referral
  const item = (label: string, done: unknown): ChecklistItem => ({ label, done: Boolean(done) })
  switch (phase) {
    case 'identify':
      return [
        item('Eligibility for public funds checked', r.publicFunds === 'yes' || r.publicFunds === 'no'),
        item('What ID the client has recorded', r.hasId === 'yes' || r.hasId === 'no'),
        item('Support needs described', r.supportNeeds),
        item('Outline of housing history', r.lcLived),
        item('Where the client can be found (usually seen)', r.siteUsuallySeen),
        item('Referral criteria met', referralCriteriaProblems(r).length === 0),
        item('Referral accepted', r.status === 'accepted'),
      ]
    case 'allocate':
      return [
        item('Lead caseworker allocated', record.allocation.leadCaseworker),
        item('Outreach team told, and the lead worker recorded on CHAIN', record.allocation.chainUpdated === 'yes'),
      ]
    case 'engage':
      return [
        item('Consent to record information', hasConsentToRecord(record.engagement)),
        item('Consent to share information with named agencies', agenciesWithConsent(record.sharingConsents).length > 0),
        item('Service explained as a new, distinct and voluntary service', record.engagement.serviceExplainedOn),
        item('Referral information, including housing history, confirmed', record.engagement.referralConfirmedOn),
      ]
    case 'reconnection-planning':
      return [
        item('Address history recorded', Object.keys(record.addresses).length > 0),
        item('Local connection established', facts.areas.some((area) => area.connected)),
        item('Destination local authority chosen', record.plan.destination),
        item('Early contact with the destination authority', record.plan.earlyContactOn),
        item('Part VII application intended', record.plan.partSevenIntended === 'yes'),
        item('Presentation pack documents gathered', missingPackDocuments(record.plan, Object.values(record.attachments)).length === 0),
        item('Client prepared for the possible outcomes', record.plan.clientPrepared === 'yes'),
        item('Emergency accommodation before the move', record.plan.emergencyAccommodation === 'yes'),
        item('Health and substance misuse arrangements', record.plan.healthArrangements),
      ]
    case 'reconnection':
      return [
        item('Risk assessment before the move', record.risk.assessedOn),
        item('Safety checks passed', facts.gate.passes),
        item('Presentation pack emailed to Housing Options a day before', record.reconnectionDay.packEmailedOn),
        item('Client told what to expect on the day', record.reconnectionDay.clientToldAboutDayOn),
        item('Travel booked', record.reconnectionDay.travelBooked === 'yes'),
        item('Receiving authority told the client is en route', record.reconnectionDay.enRouteToldOn),
        item('Presentation pack handed over on the day', record.reconnectionDay.packHandedOverOn && !packHandedOverAnotherDay(record.reconnectionDay)),
        item('Arrival confirmed', record.reconnectionDay.arrivedOn),
        item("Client's confidence assessed", record.reconnectionDay.confidence),
      ]
    case 'intensive-support':
      return [
        item('Support plan agreed with the client', Object.keys(record.goals).length > 0),
        item('Wellbeing measured at the start of support', record.wellbeing.start),
        // Judged against today: work still to do on an open case, but a closed case shows where it
        // closed, and nags no one about contact or actions it no longer has.
        ...(record.status === 'closed'
          ? []
          : [
              item(`Contact logged in the last ${CONTACT_EXPECTED_DAYS} days`, daysSince(lastContact(record), context.today) <= CONTACT_EXPECTED_DAYS),
              item('No overdue actions', !Object.values(record.actions).some((action) => isOverdue(action, context.today))),
            ]),
        // Phase 6's items the toolkit asks for every client; the rest are "for some clients".
        ...INTENSIVE_SUPPORT_ITEMS.filter((support) => support.everyone).map((support) => item(support.title, doneOn(record.intensiveSupport, support.key))),
      ]
    case 'step-down':
      return [
        item('Support started scaling back', record.stepDown.startedOn),
        item('Local agencies taking over support', record.stepDown.handoverAgencies),
        item('Written agreement with the client', record.stepDown.writtenAgreementOn),
      ]
    case 'closure-and-review':
      return [
        ...closureSteps(record.closure, facts.reconnectedOn, context.today).map((step) =>
          item(`Step ${step.number}: ${step.title}`, step.state === 'done' || step.state === 'not-needed'),
        ),
        item('Wellbeing measured at closure', record.wellbeing.closure),
      ]
  }
}

function daysSince(date: IsoDate | undefined, today: IsoDate): number {
  return date ? daysBetween(date, today) : Number.POSITIVE_INFINITY
}

export function nextPhase(phase: Phase): Phase | undefined {
  return PHASES[PHASES.indexOf(phase) + 1]
}

export function previousPhase(phase: Phase): Phase | undefined {
  return PHASES[PHASES.indexOf(phase) - 1]
}

/**
 * What must be in place before the case moves on from its phase, in words; empty when it may.
 * The checklist is good practice; these are the rules.
 */
export function advanceProblems(record: CaseRules, context: CaseContext, facts = caseFacts(record, context)): string[] {
  if (record.status === 'closed') return ['The case is closed']
  const problems: string[] = []
  switch (record.phase) {
    case 'identify':
      if (record.referral.status !== 'accepted') problems.push('The referral has not been accepted yet')
      break
    case 'allocate':
      if (!record.allocation.leadCaseworker) problems.push('No lead caseworker allocated')
      break
    case 'engage':
      if (!hasConsentToRecord(record.engagement)) problems.push('No consent recorded')
      break
    case 'reconnection-planning':
      if (!record.plan.destination) problems.push('No destination local authority chosen')
      if (!record.risk.assessedOn) problems.push('No risk assessment before the move')
      if (!facts.gate.passes) problems.push(...facts.gate.problems)
      break
    case 'reconnection':
      if (!record.reconnectionDay.arrivedOn) problems.push('Arrival not confirmed')
      break
    case 'intensive-support':
    case 'step-down':
      break
    case 'closure-and-review':
      problems.push('This is the last phase: close the case when the closure checklist is complete')
  }
  return problems
}

/** Tool 4 complete: what stands between the case and a planned closure, in words. */
export function plannedClosureProblems(record: CaseRules, context: CaseContext, facts = caseFacts(record, context)): string[] {
  // Each a whole sentence, said once: the close-case form shows it as its hint, as it is.
  if (record.phase !== 'closure-and-review') return [`A planned closure happens in ${phaseLabel('closure-and-review')}, at the end of Tool 4.`]
  const current = closureSteps(record.closure, facts.reconnectedOn, context.today).find((step) => step.state === 'current')
  return current ? [`A planned closure follows Tool 4 to the end. Step ${current.number}: ${current.guidance}`] : []
}

/** The one thing to do next on a case, for its heading. */
export function nextStep(record: CaseRecord, context: CaseContext, facts = caseFacts(record, context)): string {
  if (record.status === 'closed') {
    const followUp = followUpDue(followUpsOwed(record), context.today)
    return followUp ? `${followUp}: is the client still accommodated?` : 'The case is closed.'
  }
  const withdrawn = consentWithdrawnStep(record.engagement, record.referral.clientName)
  if (withdrawn) return withdrawn
  // A consent due its review comes before the phase's work: what is shared rests on it.
  const review = consentReviewStep(consentReviews(record), context.today)
  if (review) return review
  // A partner's missed action, then a plan due its review: each is work owed to the client now.
  const missed = missedPartnerActions(openPartnerActionsDue(agreedActions(record).map((action) => action.values)), context.today)
  if (missed) return `${missed}: chase it with the partner.`
  const planReview = reviewDue(reviewDueOn(record), context.today)
  if (planReview) return `${planReview}.`
  if (record.phase === 'identify' && record.referral.status === 'received') return 'Check the referral, then accept or reject it.'
  if (record.phase === 'closure-and-review') {
    // Reopened since its last move: the checklist's answers were given for the closure undone, so
    // they say nothing of what to do now.
    const latest = record.phaseHistory.at(-1)
    if (latest?.kind === 'reopened') {
      return `Reopened on ${formatUkDate(latest.at.slice(0, 10))}: check each answer of the closure checklist again (they are from before the case was closed), or move the case back to the phase its work is in.`
    }
    const problems = plannedClosureProblems(record, context, facts)
    return problems[0] ?? 'The closure checklist is complete: close the case.'
  }
  const problems = advanceProblems(record, context, facts)
  const next = nextPhase(record.phase)!
  if (problems.length > 0) return `Before ${phaseLabel(next)}: ${problems[0]}.`
  // The rules allow the move; the phase's good-practice checklist may still have work on it, which
  // "Ready" alone would hide (a pack never made, the council never told).
  const open = phaseChecklist(record.phase, record, context, facts).filter((item) => !item.done)
  if (open.length === 0) return `Ready to move to ${phaseLabel(next)}.`
  const more = open.length > 1 ? `, and ${open.length - 1} more` : ''
  return `Ready to move to ${phaseLabel(next)}. This phase's checklist still has ${open.length === 1 ? 'one item' : `${open.length} items`} open: ${open[0]!.label}${more}.`
}

/** The closure point for display and flags, from the case. */
export function closurePointOf(record: CaseRecord): IsoDate | undefined {
  return closurePoint(record.reconnectionDay.arrivedOn ?? record.reconnectionDay.date)
}
