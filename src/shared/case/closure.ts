import { addMonths, parseISO } from 'date-fns'
import { formatUkDate, isoDateOf, type IsoDate } from '../dates'
import { ANSWER_LABELS, type Field, type FieldValues } from '../forms/fields'
import type { PersonRef } from '../people'
import type { Phase } from './phases'
import { CLOSURE_TYPES, type ClosureType } from './closure-types'

/** The answers and dates of Tool 4, the case closure and review checklist. */
export const CLOSURE_FIELDS = [
  { name: 'sufficientSupport', label: 'Has sufficient support from local agencies?', kind: 'answer' },
  { name: 'lowRiskOfReturn', label: 'Is the risk of return to rough sleeping, or to the originating borough, low?', kind: 'answer' },
  { name: 'inTemporaryAccommodation', label: 'Is the client in temporary accommodation (local authority)?', kind: 'answer' },
  {
    name: 'positiveDecision',
    label: 'Has the client received a positive decision from the local authority or HPU on their homelessness application?',
    kind: 'answer',
  },
  {
    name: 'negativeDecisionHandoverOn',
    label: 'Discussed with the team, and support for a possible negative decision handed over to local agencies, on',
    hint: 'For example, floating support or local outreach',
    kind: 'date',
    notFuture: true,
  },
  { name: 'informedOfClosure', label: 'Has the client been informed of the closure of the case?', kind: 'answer' },
  {
    name: 'closureLetterOn',
    label: 'Closure letter made on',
    hint: 'Confirming who their support will be locally and what to do if there are problems or a crisis. Making the letter here fills this in',
    kind: 'date',
    notFuture: true,
  },
  {
    name: 'agenciesToldOn',
    label: 'All agencies, including the originating outreach referrers, told of the closure on',
    kind: 'date',
    notFuture: true,
  },
  {
    name: 'closedInSystemsOn',
    label: 'Case closed in all database systems on',
    hint: 'CHAIN (TLE, Encounters, Case work, Caseload closed); shared folders moved to Closed Clients',
    kind: 'date',
    notFuture: true,
  },
  { name: 'teamReviewOn', label: 'Team reviewed the full case on', kind: 'date', notFuture: true },
  { name: 'reviewNotes', label: 'Highs, lows and learning from the review', kind: 'paragraph' },
] as const satisfies readonly Field[]
export type ClosureChecklist = FieldValues<typeof CLOSURE_FIELDS> & {
  /** Set when a learning point from this case goes into the team's learning log (Step 11). */
  learningPointsLoggedOn?: IsoDate
}

export type StepState = 'done' | 'current' | 'to-do' | 'not-needed' | 'not-done'

export interface ClosureStep {
  number: number
  title: string
  state: StepState
  /** The answer recorded for the step, in words ("Yes", "No", "Told on 19/11/2026"): what "Done" stands for. */
  answer?: string
  /** For the current step: what the toolkit says to do now. */
  guidance?: string
}


/** The recorded answers of a step, joined: none is left out, and an unanswered one says nothing. */
function answered(...parts: (string | false | undefined)[]): string | undefined {
  const given = parts.filter((part): part is string => Boolean(part))
  return given.length > 0 ? given.join('. ') : undefined
}

const on = (what: string, date: IsoDate | undefined) => date && `${what} on ${formatUkDate(date)}`

/** How long after reconnection a case comes up for closure (Tool 4, Step 1). */
export const CLOSURE_POINT_MONTHS = 3

/** The day a case reaches the closure point, from the reconnection (arrival, or the day itself). */
export function closurePoint(reconnectedOn: IsoDate | undefined): IsoDate | undefined {
  return reconnectedOn ? isoDateOf(addMonths(parseISO(reconnectedOn), CLOSURE_POINT_MONTHS)) : undefined
}

/** The phases after reconnection, in which a case comes up for closure at its closure point. */
const CLOSURE_POINT_PHASES: readonly Phase[] = ['intensive-support', 'step-down', 'closure-and-review']

/**
 * Tool 4, Step 1: the day an open case in support after reconnection reaches its closure point,
 * when the board flags it and the lead caseworker is to consider closure; none before
 * reconnection, or once closed.
 */
export function closurePointDue(facts: { status: 'open' | 'closed'; phase: Phase; closurePoint: IsoDate | null }): IsoDate | undefined {
  return facts.status === 'open' && CLOSURE_POINT_PHASES.includes(facts.phase) && facts.closurePoint ? facts.closurePoint : undefined
}

/**
 * Tool 4's steps as a closed case left them: it has no current step, and nothing is still to do
 * (until it is reopened), so each step not done says so, with no guidance to act on.
 */
export function closedCaseSteps(steps: ClosureStep[]): ClosureStep[] {
  return steps.map((step) => {
    if (step.state !== 'current' && step.state !== 'to-do') return step
    const { number, title, answer } = step
    return { number, title, state: 'not-done', ...(answer ? { answer } : {}) }
  })
}

/**
 * Walks Tool 4 from Step 1, following its yes/no branches exactly, and says where the case is:
 * every step done, not needed on this branch, current (with the toolkit's guidance), or to do.
 */
export function closureSteps(checklist: ClosureChecklist, reconnectedOn: IsoDate | undefined, today: IsoDate): ClosureStep[] {
  const steps: ClosureStep[] = []
  let blocked = false
  const step = (number: number, title: string, done: boolean | 'not-needed', guidance: string, answer?: string) => {
    const recorded = answer && done !== 'not-needed' ? { answer } : {}
    if (done === 'not-needed') steps.push({ number, title, state: 'not-needed' })
    else if (blocked) steps.push({ number, title, state: 'to-do', ...recorded })
    else if (done) steps.push({ number, title, state: 'done', ...recorded })
    else {
      steps.push({ number, title, state: 'current', guidance, ...recorded })
      blocked = true
    }
  }
  const point = closurePoint(reconnectedOn)
  step(
    1,
    'Is the client at the 3 months post reconnection point?',
    point !== undefined && point <= today,
    point === undefined
      ? 'No reconnection date is recorded yet.'
      : `Client is not yet 3 months post reconnection (that is ${formatUkDate(point)}). Continue support, ensuring local agencies are taking over; restart at Step 1 then.`,
    point === undefined ? undefined : `${point <= today ? 'Yes' : 'No'}: 3 months on ${formatUkDate(point)}`,
  )
  step(
    2,
    'Is the client supported enough in the local community to be considered for closure?',
    checklist.sufficientSupport === 'yes' && checklist.lowRiskOfReturn === 'yes',
    checklist.sufficientSupport === 'no' || checklist.lowRiskOfReturn === 'no'
      ? 'Continue referrals to support agencies and clear obstacles to gaining local support; restart at Step 1 when done.'
      : 'Answer both questions: sufficient support from local agencies, and a low risk of return.',
    answered(
      checklist.sufficientSupport && `Sufficient support: ${ANSWER_LABELS[checklist.sufficientSupport]}`,
      checklist.lowRiskOfReturn && `Low risk of return: ${ANSWER_LABELS[checklist.lowRiskOfReturn]}`,
    ),
  )
  const inTemporary = checklist.inTemporaryAccommodation
  step(3, 'Is the client in temporary accommodation (local authority)?', inTemporary === 'yes' || inTemporary === 'no', 'Answer yes or no.', inTemporary && ANSWER_LABELS[inTemporary])
  const positive = checklist.positiveDecision
  step(
    4,
    'Has the client received a positive decision on their homelessness application?',
    inTemporary === 'no' ? 'not-needed' : positive === 'yes' || positive === 'no',
    'Answer yes or no.',
    positive && ANSWER_LABELS[positive],
  )
  step(
    5,
    'Discuss with the team and hand over support for a possible negative decision to local agencies',
    inTemporary === 'no' || positive === 'yes' ? 'not-needed' : Boolean(checklist.negativeDecisionHandoverOn),
    'Discuss with the team and hand over support (floating support, local outreach); then record the date.',
    on('Handed over', checklist.negativeDecisionHandoverOn),
  )
  step(6, 'Case ready for closure, review and learning', true, '')
  // The toolkit's question is whether the client has been told: a letter made is not a letter
  // received, so only a Yes moves on (the letter is how a No is put right).
  const letterMade = on('Closure letter made', checklist.closureLetterOn)
  step(
    7,
    'Has the client been informed of the closure of the case?',
    checklist.informedOfClosure === 'yes',
    letterMade
      ? 'Contact the client and give or send them the closure letter; once they have been informed, answer Yes.'
      : 'Contact the client and write a letter confirming who their support will be locally and what to do in the event of problems or a crisis; once they have been informed, answer Yes.',
    checklist.informedOfClosure === 'no'
      ? letterMade
        ? `${letterMade}; client not yet informed`
        : 'No: client not yet informed'
      : answered(checklist.informedOfClosure && ANSWER_LABELS[checklist.informedOfClosure], letterMade),
  )
  step(
    8,
    'Contact all agencies, including the originating outreach referrers, to advise of the closure',
    Boolean(checklist.agenciesToldOn),
    'Tell every agency involved, including the outreach team that referred the client; then record the date.',
    on('Told', checklist.agenciesToldOn),
  )
  step(
    9,
    'Close the case in all database systems',
    Boolean(checklist.closedInSystemsOn),
    'CHAIN (TLE, Encounters, Case work, Caseload closed); move shared folders to the Closed Clients area.',
    on('Closed', checklist.closedInSystemsOn),
  )
  step(10, 'Team review of the full case: highs, lows and learning points', Boolean(checklist.teamReviewOn), 'Review the case as a team.', on('Reviewed', checklist.teamReviewOn))
  step(
    11,
    "Enter learning points into the team's learning log",
    Boolean(checklist.learningPointsLoggedOn),
    'Add at least one learning point, ready for review at the next team meeting.',
    on('Logged', checklist.learningPointsLoggedOn),
  )
  return steps
}

export { CLOSURE_TYPES, type ClosureType } from './closure-types'

export const UNPLANNED_REASONS = [
  { value: 'disengaged', label: 'Disengaged' },
  { value: 'returned-to-rough-sleeping', label: 'Returned to rough sleeping' },
  { value: 'in-custody', label: 'In custody' },
  { value: 'died', label: 'Died' },
  { value: 'other', label: 'Other' },
] as const
export type UnplannedReason = (typeof UNPLANNED_REASONS)[number]['value']

/**
 * Why reconnection was not appropriate (Getting Connected 4.10; the Kent policy 3.0; the safety
 * questions before a move), a fixed list so that monitoring can count each.
 */
export const INAPPROPRIATE_REASONS = [
  { value: 'part-seven-accepted', label: 'A homelessness duty (Part 7) was accepted in this area' },
  { value: 'excluded', label: 'Excluded from the area of connection (an order, bail or licence conditions)' },
  { value: 'risk-of-harm', label: 'At risk of harm in the area of connection' },
  { value: 'reoffending', label: 'Risk of re-offending in the area of connection' },
  { value: 'no-connection', label: 'No meaningful connection to any area' },
  { value: 'client-refused', label: 'The client refused reconnection' },
  { value: 'other', label: 'Other' },
] as const
export type InappropriateReason = (typeof INAPPROPRIATE_REASONS)[number]['value']

export const CLOSE_CASE_FIELDS = [
  { name: 'type', label: 'Type of closure', kind: 'choice', options: CLOSURE_TYPES, required: true },
  { name: 'unplannedReason', label: 'Reason', kind: 'choice', options: UNPLANNED_REASONS },
  { name: 'inappropriateReason', label: 'Why reconnection is not appropriate', kind: 'choice', options: INAPPROPRIATE_REASONS },
  { name: 'details', label: 'Details', kind: 'paragraph' },
] as const satisfies readonly Field[]

/** How a case ended. */
export interface CaseOutcome {
  type: ClosureType | 'rejected'
  unplannedReason?: UnplannedReason
  inappropriateReason?: InappropriateReason
  details?: string
  closedOn: IsoDate
  closedBy: PersonRef
}
