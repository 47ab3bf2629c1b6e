import { daysBetween, type IsoDate } from '../dates'
import type { FlagKind } from './flag-kinds'
import { workingDaysBetween } from '../calendar/working-days'
import { closurePointDue } from './closure'
import { closurePointOf, lastContact } from './lifecycle'
import type { Phase } from './phases'
import type { CaseRecord } from './record'
import type { Referral } from './referral'
import { isOverdue } from './support'
import { consentReviews, consentReviewsDue, type ConsentReview } from './consent-reviews'
import { followUpDue, followUpsOwed, type FollowUpDue } from './follow-ups-due'
import { missedPartnerActions, openPartnerActionsDue } from './missed-partner-actions'
import { agreedActions } from './partner-actions'
import { contactExpectedBy } from './recent-contact'
import { reviewDue, reviewDueOn } from './review-due'

export { FLAG_KINDS, FLAG_LABELS, type FlagKind } from './flag-kinds'

/** An unallocated referral is flagged after this many working days. */
export const ALLOCATION_WORKING_DAYS = 3

export interface CaseFlag {
  kind: FlagKind
  message: string
}

/**
 * What the flags look at: a few states and dates of a case, small enough for the case index to
 * hold, so that the caseload board flags 5,000 cases without opening one.
 */
export interface FlagFacts {
  status: CaseRecord['status']
  phase: Phase
  /** The due dates of the actions not done yet. */
  openActionsDue: IsoDate[]
  lastContact: IsoDate | null
  closurePoint: IsoDate | null
  allocated: boolean
  referralStatus: Referral['status']
  receivedOn: IsoDate
  consentToRecordWithdrawnOn: IsoDate | null
  consentReviews: ConsentReview[]
  /** The due dates of the actions agreed with partner agencies and not done (onward referrals). */
  openPartnerActionsDue: IsoDate[]
  /** When the support plan is next reviewed. */
  reviewDue: IsoDate | null
  /** A closed case's follow-up checks not recorded yet (none for an open case). */
  followUpsOwed: FollowUpDue[]
}

export function flagFacts(record: CaseRecord): FlagFacts {
  return {
    status: record.status,
    phase: record.phase,
    openActionsDue: Object.values(record.actions)
      .filter((action) => !action.doneOn)
      .map((action) => action.due)
      .sort(),
    lastContact: lastContact(record) ?? null,
    closurePoint: closurePointOf(record) ?? null,
    allocated: Boolean(record.allocation.leadCaseworker),
    referralStatus: record.referral.status,
    receivedOn: record.referral.receivedOn,
    consentToRecordWithdrawnOn: record.engagement.consentToRecordWithdrawnOn ?? null,
    consentReviews: consentReviews(record),
    openPartnerActionsDue: openPartnerActionsDue(agreedActions(record).map((action) => action.values)),
    reviewDue: reviewDueOn(record) ?? null,
    followUpsOwed: followUpsOwed(record),
  }
}

/** What needs attention on an open case today. */
export function caseFlags(record: CaseRecord, today: IsoDate): CaseFlag[] {
  return flagsOf(flagFacts(record), today)
}

export function flagsOf(facts: FlagFacts, today: IsoDate): CaseFlag[] {
  if (facts.status === 'closed') {
    // A closed case asks for nothing but its follow-up checks, which come after closure.
    const followUp = followUpDue(facts.followUpsOwed, today)
    return followUp ? [{ kind: 'follow-up-due', message: followUp }] : []
  }
  const flags: CaseFlag[] = []
  const overdue = facts.openActionsDue.filter((due) => isOverdue({ due }, today)).length
  if (overdue > 0) flags.push({ kind: 'overdue-action', message: `${overdue} overdue action${overdue === 1 ? '' : 's'}` })

  const contactBy = contactExpectedBy(facts)
  if (contactBy === null) flags.push({ kind: 'no-recent-contact', message: 'No contact logged in intensive support' })
  else if (contactBy !== undefined && contactBy < today) {
    flags.push({ kind: 'no-recent-contact', message: `No contact logged for ${daysBetween(facts.lastContact!, today)} days` })
  }

  const point = closurePointDue(facts)
  if (point && point <= today) flags.push({ kind: 'closure-point', message: 'At the 3-month closure point' })

  if (!facts.allocated && facts.referralStatus !== 'rejected') {
    const waited = workingDaysBetween(facts.receivedOn, today)
    if (waited > ALLOCATION_WORKING_DAYS) {
      flags.push({ kind: 'unallocated-referral', message: `Referral unallocated for ${waited} working days` })
    }
  }
  if (facts.consentToRecordWithdrawnOn) {
    flags.push({ kind: 'consent-withdrawn', message: 'Consent to record withdrawn: close the case and ask a manager to erase it' })
  } else {
    const review = consentReviewsDue(facts.consentReviews, today)
    if (review) flags.push({ kind: 'consent-review', message: review })
  }
  const missed = missedPartnerActions(facts.openPartnerActionsDue, today)
  if (missed) flags.push({ kind: 'missed-partner-action', message: missed })
  const planReview = reviewDue(facts.reviewDue, today)
  if (planReview) flags.push({ kind: 'review-due', message: planReview })
  return flags
}
