import { addDays, parseISO } from 'date-fns'
import { formatDayAndDate, formatUkDate, isoDateOf, type IsoDate } from '../dates'
import type { BoardFacts } from '../board/board'
import { closurePointDue } from '../case/closure'
import { openActionsAreWork } from '../case/closed-case-actions'
import { consentReviewsDue } from '../case/consent-reviews'
import { closeAndEraseDue, consentWithdrawnStep } from '../case/consent-to-record-withdrawn'
import { FOLLOW_UP_CHECKS } from '../case/follow-ups'
import { agreedActions } from '../case/partner-actions'
import type { CaseRecord } from '../case/record'
import { CONTACT_EXPECTED_DAYS, contactDue } from '../case/recent-contact'
import type { CaseSummary } from '../case/summary'
import type { Person, PersonRef } from '../people'
import { personNameKey } from '../team/same-person-name'
import { workingDayFrom } from '../calendar/working-days'
import { allocationDue } from './allocation-due'
import { packEmailDue } from './pack-email-due'
import { stepDownDue } from './step-down-due'

/**
 * "My tasks": one list per person, across cases, of what is due. Each kind's due date is its own
 * rule (consent-reviews.ts, review-due.ts, follow-ups-due.ts, and those beside this file), and
 * what the board flags as due is a task by the flag's own rule (closure.ts, recent-contact.ts,
 * consent-to-record-withdrawn.ts); this gathers them from what the case index holds, so the list is
 * made without opening a case.
 */
export const TASK_KINDS = [
  'action',
  'partner-action',
  'allocate-referral',
  'email-pack',
  'step-down',
  'no-recent-contact',
  'closure-point',
  'consent-withdrawn',
  'consent-review',
  'plan-review',
  'follow-up',
] as const
export type TaskKind = (typeof TASK_KINDS)[number]

export const TASK_KIND_LABELS: Record<TaskKind, string> = {
  action: 'Action',
  'partner-action': 'Action agreed with a partner',
  'allocate-referral': 'Allocate the referral',
  'email-pack': 'Email the presentation pack',
  'step-down': 'Step down of support',
  'no-recent-contact': 'Contact the client',
  'closure-point': 'At the 3-month closure point',
  'consent-withdrawn': 'Consent to record withdrawn',
  'consent-review': 'Consent review',
  'plan-review': 'Support plan review',
  'follow-up': 'Follow-up check after closure',
}

/** Where in the case each kind is done, as a path under the case's own (`/cases/ID/…`). */
export const TASK_PLACES: Record<TaskKind, string> = {
  action: 'actions',
  // Where the onward referrals are during the support (Reconnection planning shows them too).
  'partner-action': 'phase/intensive-support',
  'allocate-referral': 'phase/allocate',
  'email-pack': 'phase/reconnection',
  'step-down': 'phase/step-down',
  'no-recent-contact': 'notes',
  // Tool 4, the closure checklist, whose Step 1 is the closure point.
  'closure-point': 'phase/closure-and-review',
  // Where the withdrawal is recorded; the case's header, on every page of it, closes it.
  'consent-withdrawn': 'phase/engage',
  'consent-review': 'phase/engage',
  'plan-review': 'phase/intensive-support',
  'follow-up': 'follow-ups',
}

/** What the index holds for tasks, beyond the board's facts. */
export interface TaskFacts {
  /** The actions not done yet, each with the person it is for. */
  openActions: { description: string; due: IsoDate; owner: PersonRef }[]
  /** The actions agreed with partners not done yet that have a due date: what, who, due by, with which agency. */
  openPartnerActions: { what: string; by: string | null; due: IsoDate; agency: string }[]
  reconnectionDate: IsoDate | null
  arrivedOn: IsoDate | null
  packEmailedOn: IsoDate | null
  stepDownStartedOn: IsoDate | null
}

export function taskFacts(record: CaseRecord): TaskFacts {
  const day = record.reconnectionDay
  return {
    openActions: Object.values(record.actions)
      .filter((action) => !action.doneOn)
      .map(({ description, due, owner }) => ({ description, due, owner: { id: owner.id, name: owner.name } })),
    openPartnerActions: agreedActions(record).flatMap(({ referral, values }) =>
      values.partnerActionDue && !values.partnerActionDoneOn
        ? [{ what: values.partnerAction ?? 'The action agreed', by: values.partnerActionBy ?? null, due: values.partnerActionDue, agency: record.onwardReferrals[referral]?.agency ?? 'the partner' }]
        : [],
    ),
    reconnectionDate: day.date ?? null,
    arrivedOn: day.arrivedOn ?? null,
    packEmailedOn: day.packEmailedOn ?? null,
    stepDownStartedOn: record.stepDown.startedOn ?? null,
  }
}

/** One thing to do on a case, for a person (null: the managers', as allocating a referral is). */
export interface Task {
  caseId: string
  clientName: string
  kind: TaskKind
  due: IsoDate
  person: PersonRef | null
  /** What to do, in words. */
  what: string
}

/**
 * Every task a case asks for today, due or not yet. `team`: the team's people, to know an action
 * agreed with a partner that one of them will do.
 */
export function caseTasks(
  summary: Pick<CaseSummary, 'id' | 'clientName' | 'leadCaseworker'>,
  facts: BoardFacts,
  today: IsoDate,
  team: readonly PersonRef[] = [],
  nameKey: (name: string) => string = personNameKey,
): Task[] {
  const lead = facts.leadCaseworkerId && summary.leadCaseworker ? { id: facts.leadCaseworkerId, name: summary.leadCaseworker } : null
  const task = (kind: TaskKind, due: IsoDate, what: string, person: PersonRef | null = lead): Task => ({
    caseId: summary.id,
    clientName: summary.clientName,
    kind,
    due,
    person,
    what,
  })
  // A closed case's open actions stay recorded as they were, but are no longer work.
  const openActions = openActionsAreWork(facts.status) ? facts.tasks.openActions : []
  const tasks: Task[] = openActions.map((action) => task('action', action.due, action.description, action.owner))
  // An action agreed with a partner is the team's to see done: the team member named as doing it
  // does it; one a person at the agency does is chased by the lead caseworker, whose case it is.
  for (const action of openActionsAreWork(facts.status) ? facts.tasks.openPartnerActions : []) {
    const doer = action.by === null ? undefined : team.find((person) => nameKey(person.name) === nameKey(action.by!))
    tasks.push(doer ? task('partner-action', action.due, `${action.what} (agreed with ${action.agency})`, doer) : task('partner-action', action.due, `Chase ${action.agency}: ${action.what}`))
  }

  const allocate = allocationDue(facts)
  if (allocate) tasks.push(task('allocate-referral', allocate, 'Allocate the referral to a lead caseworker', null))
  const { reconnectionDate, arrivedOn, packEmailedOn, stepDownStartedOn } = facts.tasks
  const pack = packEmailDue({ status: facts.status, reconnectionDate, packEmailedOn, arrivedOn })
  if (pack && reconnectionDate) {
    tasks.push(task('email-pack', pack, `Email the presentation pack to Housing Options, a day in advance of the presentation on ${formatDayAndDate(reconnectionDate)}`))
  }
  const stepDown = stepDownDue({ status: facts.status, phase: facts.phase, reconnectedOn: arrivedOn ?? reconnectionDate, stepDownStartedOn })
  if (stepDown) tasks.push(task('step-down', stepDown, 'Start scaling back support and hand over to local agencies (three to four weeks after reconnection)'))

  // What the board flags as due on an open case, by the flag's own rule, for the lead caseworker.
  const contact = contactDue(facts, facts.phaseSince)
  if (contact) {
    tasks.push(
      task(
        'no-recent-contact',
        contact,
        facts.lastContact
          ? `No contact logged since ${formatUkDate(facts.lastContact)}: contact is expected at least every ${CONTACT_EXPECTED_DAYS} days in intensive support`
          : `No contact logged in intensive support yet: contact is expected at least every ${CONTACT_EXPECTED_DAYS} days`,
      ),
    )
  }
  const point = closurePointDue(facts)
  if (point) {
    tasks.push(task('closure-point', workingDayFrom(point), `The client is 3 months post reconnection on ${formatUkDate(point)}: consider closure with the closure checklist (Tool 4)`))
  }
  const erase = closeAndEraseDue(facts)
  if (erase) tasks.push(task('consent-withdrawn', erase, consentWithdrawnStep({ consentToRecordWithdrawnOn: facts.consentToRecordWithdrawnOn! }, summary.clientName)!))

  // Consent to record withdrawn: the case is to be closed and erased, not its consents reviewed.
  if (facts.status === 'open' && !facts.consentToRecordWithdrawnOn) {
    for (const review of facts.consentReviews) tasks.push(task('consent-review', review.due, consentReviewsDue([review], review.due)!))
  }
  if (facts.status === 'open' && facts.reviewDue) tasks.push(task('plan-review', facts.reviewDue, 'Review the support plan with the client'))

  // Of the checks owed, the latest already due stands for any missed before it (as followUpDue says); else the next to come.
  const followUp = facts.followUpsOwed.filter((owed) => owed.due <= today).at(-1) ?? facts.followUpsOwed[0]
  if (followUp) {
    const label = FOLLOW_UP_CHECKS.find((check) => check.value === followUp.check)!.label
    tasks.push(task('follow-up', followUp.due, `Follow-up check ${label}: is the client still accommodated?`))
  }
  return tasks
}

/** How a task stands today: the list shows the overdue first, then today's, then what is coming up. */
export type TaskTiming = 'overdue' | 'today' | 'coming-up'

export function taskTiming(due: IsoDate, today: IsoDate): TaskTiming {
  return due < today ? 'overdue' : due === today ? 'today' : 'coming-up'
}

/** How far ahead the list looks unless asked otherwise: the next two weeks. */
export const COMING_UP_DAYS = 14

export function defaultDueBefore(today: IsoDate): IsoDate {
  return isoDateOf(addDays(parseISO(today), COMING_UP_DAYS))
}

/**
 * Whether a task is this person's: one for them (by id, or by name where a laptop knew them by
 * another id before joining the team, as the caseloads count them), or, for a manager, one for
 * the managers.
 */
export function isTaskFor(task: Pick<Task, 'person'>, person: Pick<Person, 'id' | 'name' | 'role'>, nameKey: (name: string) => string = personNameKey): boolean {
  if (!task.person) return person.role === 'manager'
  return task.person.id === person.id || nameKey(task.person.name) === nameKey(person.name)
}

/** A person's tasks due before `dueBefore` (overdue ones however old), soonest first, then by client. */
export function myTasks(
  cases: readonly { summary: Pick<CaseSummary, 'id' | 'clientName' | 'leadCaseworker'>; board: BoardFacts }[],
  person: Pick<Person, 'id' | 'name' | 'role'>,
  today: IsoDate,
  dueBefore: IsoDate = defaultDueBefore(today),
  team: readonly PersonRef[] = [],
): Task[] {
  // Each name's key worked out once: at 5,000 cases, working it out for every task was a quarter of the time.
  const keys = new Map<string, string>()
  const nameKey = (name: string) => keys.get(name) ?? keys.set(name, personNameKey(name)).get(name)!
  return cases
    .flatMap(({ summary, board }) => caseTasks(summary, board, today, team, nameKey))
    .filter((task) => task.due < dueBefore && isTaskFor(task, person, nameKey))
    .sort((a, b) => a.due.localeCompare(b.due) || a.clientName.localeCompare(b.clientName, 'en-GB') || a.kind.localeCompare(b.kind))
}

/** A person's tasks as the app and `homeward tasks` show them, and whose else a manager may choose. */
export interface MyTasks {
  today: IsoDate
  dueBefore: IsoDate
  person: PersonRef
  tasks: Task[]
  /** The team's people: a manager may choose whose tasks to see. */
  people: PersonRef[]
}
