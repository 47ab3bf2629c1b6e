import { addMonths, addYears, eachMonthOfInterval, format, parseISO } from 'date-fns'
import { workingDaysBetween } from '../calendar/working-days'
import { CLOSURE_TYPES, INAPPROPRIATE_REASONS, UNPLANNED_REASONS, type ClosureType } from '../case/closure'
import type { CaseRecord } from '../case/record'
import { REFERRAL_STATUS_LABELS, REJECTION_REASONS } from '../case/referral'
import { FOLLOW_UP_CHECKS, type FollowUp } from '../case/follow-ups'
import { EXPENSE_CATEGORIES, expenseTotals, type ExpenseCategory } from '../case/support'
import { formatUkDate, isIsoDate, isoDateOf, type IsoDate } from '../dates'
import { doneOn } from '../case/intensive-support'
import { localAuthorityName } from '../places/local-authority'
import { ValidationError } from '../validation'
import { completeness, type Completeness } from './completeness'
import { groupByOrganisation, referrerKindLabel, type ListedOrganisation } from '../team/outreach-teams'
import { demographics } from './demographics'
import { financialQuarters } from './financial-quarters'
import { firstAndLastScores } from './wellbeing-change'
import { levelChange, workChange, type FirstRecorded, type LevelChange, type WorkChange } from './income-and-work-change'
import { personOfCase, SAME_PERSON_BASIS } from './same-person'

/** The KPI deadlines (Connection Support review): counted in working days. */
export const ASSESSED_WITHIN_WORKING_DAYS = 3
export const FULL_ASSESSMENT_WITHIN_WORKING_DAYS = 14
/** A referral within this long of the person's previous case closing is a re-referral. */
export const RE_REFERRAL_YEARS = 2

export interface DateRange {
  from: IsoDate
  to: IsoDate
  /** The day "people supported on" counts: the range's last day unless another is given. */
  on?: IsoDate
}

export interface ReportCase {
  id: string
  record: CaseRecord
  /** An erased case's anonymised record (anonymised-case.ts): counted, but with nothing left to complete. */
  anonymised?: boolean
  /**
   * What its needs assessment first recorded of money and work (income-and-work-change.ts), read
   * from its history for a case closed in the period; missing, nothing was first recorded.
   */
  firstRecorded?: FirstRecorded
}

/**
 * One number in the report and the cases behind it. A breakdown (level 1) belongs to the figure
 * before it. Money is in pence; a percentage is a whole number.
 */
export interface Figure {
  label: string
  value: number
  /**
   * `points`: a change in a score, to one decimal place; `people`: the people the cases are of
   * (same-person.ts); `checks`: follow-up checks after closure, several to a case.
   */
  unit: 'cases' | 'people' | 'checks' | 'pence' | 'percent' | 'points'
  level: 0 | 1
  caseIds: string[]
}

/** A figure's value as the report prints it: £1,234.50, 67%, 1,204. */
export function formatFigure(figure: Figure): string {
  if (figure.unit === 'pence') return `£${(figure.value / 100).toLocaleString('en-GB', { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`
  if (figure.unit === 'percent') return `${figure.value}%`
  if (figure.unit === 'points') return `${figure.value > 0 ? '+' : ''}${figure.value.toFixed(1)}`
  return figure.value.toLocaleString('en-GB')
}

export interface ReportSection {
  id:
    | 'supported'
    | 'referrals'
    | 'speed'
    | 'outcomes'
    | 'after-closure'
    | 'not-appropriate'
    | 'wellbeing'
    | 'income-and-work'
    | 'equality-referrals'
    | 'equality-outcomes'
    | 'equality-closures'
    | 'costs'
  title: string
  /** How the figures are counted, in a sentence. */
  basis: string
  figures: Figure[]
}

/**
 * A table of figures, each cell the cases behind it (referrals by organisation and month; the
 * figures by quarter). It is shown after the section `after`.
 */
export interface ReportTable {
  id: 'referrers-by-month' | 'quarters'
  title: string
  basis: string
  after: ReportSection['id']
  /** What the first column holds ("Referring organisation"), then each column's heading. */
  rowHeading: string
  columns: string[]
  rows: { label: string; cells: string[][] }[]
}

/** One case in the report, as the case-level CSV lists it. */
export interface ReportRow {
  id: string
  clientName: string
  chainNumber: string
  leadCaseworker: string
  referringOrganisation: string
  receivedOn: IsoDate
  referralStatus: string
  decidedOn: string
  rejectionReason: string
  destination: string
  arrivedOn: string
  closedOn: string
  closure: string
  closureReason: string
  /** Spent in the range, in pence, by category and in total. */
  spend: Record<ExpenseCategory, number> & { total: number }
}

export interface MonitoringReport {
  range: DateRange
  sections: ReportSection[]
  tables: ReportTable[]
  /** Referrals received per calendar month of the range (a chart). */
  referralsPerMonth: { month: string; label: string; caseIds: string[] }[]
  /** The cases closed in the range, one bar per type of closure, adding up to the cases closed (a chart). */
  closures: { label: string; caseIds: string[] }[]
  /**
   * The reconnections completed in the range and the returns to rough sleeping after reconnection
   * (a chart of their own: a return is not a closure, and may be found long after one).
   */
  reconnections: { label: string; caseIds: string[] }[]
  completeness: Completeness
  rows: ReportRow[]
}

/** The closures chart's title, with the cases closed it adds up to. */
export function closuresChartTitle(report: Pick<MonitoringReport, 'closures'>): string {
  const closed = report.closures.reduce((sum, bar) => sum + bar.caseIds.length, 0)
  return `Cases closed in the period, by type of closure (${closed.toLocaleString('en-GB')} in all)`
}

/** The reconnections chart's title: returns are counted apart from the closures. */
export const RECONNECTIONS_CHART_TITLE = 'Reconnections completed, and returns to rough sleeping after reconnection (not a type of closure)'

/** Checks a range typed by a person: real dates, in order. */
export function checkRange(range: DateRange): DateRange {
  const issues = []
  if (!isIsoDate(range.from)) issues.push({ field: 'from', message: 'Enter the first day as a date, for example 01/04/2026' })
  if (!isIsoDate(range.to)) issues.push({ field: 'to', message: 'Enter the last day as a date, for example 31/03/2027' })
  if (issues.length === 0 && range.from > range.to) issues.push({ field: 'to', message: 'The last day must be on or after the first day' })
  if (range.on !== undefined && !isIsoDate(range.on)) issues.push({ field: 'on', message: 'Enter the day to count people supported on as a date, for example 31/03/2027' })
  if (issues.length > 0) throw new ValidationError(issues)
  return range
}

const within = (date: IsoDate | undefined, range: DateRange): date is IsoDate => date !== undefined && date >= range.from && date <= range.to
const label = <T extends string>(list: readonly { value: T; label: string }[], value: T | undefined) =>
  list.find((item) => item.value === value)?.label ?? 'Not recorded'
const PLANNED: ClosureType = 'planned'

/**
 * The monitoring report for a date range, counted from the case documents (Getting Connected
 * 4.13, the Kent policy 7.0, the Connection Support review's KPIs). `today` decides which
 * deadlines have passed for referrals still waiting.
 */
/** `outreachTeams`: the team's list of referring outreach teams, whose spelling names each in the report (their old names counted under them). */
export function monitoringReport(cases: readonly ReportCase[], range: DateRange, today: IsoDate, outreachTeams: readonly ListedOrganisation[] = []): MonitoringReport {
  checkRange(range)
  // A duplicate merged into another case is counted there.
  const all = cases.filter(({ record }) => !record.mergedInto)
  const byId = new Map(all.map((c) => [c.id, c.record]))
  const figure = (text: string, list: readonly ReportCase[], level: 0 | 1 = 0): Figure => ({
    label: text,
    value: list.length,
    unit: 'cases',
    level,
    caseIds: list.map((c) => c.id),
  })
  const breakdown = (list: readonly ReportCase[], key: (c: ReportCase) => string, group = groupBy<ReportCase>): Figure[] =>
    [...group(list, key)].sort((a, b) => b[1].length - a[1].length || a[0].localeCompare(b[0], 'en-GB')).map(([name, group]) => figure(name, group, 1))

  // Referrals received in the range, and what became of them.
  const received = all.filter(({ record }) => within(record.referral.receivedOn, range))
  const accepted = received.filter(({ record }) => record.referral.status === 'accepted')
  const rejected = received.filter(({ record }) => record.referral.status === 'rejected')
  const waiting = received.filter(({ record }) => record.referral.status === 'received')
  const reReferrals = received.filter(({ record }) => {
    const previous = record.previousCaseId ? byId.get(record.previousCaseId) : undefined
    const closedOn = previous?.outcome?.closedOn
    return closedOn !== undefined && closedOn >= isoDateOf(addYears(parseISO(record.referral.receivedOn), -RE_REFERRAL_YEARS))
  })

  // Speed, in working days from the referral's arrival.
  const deadlineCheck = (list: readonly ReportCase[], doneOn: (record: CaseRecord) => IsoDate | undefined, days: number) => {
    const met: ReportCase[] = []
    const missed: ReportCase[] = []
    const notYetDue: ReportCase[] = []
    for (const c of list) {
      const done = doneOn(c.record)
      const elapsed = workingDaysBetween(c.record.referral.receivedOn, done ?? today)
      if (elapsed <= days) (done ? met : notYetDue).push(c)
      else missed.push(c)
    }
    const counted = met.length + missed.length
    return { met, missed, notYetDue, percent: counted === 0 ? 0 : Math.round((100 * met.length) / counted) }
  }
  const assessed = deadlineCheck(received, (record) => record.referral.decidedOn, ASSESSED_WITHIN_WORKING_DAYS)
  const full = deadlineCheck(accepted, (record) => record.engagement.referralConfirmedOn, FULL_ASSESSMENT_WITHIN_WORKING_DAYS)

  // Outcomes: what happened in the range, whenever the case began.
  const closedIn = (r: DateRange) => all.filter(({ record }) => record.outcome && record.outcome.type !== 'rejected' && within(record.outcome.closedOn, r))
  const reconnectedIn = (r: DateRange) => all.filter(({ record }) => within(record.reconnectionDay.arrivedOn, r))
  const closed = closedIn(range)
  const reconnected = reconnectedIn(range)
  const wasReconnected = (record: CaseRecord | undefined) => Boolean(record?.reconnectionDay.arrivedOn)
  // The follow-up checks after closure made in the range (Getting Connected 4.13, Kent 5.4): a
  // return is counted from their answers too, not only when the client is referred again.
  const checkedWith =
    (answer: (followUp: FollowUp) => boolean, r: DateRange = range) =>
    (c: ReportCase) =>
      wasReconnected(c.record) && Object.values(c.record.followUps).some((followUp) => within(followUp.doneOn, r) && answer(followUp))
  const followedUp = all.filter(checkedWith(() => true))
  /**
   * The checks a case had in the range, in the order made (a 3-month check before a 6-month one
   * made the same day): a person still accommodated is one whose latest check found them so, not
   * one housed at 3 months and back on the streets at 6.
   */
  const checksIn = (c: ReportCase) =>
    Object.values(c.record.followUps)
      .filter((followUp) => within(followUp.doneOn, range))
      .sort((a, b) => a.doneOn.localeCompare(b.doneOn) || a.check.localeCompare(b.check))
  const stillAccommodated = followedUp.filter((c) => checksIn(c).at(-1)?.stillAccommodated === 'yes')
  const returnedToArea = all.filter(checkedWith((followUp) => followUp.returnedToArea === 'yes'))
  const returnedIn = (r: DateRange) => {
    const atFollowUp = all.filter(checkedWith((followUp) => followUp.returnedToRoughSleeping === 'yes', r))
    const any = all.filter(
      (c) =>
        (c.record.outcome?.unplannedReason === 'returned-to-rough-sleeping' && within(c.record.outcome.closedOn, r) && wasReconnected(c.record)) ||
        (within(c.record.referral.receivedOn, r) && c.record.previousCaseId !== undefined && wasReconnected(byId.get(c.record.previousCaseId))) ||
        atFollowUp.includes(c),
    )
    return { atFollowUp, any }
  }
  const returns = returnedIn(range)
  /** A count of the checks in the range that `answer` picks, with the cases they were made on (a breakdown). */
  const checks = (label: string, answer: (followUp: FollowUp) => boolean, level: 0 | 1 = 1): Figure => {
    const counted = followedUp.map((c) => ({ id: c.id, n: checksIn(c).filter(answer).length })).filter(({ n }) => n > 0)
    return { label, value: counted.reduce((sum, { n }) => sum + n, 0), unit: 'checks', level, caseIds: counted.map(({ id }) => id) }
  }
  /** The checks of one kind (3 or 6 months) made in the range, and what each found: checks, each behind its case. */
  const checkFigures = (check: (typeof FOLLOW_UP_CHECKS)[number]) => {
    const of = (text: string, answer: (followUp: FollowUp) => boolean, level: 0 | 1 = 1) =>
      checks(text, (followUp) => followUp.check === check.value && answer(followUp), level)
    return [
      of(`Checks made ${check.label}`, () => true, 0),
      of('Still accommodated', (followUp) => followUp.stillAccommodated === 'yes'),
      of('Returned to rough sleeping', (followUp) => followUp.returnedToRoughSleeping === 'yes'),
      of('Returned to the area where they slept rough', (followUp) => followUp.returnedToArea === 'yes'),
      of('Could not make contact', (followUp) => followUp.contactMethod === 'no-contact'),
    ]
  }
  const refused = all.filter(
    ({ record }) =>
      (record.referral.rejectionReason === 'declined' && within(record.referral.decidedOn, range)) ||
      (within(record.outcome?.closedOn, range) &&
        (record.outcome?.unplannedReason === 'disengaged' || record.outcome?.inappropriateReason === 'client-refused')),
  )
  const closedAs = (type: ClosureType) => closed.filter(({ record }) => record.outcome?.type === type)
  const inappropriate = closedAs('inappropriate')
  const planned = closedAs(PLANNED)
  const notPlanned = closed.filter(({ record }) => record.outcome?.type !== PLANNED)
  /**
   * Closures by how long after the referral's acceptance (the day the team took the case on) they
   * came: three bands that do not overlap, so they add up to the closures.
   */
  const byTimeTaken = (list: readonly ReportCase[]) => {
    const months = ({ record }: ReportCase) => {
      const start = parseISO(takenOn(record))
      const closedOn = record.outcome!.closedOn
      return closedOn <= isoDateOf(addMonths(start, 6)) ? 6 : closedOn <= isoDateOf(addMonths(start, 9)) ? 9 : Infinity
    }
    return [
      figure('Within 6 months of acceptance', list.filter((c) => months(c) === 6), 1),
      figure('After 6 months, within 9', list.filter((c) => months(c) === 9), 1),
      figure('After 9 months', list.filter((c) => months(c) === Infinity), 1),
    ]
  }

  // People supported: cases taken on (accepted), and not closed before the day or period.
  const supportedIn = (r: DateRange) =>
    all.filter(({ record }) => record.referral.status === 'accepted' && takenOn(record) <= r.to && (record.outcome === undefined || record.outcome.closedOn >= r.from))
  const supported = supportedIn(range)
  const on = range.on ?? range.to
  const supportedOn = supportedIn({ from: on, to: on })
  // People, not cases: a person referred again is one person (same-person.ts).
  const personOf = personOfCase(all)
  const people = (text: string, list: readonly ReportCase[], level: 0 | 1 = 0): Figure => ({
    ...figure(text, list, level),
    value: new Set(list.map((c) => personOf(c.id))).size,
    unit: 'people',
  })
  /** Of the people in `list`, those whose first case in it was taken on before the day (or not), with all their cases. */
  const firstTakenOn = (list: readonly ReportCase[], before: boolean) => {
    const first = new Map<string, IsoDate>()
    for (const c of list) {
      const person = personOf(c.id)
      const day = takenOn(c.record)
      if (!first.has(person) || day < first.get(person)!) first.set(person, day)
    }
    return list.filter((c) => first.get(personOf(c.id))! < range.from === before)
  }
  /** One case a person (their latest taken on): a table's cell counts its cases. */
  const onePerPerson = (list: readonly ReportCase[]) => {
    const latest = new Map<string, ReportCase>()
    for (const c of list) {
      const person = personOf(c.id)
      const kept = latest.get(person)
      if (!kept || takenOn(c.record) > takenOn(kept.record)) latest.set(person, c)
    }
    return list.filter((c) => latest.get(personOf(c.id)) === c)
  }

  // Where reconnection was not appropriate: what was arranged instead, and whether they came back.
  const referredOn = inappropriate.filter(({ record }) => Object.keys(record.onwardReferrals).length > 0)
  const referredOnAccepted = referredOn.filter(({ record }) => Object.values(record.onwardReferrals).some((referral) => referral.outcome === 'accepted'))
  const cameBack = inappropriate.filter(({ id, record }) => record.reReferredAs !== undefined || all.some((other) => other.record.previousCaseId === id))

  // Wellbeing: first to last score, for the cases whose last score up to the period's end is in it.
  const changes = all.flatMap((c) => {
    const scores = firstAndLastScores(c.record, range.to)
    return scores && within(scores.last.on, range) ? [{ c, change: scores.last.total - scores.first.total }] : []
  })
  const averageChange = changes.length === 0 ? 0 : Math.round((10 * changes.reduce((sum, { change }) => sum + change, 0)) / changes.length) / 10

  // Income and employment on the cases closed in the period: what was first recorded, to the last.
  const LEVEL_CHANGES: { change: LevelChange; label: string }[] = [
    { change: 'less', label: 'Less need' },
    { change: 'same', label: 'The same level' },
    { change: 'more', label: 'More need' },
    { change: 'not-assessed', label: 'Not assessed' },
  ]
  const levelFigures = (title: string, level: 'moneyLevel' | 'educationAndWorkLevel') => [
    figure(title, closed),
    ...LEVEL_CHANGES.map(({ change, label }) => figure(label, closed.filter((c) => levelChange(c.firstRecorded?.[level], c.record.needs[level]) === change), 1)),
  ]
  const WORK_CHANGES: { change: WorkChange; label: string }[] = [
    { change: 'into', label: 'Into work or training' },
    { change: 'stayed', label: 'In work or training, first and last' },
    { change: 'left', label: 'No longer in work or training' },
    { change: 'neither', label: 'In neither, first or last' },
    { change: 'not-recorded', label: 'Not recorded' },
  ]
  const workFigures = WORK_CHANGES.map(({ change, label }) =>
    figure(label, closed.filter((c) => workChange(c.firstRecorded?.workOrTraining, c.record.needs.workOrTraining) === change), 1),
  )
  const claimsNow = closed.filter(({ record }) => Boolean(record.needs.benefitClaims?.trim()))
  const inWork = closed.filter(({ record }) => Object.values(record.employment).some((job) => job.from >= record.referral.receivedOn))

  // Equality monitoring: the referrals received, and the reconnections completed.
  const equalityFigures = (population: string, list: readonly ReportCase[], day: (c: ReportCase) => IsoDate) =>
    demographics(list, day).flatMap(({ question, answers }) => [
      figure(`${population}, by ${question.toLowerCase()}`, list),
      ...answers.map((answer) => ({ label: answer.label, value: answer.caseIds.length, unit: 'cases' as const, level: 1 as const, caseIds: answer.caseIds })),
    ])
  const equalityBasis = (what: string) =>
    `${what}, by the client's answers to the equality monitoring questions. "Prefer not to say" is an answer; "Not asked" is a question left blank. An erased case's answers are not kept: it counts as not asked.`

  // Costs: spending dated in the range.
  const spendOf = (record: CaseRecord) => expenseTotals(Object.values(record.expenses).filter((expense) => within(expense.date, range)))
  const spending = all.map((c) => ({ c, spend: spendOf(c.record) })).filter(({ spend }) => spend.total > 0)
  const total = spending.reduce((sum, { spend }) => sum + spend.total, 0)
  const money = (text: string, pence: number, list: { c: ReportCase }[], level: 0 | 1 = 0): Figure => ({
    label: text,
    value: pence,
    unit: 'pence',
    level,
    caseIds: list.map(({ c }) => c.id),
  })

  const sections: ReportSection[] = [
    {
      id: 'supported',
      title: 'People supported',
      basis: `People whose case was taken on (the referral accepted) and not closed before the period or the day. ${SAME_PERSON_BASIS}`,
      figures: [
        people('People supported in the period (open at any time in it)', supported),
        people('Taken on before the period', firstTakenOn(supported, true), 1),
        people('Taken on in the period', firstTakenOn(supported, false), 1),
        people(`People supported on ${formatUkDate(on)}`, supportedOn),
      ],
    },
    {
      id: 'referrals',
      title: 'Referrals',
      basis: 'Referrals received in the period, and the decision on each.',
      figures: [
        figure('Referrals received', received),
        // One organisation typed two ways is one line (see outreach-teams.ts).
        ...breakdown(received, ({ record }) => record.referral.outreachTeam?.trim() || 'Not recorded', (list, key) => groupByOrganisation(list, key, outreachTeams)),
        figure('Referrals received, by kind of referring organisation', received),
        ...breakdown(received, ({ record }) => referrerKindLabel(outreachTeams, record.referral.outreachTeam)),
        figure('Accepted', accepted),
        figure('Rejected', rejected),
        ...breakdown(rejected, ({ record }) => label(REJECTION_REASONS, record.referral.rejectionReason)),
        figure('Awaiting a decision', waiting),
        figure(`Re-referrals within ${RE_REFERRAL_YEARS} years of a previous case closing`, reReferrals),
      ],
    },
    {
      id: 'speed',
      title: 'Speed',
      basis: `Working days from the referral's arrival, not counting weekends or bank holidays in England and Wales. A full assessment is the referral information, including housing history, confirmed with the client.`,
      figures: [
        { label: `Referrals assessed within ${ASSESSED_WITHIN_WORKING_DAYS} working days`, value: assessed.percent, unit: 'percent', level: 0, caseIds: assessed.met.map((c) => c.id) },
        figure('Assessed in time', assessed.met, 1),
        figure('Late, or still waiting past the deadline', assessed.missed, 1),
        figure('Still waiting, not yet due', assessed.notYetDue, 1),
        { label: `Full assessments within ${FULL_ASSESSMENT_WITHIN_WORKING_DAYS} working days`, value: full.percent, unit: 'percent', level: 0, caseIds: full.met.map((c) => c.id) },
        figure('Done in time', full.met, 1),
        figure('Late, or not done past the deadline', full.missed, 1),
        figure('Not done, not yet due', full.notYetDue, 1),
      ],
    },
    {
      id: 'outcomes',
      title: 'Outcomes',
      basis: 'What happened in the period, whenever the case began. Each closed case has one type of closure, so the types add up to the cases closed; the time bands count from the day the referral was accepted, and add up to their closures.',
      figures: [
        figure('Reconnections completed (arrival confirmed)', reconnected),
        ...breakdown(reconnected, ({ record }) => (record.plan.destination ? localAuthorityName(record.plan.destination) : 'Not recorded')),
        figure('Cases closed', closed),
        ...CLOSURE_TYPES.map((type) => figure(type.label, closedAs(type.value), 1)),
        figure('Planned closures, by time taken', planned),
        ...byTimeTaken(planned),
        figure('Other closures (unplanned, no progress, not appropriate, no provision), by time taken', notPlanned),
        ...byTimeTaken(notPlanned),
        figure('Refusals to engage (declined referrals, and closures for disengaging or refusing reconnection)', refused),
      ],
    },
    {
      id: 'after-closure',
      title: 'After reconnection',
      basis:
        'Returns to rough sleeping after a reconnection: found at a follow-up check in the period, a case closed in it for that reason, or a referral again in it. The people followed up after closure in the period, and those still accommodated at their latest check in it; then the follow-up checks 3 and 6 months after closure made in the period, counted as checks, and what each found (one check can find more than one).',
      figures: [
        figure('Returns to rough sleeping after reconnection', returns.any),
        figure('Found at a follow-up check after closure', returns.atFollowUp, 1),
        figure('Returned to the area where they slept rough (follow-up checks)', returnedToArea),
        people('People followed up after closure (a check made in the period)', followedUp),
        people('Still accommodated at their latest check in the period', stillAccommodated, 1),
        checks('Checks made after closure (at 3 and 6 months)', () => true, 0),
        ...FOLLOW_UP_CHECKS.flatMap(checkFigures),
      ],
    },
    {
      id: 'not-appropriate',
      title: 'Where reconnection was not appropriate',
      basis: 'Cases closed in the period because reconnection was not appropriate: why, whether they were referred on to another agency, and whether they were referred to the team again.',
      figures: [
        figure('Reconnection not appropriate', inappropriate),
        ...breakdown(inappropriate, ({ record }) => label(INAPPROPRIATE_REASONS, record.outcome?.inappropriateReason)),
        figure('Referred on to another agency', referredOn),
        figure('Accepted by an agency', referredOnAccepted, 1),
        figure('Referred to the team again', cameBack),
      ],
    },
    {
      id: 'wellbeing',
      title: 'Wellbeing',
      basis:
        "The short Warwick-Edinburgh scale (7 to 35), from the client's first score to their last: at the start of support, at each support plan review and at closure. Counted for each case whose last score up to the end of the period was made in it; a case scored once has no change to count.",
      figures: [
        figure('Wellbeing scored twice or more', changes.map(({ c }) => c)),
        figure('Better', changes.filter(({ change }) => change > 0).map(({ c }) => c), 1),
        figure('No change', changes.filter(({ change }) => change === 0).map(({ c }) => c), 1),
        figure('Worse', changes.filter(({ change }) => change < 0).map(({ c }) => c), 1),
        { label: 'Average change in score, first to last', value: averageChange, unit: 'points', level: 0, caseIds: changes.map(({ c }) => c.id) },
      ],
    },
    {
      id: 'income-and-work',
      title: 'Income and employment',
      basis:
        "For the cases closed in the period: what the needs assessment first recorded, from the case's history, to what it holds at closure (a level of need assessed once is the same level). In work or training: in paid work, or in training or education (volunteering is neither). In work: a job recorded as starting on or after the referral.",
      figures: [
        figure("The client's financial situation checked (intensive support)", closed.filter(({ record }) => doneOn(record.intensiveSupport, 'finances') !== undefined)),
        figure('Benefit claims recorded at closure', claimsNow),
        figure('Not recorded when the needs were first assessed', claimsNow.filter((c) => c.firstRecorded !== undefined && !c.firstRecorded.benefitClaimsAtFirst), 1),
        ...levelFigures('Finances and benefits: level of need, first assessed to closure', 'moneyLevel'),
        figure('In work or training: first recorded to closure', closed),
        ...workFigures,
        figure('In work: a job started since the referral', inWork),
        ...levelFigures('Basic skills, training and employment: level of need, first assessed to closure', 'educationAndWorkLevel'),
      ],
    },
    {
      id: 'equality-referrals',
      title: 'Equality monitoring: referrals',
      basis: equalityBasis('The referrals received in the period (the age band on the day each was received)'),
      figures: equalityFigures('Referrals received', received, ({ record }) => record.referral.receivedOn),
    },
    {
      id: 'equality-outcomes',
      title: 'Equality monitoring: reconnections',
      basis: equalityBasis('The reconnections completed in the period (the age band on the day of arrival)'),
      figures: equalityFigures('Reconnections completed', reconnected, ({ record }) => record.reconnectionDay.arrivedOn!),
    },
    {
      // Every closure, not only those after a reconnection: who the cases closed unplanned or as
      // not appropriate were is an outcome commissioners ask after too.
      id: 'equality-closures',
      title: 'Equality monitoring: cases closed',
      basis: equalityBasis('The cases closed in the period, of every type of closure (the age band on the day each closed)'),
      figures: equalityFigures('Cases closed', closed, ({ record }) => record.outcome!.closedOn),
    },
    {
      id: 'costs',
      title: 'Costs',
      basis: 'Money spent from the reconnection budget on days in the period.',
      figures: [
        money('Total spent', total, spending),
        ...EXPENSE_CATEGORIES.map((category) =>
          money(
            category.label,
            spending.reduce((sum, { spend }) => sum + spend.byCategory[category.value], 0),
            spending.filter(({ spend }) => spend.byCategory[category.value] > 0),
            1,
          ),
        ),
        figure('Cases with spending', spending.map(({ c }) => c)),
        money('Average per case with spending', spending.length === 0 ? 0 : Math.round(total / spending.length), spending),
      ],
    },
  ]

  const months = eachMonthOfInterval({ start: parseISO(range.from), end: parseISO(range.to) }).map((month) => ({
    month: format(month, 'yyyy-MM'),
    label: format(month, 'MMM yyyy'),
  }))
  const ids = (list: readonly ReportCase[]) => list.map((c) => c.id)
  const quarters = financialQuarters(range)
  const tables: ReportTable[] = [
    {
      id: 'referrers-by-month',
      title: 'Referrals by referring organisation and month',
      basis: 'Where each referral came from (the area of origin), month by month: the Kent policy (7.0) asks for this.',
      after: 'referrals',
      rowHeading: 'Referring organisation',
      columns: [...months.map((month) => month.label), 'Total'],
      rows: [...groupByOrganisation(received, ({ record }) => record.referral.outreachTeam?.trim() || 'Not recorded', outreachTeams)]
        .sort((a, b) => b[1].length - a[1].length || a[0].localeCompare(b[0], 'en-GB'))
        .map(([organisation, list]) => ({
          label: organisation,
          cells: [...months.map(({ month }) => ids(list.filter(({ record }) => record.referral.receivedOn.startsWith(month)))), ids(list)],
        })),
    },
    {
      id: 'quarters',
      title: 'By financial quarter',
      basis: 'The main figures for each financial quarter (Q1 is April to June), counted as for the whole period; a quarter the period covers only in part says so.',
      after: 'outcomes',
      rowHeading: 'Figure',
      columns: quarters.map((quarter) => quarter.label),
      rows: [
        // A person referred again in a quarter is one person there: their latest case stands for them.
        { label: 'People supported (open at any time in the quarter)', cells: quarters.map((q) => ids(onePerPerson(supportedIn(q)))) },
        { label: 'Referrals received', cells: quarters.map((q) => ids(all.filter(({ record }) => within(record.referral.receivedOn, q)))) },
        { label: 'Referrals accepted (of those received)', cells: quarters.map((q) => ids(accepted.filter(({ record }) => within(record.referral.receivedOn, q)))) },
        { label: 'Reconnections completed', cells: quarters.map((q) => ids(reconnectedIn(q))) },
        { label: 'Cases closed', cells: quarters.map((q) => ids(closedIn(q))) },
        { label: 'Planned closures', cells: quarters.map((q) => ids(closedIn(q).filter(({ record }) => record.outcome?.type === PLANNED))) },
        { label: 'Returns to rough sleeping after reconnection', cells: quarters.map((q) => ids(returnedIn(q).any)) },
      ],
    },
  ]

  const quality = completeness(
    all.filter(({ record, anonymised }) => !anonymised && record.referral.receivedOn <= range.to && (record.status === 'open' || (record.outcome?.closedOn ?? '') >= range.from)),
  )
  const inReport = new Set([
    ...sections.flatMap((section) => section.figures.flatMap((f) => f.caseIds)),
    ...tables.flatMap((table) => table.rows.flatMap((row) => row.cells.flat())),
    ...quality.cases,
  ])
  return {
    range,
    sections,
    tables,
    referralsPerMonth: months.map(({ month, label }) => ({
      month,
      label,
      caseIds: ids(received.filter(({ record }) => record.referral.receivedOn.startsWith(month))),
    })),
    // A bar's label is short enough to sit beside it; the Outcomes section gives each in full.
    closures: CLOSURE_TYPES.map((type) => ({ label: type.short[0]!.toUpperCase() + type.short.slice(1), caseIds: ids(closedAs(type.value)) })),
    reconnections: [
      { label: 'Reconnections completed', caseIds: ids(reconnected) },
      { label: 'Returns to rough sleeping', caseIds: ids(returns.any) },
    ],
    completeness: quality,
    rows: all.filter((c) => inReport.has(c.id)).map((c) => reportRow(c, spendOf(c.record))),
  }
}

/** The day the team took a case on: the referral's acceptance (or its arrival, where no decision is dated). */
const takenOn = (record: CaseRecord): IsoDate => record.referral.decidedOn ?? record.referral.receivedOn

function reportRow({ id, record }: ReportCase, spend: ReturnType<typeof expenseTotals>): ReportRow {
  const outcome = record.outcome
  return {
    id,
    clientName: record.referral.clientName,
    chainNumber: record.referral.chainNumber ?? '',
    leadCaseworker: record.allocation.leadCaseworker?.name ?? '',
    referringOrganisation: record.referral.outreachTeam ?? '',
    receivedOn: record.referral.receivedOn,
    referralStatus: REFERRAL_STATUS_LABELS[record.referral.status],
    decidedOn: record.referral.decidedOn ?? '',
    rejectionReason: record.referral.rejectionReason ? label(REJECTION_REASONS, record.referral.rejectionReason) : '',
    destination: record.plan.destination ? localAuthorityName(record.plan.destination) : '',
    arrivedOn: record.reconnectionDay.arrivedOn ?? '',
    closedOn: outcome?.closedOn ?? '',
    closure: outcome ? (outcome.type === 'rejected' ? 'Referral rejected' : label(CLOSURE_TYPES, outcome.type)) : '',
    closureReason: outcome?.unplannedReason
      ? label(UNPLANNED_REASONS, outcome.unplannedReason)
      : outcome?.inappropriateReason
        ? label(INAPPROPRIATE_REASONS, outcome.inappropriateReason)
        : '',
    spend: { ...spend.byCategory, total: spend.total },
  }
}

function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>()
  for (const item of items) {
    const name = key(item)
    groups.set(name, [...(groups.get(name) ?? []), item])
  }
  return groups
}
