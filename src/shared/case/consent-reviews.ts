import { addYears, parseISO } from 'date-fns'
import { formatUkDate, isIsoDate, isoDateOf, typedUkDate, type IsoDate } from '../dates'
import type { FormValues } from '../forms/fields'
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

/** The consent forms' review dates, each with the day its consent was given and withdrawn (engagement.ts). */
const REVIEW_FIELDS = [
  { review: 'consentToRecordReviewOn', given: 'consentToRecordOn', withdrawn: 'consentToRecordWithdrawnOn' },
  { review: 'reviewOn', given: 'givenOn', withdrawn: 'withdrawnOn' },
] as const

/**
 * A consent form's values as shown: a review date left empty is shown filled in with the day it
 * will be (a year after the day given, as typed so far), so the caseworker sees it and can change
 * it. Only shown: left as it is, it stays empty in the case and keeps following the day given.
 * A withdrawn consent has nothing to review.
 */
export function withReviewDatesShown(values: FormValues): FormValues {
  let shown = values
  for (const { review, given, withdrawn } of REVIEW_FIELDS) {
    if (!(review in values) || values[review]?.trim() || values[withdrawn]?.trim()) continue
    const day = consentReviewDay(typedUkDate(values[given] ?? ''), undefined)
    if (day) shown = { ...shown, [review]: formatUkDate(day) }
  }
  return shown
}

/** The case's next step when a review has come: "Review consent to record with the client (due 01/10/2026)." */
export function consentReviewStep(reviews: readonly ConsentReview[], today: IsoDate): string | undefined {
  const due = reviews.filter((review) => review.due <= today)
  const said = consentReviewsDue(due, today)
  return said && `${said} (due ${formatUkDate(due[0]!.due)}).`
}
