import type { IsoDate } from '../dates'
import { fieldsOf, formSchema, type Field, type FieldGroup, type FieldValues } from '../forms/fields'

/**
 * The referral (Safe Connections Toolkit, Tool 3). The first five fields open a case; the rest of
 * the form is filled in on the case, by the referrer's answers or the caseworker's checks.
 */
export const REFERRAL_IDENTITY_FIELDS = [
  {
    name: 'clientName',
    label: 'Client name',
    kind: 'text',
    required: true,
    messages: { required: "Enter the client's name" },
  },
  {
    name: 'dateOfBirth',
    label: 'Date of birth',
    kind: 'date',
    required: true,
    notFuture: true,
    withinYears: 120,
    hint: 'For example, 27/03/1985',
    messages: {
      required: 'Enter the date of birth',
      invalid: 'Enter a real date of birth, for example 27/03/1985',
    },
  },
  {
    name: 'chainNumber',
    label: 'CHAIN number',
    kind: 'text',
    width: 'medium',
    numeric: true,
    pattern: /^\d{1,12}$/,
    hint: 'Digits only',
    messages: { invalid: 'CHAIN number must be digits only, for example 123456' },
  },
  { name: 'referrerName', label: "Referrer's name", kind: 'text', required: true, messages: { required: "Enter the referrer's name" } },
  { name: 'outreachTeam', label: 'Referring organisation', kind: 'outreach-team', required: true, messages: { required: 'Enter the referring organisation' } },
] as const satisfies readonly Field[]

export type ReferralIdentity = FieldValues<typeof REFERRAL_IDENTITY_FIELDS>

/** What opens a case: the same rules in the window, the core's API and the command line. */
export type ReferralInput = ReferralIdentity

export function referralSchema(today: IsoDate) {
  return formSchema(REFERRAL_IDENTITY_FIELDS, today)
}

export const ROUGH_SLEEPING_HISTORY = [
  { value: 'living-on-street', label: 'a. Living on the street: a high number of contacts over 3 weeks or more' },
  { value: 'intermittent', label: 'b. Intermittent: seen rough sleeping before, contacted in the period but not regularly' },
  { value: 'bedded-down', label: 'c. Two or more bedded down contacts on CHAIN' },
  { value: 'none', label: 'None of these' },
] as const

export const PUBLIC_FUNDS_BASIS = [
  { value: 'british-or-irish', label: 'British or Irish citizen' },
  { value: 'ilr', label: 'Indefinite leave to remain' },
  { value: 'refugee', label: 'Refugee' },
  { value: 'permanent-right-to-reside', label: 'Permanent right to reside' },
  { value: 'eu-worker', label: 'EU national with worker status' },
  { value: 'eu-settled', label: 'EU Settlement Scheme (settled status)' },
  { value: 'other', label: 'Other' },
] as const

/** The rest of Tool 3, grouped as on the form. */
export const REFERRAL_DETAIL_GROUPS = [
  {
    title: 'Criteria for Safe Connection',
    hint: 'The client qualifies if they meet all three criteria.',
    fields: [
      { name: 'criterionLocalConnection', label: '1. A local connection outside the referring area but within the UK', kind: 'answer' },
      { name: 'criterionRoughSleeping', label: '2. A history of rough sleeping, or a current rough sleeper', kind: 'choice', options: ROUGH_SLEEPING_HISTORY },
      { name: 'criterionMultipleNeeds', label: '3. Multiple needs', kind: 'answer' },
      { name: 'whyReferred', label: 'Why have you referred your client to the service?', kind: 'paragraph' },
    ],
  },
  {
    title: 'Single Service Offer (SSO)',
    fields: [
      { name: 'ssoCurrent', label: 'What is their current SSO?', kind: 'paragraph' },
      { name: 'ssoOnChain', label: 'Is the SSO updated on CHAIN?', kind: 'answer' },
      { name: 'ssoEngaging', label: 'Are they engaging with it?', kind: 'answer' },
      { name: 'ssoNotEngagingWhy', label: 'If not, why?', kind: 'paragraph' },
    ],
  },
  {
    title: 'Site',
    fields: [
      { name: 'siteUsuallySeen', label: 'Street or area where they are usually seen', kind: 'text' },
      { name: 'siteTime', label: 'When they are usually seen', kind: 'text', width: 'medium' },
      { name: 'siteServices', label: 'Day centres or other support services they attend', kind: 'paragraph' },
    ],
  },
  {
    title: 'Contact',
    fields: [
      {
        name: 'postalAddress',
        label: 'Current postal address',
        hint: 'Where letters reach them now, with the postcode: their own address, or a day centre or hostel that takes post for them',
        kind: 'paragraph',
      },
    ],
  },
  {
    title: 'Identity',
    fields: [
      { name: 'ukNational', label: 'Are they a UK national?', kind: 'answer' },
      { name: 'hasId', label: 'Do they have ID?', kind: 'answer' },
      { name: 'idDetails', label: 'What ID they have', kind: 'text' },
      { name: 'publicFunds', label: 'Do they have recourse to public funds?', kind: 'answer' },
      { name: 'publicFundsBasis', label: 'On what basis', kind: 'choice', options: PUBLIC_FUNDS_BASIS },
    ],
  },
  {
    title: 'Multiple support needs',
    fields: [
      { name: 'supportNeeds', label: 'Support needs', kind: 'paragraph' },
      {
        name: 'homeAreaAgencies',
        label: 'Support agencies they have engaged with in the area of their local connection, with contact details',
        kind: 'paragraph',
      },
    ],
  },
  {
    title: 'Establishing local connection',
    fields: [
      { name: 'lcLived', label: 'Where have they lived for at least 6 of the past 12 months, or 3 of the last 5 years?', kind: 'paragraph' },
      { name: 'lcEmployed', label: 'If employed, where?', kind: 'text' },
      { name: 'lcFamily', label: 'Where does their family live? (mother, father, brother, sister)', kind: 'paragraph' },
      { name: 'lcSpecial', label: 'Are there other special circumstances which connect them to an area?', kind: 'paragraph' },
    ],
  },
  {
    title: 'Date and signature',
    fields: [
      { name: 'chainFlowUpdated', label: 'Flow updated on CHAIN before the referral was sent', kind: 'answer' },
      { name: 'referrerSignature', label: 'Signed by (referrer)', kind: 'text' },
      { name: 'referralDate', label: 'Date of referral', kind: 'date', notFuture: true },
    ],
  },
] as const satisfies readonly FieldGroup[]

export const REFERRAL_DETAIL_FIELDS = fieldsOf(REFERRAL_DETAIL_GROUPS)
export type ReferralDetails = FieldValues<typeof REFERRAL_DETAIL_FIELDS>

/** Why a referral was not taken on (a fixed list, for monitoring). */
export const REJECTION_REASONS = [
  { value: 'insufficient-need', label: 'Insufficient need' },
  { value: 'no-local-connection', label: 'No local connection elsewhere' },
  { value: 'withdrawn', label: 'Withdrawn' },
  { value: 'referred-elsewhere', label: 'Referred elsewhere' },
  { value: 'declined', label: 'Declined / did not engage' },
  { value: 'unable-to-locate', label: 'Unable to locate' },
] as const
export type RejectionReason = (typeof REJECTION_REASONS)[number]['value']

export const REFERRAL_DECISION_FIELDS = [
  { name: 'decidedOn', label: 'Date of decision', kind: 'date', notFuture: true, required: true },
  { name: 'rejectionReason', label: 'Reason', kind: 'choice', options: REJECTION_REASONS },
  { name: 'signposting', label: 'Where the person was signposted', kind: 'paragraph' },
] as const satisfies readonly Field[]

export type ReferralStatus = 'received' | 'accepted' | 'rejected'
/** A referral's status in words, for the report and its CSV. */
export const REFERRAL_STATUS_LABELS: Record<ReferralStatus, string> = { received: 'Awaiting a decision', accepted: 'Accepted', rejected: 'Not accepted' }

/** The referral as held on the case. */
export interface Referral extends ReferralIdentity, ReferralDetails {
  receivedOn: IsoDate
  status: ReferralStatus
  decidedOn?: IsoDate
  decidedBy?: { id: string; name: string }
  rejectionReason?: RejectionReason
  signposting?: string
}

/**
 * The three criteria of Tool 3, each with what is missing in words. A criterion nobody has answered
 * yet is "not recorded yet", not "not met": a new referral is unfinished, not failed.
 */
export function referralCriteriaProblems(referral: Referral): string[] {
  const problems: string[] = []
  const say = (criterion: string, answer: string | undefined, met: boolean, what: string) => {
    if (!met) problems.push(`${criterion} ${answer === undefined ? 'not recorded yet' : 'not met'}: ${what}`)
  }
  say('Criterion 1', referral.criterionLocalConnection, referral.criterionLocalConnection === 'yes', 'a local connection outside the referring area, within the UK')
  say('Criterion 2', referral.criterionRoughSleeping, !!referral.criterionRoughSleeping && referral.criterionRoughSleeping !== 'none', 'a history of rough sleeping (a, b or c)')
  say('Criterion 3', referral.criterionMultipleNeeds, referral.criterionMultipleNeeds === 'yes', 'multiple needs')
  return problems
}
