import type { Field, FieldValues } from '../forms/fields'

const HOW_GIVEN = [
  { value: 'verbal', label: 'Verbally' },
  { value: 'written', label: 'In writing' },
] as const

/** The review date's default is consent-reviews.ts's (CONSENT_REVIEW_YEARS). */
const REVIEW_HINT = 'Left empty, a year after consent was given'

/** Phase 3, Engage: consent, the service explained, the referral confirmed with the client. */
export const ENGAGEMENT_FIELDS = [
  { name: 'consentToRecord', label: 'Consent to record information', kind: 'answer' },
  { name: 'consentToRecordOn', label: 'Consent to record given on', kind: 'date', notFuture: true },
  { name: 'consentToRecordHow', label: 'How consent to record was given', kind: 'choice', options: HOW_GIVEN },
  { name: 'consentToRecordWithdrawnOn', label: 'Consent to record withdrawn on', kind: 'date', notFuture: true },
  { name: 'consentToRecordReviewOn', label: 'Review consent to record on', hint: REVIEW_HINT, kind: 'date' },
  {
    name: 'serviceExplainedOn',
    label: 'Service and reconnection process explained on',
    hint: 'As a new and distinct, voluntary service; the "safe" in Safe Connections',
    kind: 'date',
    notFuture: true,
  },
  {
    name: 'referralConfirmedOn',
    label: 'Referral information, including housing history, confirmed with the client on',
    kind: 'date',
    notFuture: true,
  },
] as const satisfies readonly Field[]
export type Engagement = FieldValues<typeof ENGAGEMENT_FIELDS>

/** Consent to share information with one named agency. */
export const SHARING_CONSENT_FIELDS = [
  { name: 'agency', label: 'Agency', kind: 'text', required: true },
  {
    name: 'council',
    label: 'Council, if the agency is one',
    hint: 'Which council this consent is about, so that a withdrawal stops that council’s pack and no other',
    kind: 'local-authority',
  },
  { name: 'givenOn', label: 'Consent given on', kind: 'date', notFuture: true, required: true },
  { name: 'how', label: 'How consent was given', kind: 'choice', options: HOW_GIVEN, required: true },
  { name: 'withdrawnOn', label: 'Withdrawn on', kind: 'date', notFuture: true },
  { name: 'reviewOn', label: 'Review on', hint: REVIEW_HINT, kind: 'date' },
] as const satisfies readonly Field[]
export type SharingConsent = FieldValues<typeof SHARING_CONSENT_FIELDS>

/** Consent to record is in force: given, and not since withdrawn. */
export function hasConsentToRecord(engagement: Engagement): boolean {
  return engagement.consentToRecord === 'yes' && !engagement.consentToRecordWithdrawnOn
}

/** The agencies the client has agreed information may be shared with, today. */
export function agenciesWithConsent(consents: Record<string, SharingConsent>): string[] {
  return Object.values(consents)
    .filter((consent) => consent.agency && !consent.withdrawnOn)
    .map((consent) => consent.agency!)
}
