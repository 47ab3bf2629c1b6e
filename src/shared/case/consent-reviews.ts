import { addYears, parseISO } from 'date-fns'
import { isIsoDate, isoDateOf, type IsoDate } from '../dates'
import { hasConsentToRecord } from './engagement'
import type { CaseRecord } from './record'

/**
 * When a client's consent is checked with them again: each consent in force (to record, and to
 * share with each named agency) has a review date, its own or, left empty, a year after it was
 * given. A review whose day has come is one of the caseworker's things to do (the board's flags);
 * proper tasks (issue 20) can take it from here.
 */
export const CONSENT_REVIEW_YEARS = 1

/** One consent to review with the client, and when. */
export interface ConsentReview {
  /** What was consented to, as the board says it: "consent to record", "consent to share with Cardiff Council". */
  consent: string
  due: IsoDate
}

/** A consent's review date: its own, or a year after it was given. */
export function consentReviewDay(givenOn: IsoDate | undefined, reviewOn: IsoDate | undefined): IsoDate | undefined {
  if (reviewOn) return reviewOn
  return givenOn && isIsoDate(givenOn) ? isoDateOf(addYears(parseISO(givenOn), CONSENT_REVIEW_YEARS)) : undefined
}

/** Every consent in force and its review date, soonest first; a withdrawn consent has nothing to review. */
export function consentReviews(record: Pick<CaseRecord, 'engagement' | 'sharingConsents'>): ConsentReview[] {
  const reviews: ConsentReview[] = []
  const { engagement } = record
  const toRecord = hasConsentToRecord(engagement) ? consentReviewDay(engagement.consentToRecordOn, engagement.consentToRecordReviewOn) : undefined
  if (toRecord) reviews.push({ consent: 'consent to record', due: toRecord })
  for (const sharing of Object.values(record.sharingConsents)) {
    const due = sharing.agency && !sharing.withdrawnOn ? consentReviewDay(sharing.givenOn, sharing.reviewOn) : undefined
    if (due) reviews.push({ consent: `consent to share with ${sharing.agency}`, due })
  }
  return reviews.sort((a, b) => a.due.localeCompare(b.due))
}

/** The reviews whose day has come, in words for the board; none when nothing is due. */
export function consentReviewsDue(reviews: readonly ConsentReview[], today: IsoDate): string | undefined {
  const due = reviews.filter((review) => review.due <= today)
  if (due.length === 0) return undefined
  return due.length === 1 ? `Review ${due[0]!.consent} with the client` : `Review ${due.length} consents with the client`
}
