import { addMonths, parseISO } from 'date-fns'
import { formatUkDate, isoDateOf, type IsoDate } from '../dates'
import { FOLLOW_UP_CHECKS, type FollowUpCheck } from './follow-ups'
import type { CaseRecord } from './record'

/** A follow-up check not recorded yet, and the day it falls due. */
export interface FollowUpDue {
  check: FollowUpCheck
  due: IsoDate
}

/**
 * When the follow-up checks after closure are due: 3 and 6 months after the day the case closed.
 *
 * Only for a case closed after a reconnection (the arrival confirmed): what is counted is "rough
 * sleepers returning after reconnection" (Getting Connected 4.13), and the toolkit's concern is a
 * client returning "to the area where they were rough sleeping" once reconnected. A referral
 * rejected, or a case closed before the move, has no reconnection to check on. A client referred
 * again is back with the team (the new case holds them), and a duplicate merged into another case
 * is followed up there. A check is owed until it, or the later one, is recorded (a 6-month check
 * recorded answers for the 3-month one missed).
 */
export function followUpsOwed(record: Pick<CaseRecord, 'status' | 'outcome' | 'reconnectionDay' | 'reReferredAs' | 'mergedInto' | 'followUps'>): FollowUpDue[] {
  const outcome = record.outcome
  if (record.status !== 'closed' || !outcome || outcome.type === 'rejected' || !record.reconnectionDay.arrivedOn) return []
  if (record.reReferredAs || record.mergedInto) return []
  const done = new Set(Object.values(record.followUps).map((followUp) => followUp.check))
  const latestDone = Math.max(-1, ...FOLLOW_UP_CHECKS.map((check, index) => (done.has(check.value) ? index : -1)))
  return FOLLOW_UP_CHECKS.slice(latestDone + 1).map((check) => ({
    check: check.value,
    due: isoDateOf(addMonths(parseISO(outcome.closedOn), check.months)),
  }))
}

/** The check due by today (the latest, when both are), in words for the board and the case; none when nothing is due. */
export function followUpDue(owed: readonly FollowUpDue[], today: IsoDate): string | undefined {
  const due = owed.filter((followUp) => followUp.due <= today).at(-1)
  if (!due) return undefined
  const label = FOLLOW_UP_CHECKS.find((check) => check.value === due.check)!.label
  return `Follow-up check ${label} due (from ${formatUkDate(due.due)})`
}
