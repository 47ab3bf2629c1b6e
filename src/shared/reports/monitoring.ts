import { addMonths, addYears, eachMonthOfInterval, format, parseISO } from 'date-fns'
import { workingDaysBetween } from '../calendar/working-days'
import { CLOSURE_TYPES, INAPPROPRIATE_REASONS, UNPLANNED_REASONS, type ClosureType } from '../case/closure'
import type { CaseRecord } from '../case/record'
import { REFERRAL_STATUS_LABELS, REJECTION_REASONS } from '../case/referral'
import type { FollowUp } from '../case/follow-ups'
import { EXPENSE_CATEGORIES, expenseTotals, type ExpenseCategory } from '../case/support'
import { isIsoDate, isoDateOf, type IsoDate } from '../dates'
import { localAuthorityName } from '../places/local-authority'
import { ValidationError } from '../validation'
import { completeness, type Completeness } from './completeness'
import { groupByOrganisation, referrerKindLabel, type ListedOrganisation } from '../team/outreach-teams'

/** The KPI deadlines (Connection Support review): counted in working days. */
export const ASSESSED_WITHIN_WORKING_DAYS = 3
export const FULL_ASSESSMENT_WITHIN_WORKING_DAYS = 14
/** A referral within this long of the person's previous case closing is a re-referral. */
export const RE_REFERRAL_YEARS = 2

export interface DateRange {
  from: IsoDate
  to: IsoDate
}

export interface ReportCase {
  id: string
  record: CaseRecord
  /** An erased case's anonymised record (anonymised-case.ts): counted, but with nothing left to complete. */
  anonymised?: boolean
}

/**
 * One number in the report and the cases behind it. A breakdown (level 1) belongs to the figure
 * before it. Money is in pence; a percentage is a whole number.
 */
export interface Figure {
  label: string
  value: number
  unit: 'cases' | 'pence' | 'percent'
  level: 0 | 1
  caseIds: string[]
}

/** A figure's value as the report prints it: £1,234.50, 67%, 1,204. */
export function formatFigure(figure: Figure): string {
  if (figure.unit === 'pence') return `£${(figure.value / 100).toLocaleString('en-GB', { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`
  if (figure.unit === 'percent') return `${figure.value}%`
  return figure.value.toLocaleString('en-GB')
}

export interface ReportSection {
  id: 'referrals' | 'speed' | 'outcomes' | 'costs'
  title: string
  /** How the figures are counted, in a sentence. */
  basis: string
  figures: Figure[]
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
  /** Referrals received per calendar month of the range (a chart). */
  referralsPerMonth: { month: string; label: string; caseIds: string[] }[]
  /** The outcomes in the range side by side (a chart). */
  outcomes: { label: string; caseIds: string[] }[]
  completeness: Completeness
  rows: ReportRow[]
}

/** Checks a range typed by a person: real dates, in order. */
export function checkRange(range: DateRange): DateRange {
  const issues = []
  if (!isIsoDate(range.from)) issues.push({ field: 'from', message: 'Enter the first day as a date, for example 01/04/2026' })
  if (!isIsoDate(range.to)) issues.push({ field: 'to', message: 'Enter the last day as a date, for example 31/03/2027' })
  if (issues.length === 0 && range.from > range.to) issues.push({ field: 'to', message: 'The last day must be on or after the first day' })
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
  const closed = all.filter(({ record }) => record.outcome && record.outcome.type !== 'rejected' && within(record.outcome.closedOn, range))
  const reconnected = all.filter(({ record }) => within(record.reconnectionDay.arrivedOn, range))
  const wasReconnected = (record: CaseRecord | undefined) => Boolean(record?.reconnectionDay.arrivedOn)
  // The follow-up checks after closure made in the range (Getting Connected 4.13, Kent 5.4): a
  // return is counted from their answers too, not only when the client is referred again.
  const checkedWith = (answer: (followUp: FollowUp) => boolean) => (c: ReportCase) =>
    wasReconnected(c.record) && Object.values(c.record.followUps).some((followUp) => within(followUp.doneOn, range) && answer(followUp))
  const followedUp = all.filter(checkedWith(() => true))
  const stillAccommodated = all.filter(checkedWith((followUp) => followUp.stillAccommodated === 'yes'))
  const returnedAtFollowUp = all.filter(checkedWith((followUp) => followUp.returnedToRoughSleeping === 'yes'))
  const returnedToArea = all.filter(checkedWith((followUp) => followUp.returnedToArea === 'yes'))
  const returned = all.filter(
    (c) =>
      (c.record.outcome?.unplannedReason === 'returned-to-rough-sleeping' && within(c.record.outcome.closedOn, range) && wasReconnected(c.record)) ||
      (within(c.record.referral.receivedOn, range) && c.record.previousCaseId !== undefined && wasReconnected(byId.get(c.record.previousCaseId))) ||
      returnedAtFollowUp.includes(c),
  )
  const refused = all.filter(
    ({ record }) =>
      (record.referral.rejectionReason === 'declined' && within(record.referral.decidedOn, range)) ||
      (within(record.outcome?.closedOn, range) &&
        (record.outcome?.unplannedReason === 'disengaged' || record.outcome?.inappropriateReason === 'client-refused')),
  )
  const inappropriate = closed.filter(({ record }) => record.outcome?.type === 'inappropriate')
  const noProvision = closed.filter(({ record }) => record.outcome?.type === 'no-provision')
  const planned = closed.filter(({ record }) => record.outcome?.type === PLANNED)
  const unplanned = closed.filter(({ record }) => record.outcome?.type !== PLANNED)
  /** Support is counted from the referral's acceptance: the day the team took the case on. */
  const closedWithin = (list: readonly ReportCase[], months: number) =>
    list.filter(({ record }) => {
      const start = record.referral.decidedOn ?? record.referral.receivedOn
      return record.outcome!.closedOn <= isoDateOf(addMonths(parseISO(start), months))
    })

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
      basis: 'What happened in the period, whenever the case began. Closures are counted from the day the referral was accepted.',
      figures: [
        figure('Reconnections completed (arrival confirmed)', reconnected),
        ...breakdown(reconnected, ({ record }) => (record.plan.destination ? localAuthorityName(record.plan.destination) : 'Not recorded')),
        figure('Returns to rough sleeping after reconnection', returned),
        figure('Found at a follow-up check after closure', returnedAtFollowUp, 1),
        figure('Returned to the area where they slept rough (follow-up checks)', returnedToArea),
        figure('Follow-up checks after closure made', followedUp),
        figure('Still accommodated when checked', stillAccommodated, 1),
        figure('Refusals to engage', refused),
        figure('Reconnection not appropriate', inappropriate),
        ...breakdown(inappropriate, ({ record }) => label(INAPPROPRIATE_REASONS, record.outcome?.inappropriateReason)),
        figure('No reconnection possible for lack of provision', noProvision),
        figure('Planned closures', planned),
        figure('Closed within 6 months', closedWithin(planned, 6), 1),
        figure('Closed within 9 months', closedWithin(planned, 9), 1),
        figure('Unplanned closures', unplanned),
        figure('Closed within 6 months', closedWithin(unplanned, 6), 1),
        figure('Closed within 9 months', closedWithin(unplanned, 9), 1),
      ],
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

  const months = eachMonthOfInterval({ start: parseISO(range.from), end: parseISO(range.to) }).map((month) => format(month, 'yyyy-MM'))
  const quality = completeness(
    all.filter(({ record, anonymised }) => !anonymised && record.referral.receivedOn <= range.to && (record.status === 'open' || (record.outcome?.closedOn ?? '') >= range.from)),
  )
  const inReport = new Set([...sections.flatMap((section) => section.figures.flatMap((f) => f.caseIds)), ...quality.cases])
  return {
    range,
    sections,
    referralsPerMonth: months.map((month) => ({
      month,
      label: format(parseISO(`${month}-01`), 'MMM yyyy'),
      caseIds: received.filter(({ record }) => record.referral.receivedOn.startsWith(month)).map((c) => c.id),
    })),
    outcomes: [
      { label: 'Reconnected', caseIds: reconnected.map((c) => c.id) },
      { label: 'Returned to rough sleeping', caseIds: returned.map((c) => c.id) },
      { label: 'Refused to engage', caseIds: refused.map((c) => c.id) },
      { label: 'Not appropriate', caseIds: inappropriate.map((c) => c.id) },
      { label: 'No provision', caseIds: noProvision.map((c) => c.id) },
      { label: 'Planned closure', caseIds: planned.map((c) => c.id) },
      { label: 'Unplanned closure', caseIds: unplanned.map((c) => c.id) },
    ],
    completeness: quality,
    rows: all.filter((c) => inReport.has(c.id)).map((c) => reportRow(c, spendOf(c.record))),
  }
}

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
