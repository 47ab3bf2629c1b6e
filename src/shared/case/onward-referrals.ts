import type { Field, FieldValues } from '../forms/fields'

/** What became of a referral to another agency. */
export const ONWARD_REFERRAL_OUTCOMES = [
  { value: 'pending', label: 'Pending' },
  { value: 'accepted', label: 'Accepted' },
  { value: 'declined', label: 'Declined' },
  { value: 'no-response', label: 'No response' },
] as const

/**
 * A referral made to another agency (the case management "linkage" function, Homeless Link): to
 * whom, when, for what, and its outcome. The actions agreed with that partner are a list of their
 * own (`partner-actions.ts`), whose missed due dates are SAFE's red flag (`missed-partner-actions.ts`).
 */
export const ONWARD_REFERRAL_FORM_FIELDS = [
  { name: 'agency', label: 'Referred to (agency)', kind: 'text', required: true, max: 200 },
  { name: 'madeOn', label: 'Referred on', kind: 'date', notFuture: true, required: true },
  { name: 'reason', label: 'What for', hint: 'For example floating support, a GP registration, a drug and alcohol service', kind: 'paragraph', required: true, max: 2000 },
  { name: 'outcome', label: 'Outcome', kind: 'choice', options: ONWARD_REFERRAL_OUTCOMES, required: true, messages: { required: 'Choose the outcome, or Pending' } },
  { name: 'outcomeOn', label: 'Outcome known on', kind: 'date', notFuture: true },
] as const satisfies readonly Field[]

/**
 * The one action agreed with the partner a referral held itself before case schema 6. It stays
 * where it was written (moving it into the list on upgrade, on two laptops at once, could make two
 * copies or hide one's later edits), is read as the first of the referral's agreed actions
 * (`agreedActions`) and is changed there; a new action goes into the list. The same names as the
 * list's fields (`PARTNER_ACTION_FIELDS`), none required: a referral may hold none.
 */
export const FIRST_PARTNER_ACTION_FIELDS = [
  { name: 'partnerAction', label: 'Action agreed with the partner', kind: 'text', max: 500 },
  { name: 'partnerActionBy', label: 'Who will do it', hint: 'A person at the agency, or in the team', kind: 'text', max: 200 },
  { name: 'partnerActionDue', label: 'Due by', kind: 'date' },
  { name: 'partnerActionDoneOn', label: 'Done on', kind: 'date', notFuture: true },
] as const satisfies readonly Field[]

/** A referral as stored: its form, and the action it may hold from before schema 6. */
export const ONWARD_REFERRAL_FIELDS = [...ONWARD_REFERRAL_FORM_FIELDS, ...FIRST_PARTNER_ACTION_FIELDS] as const satisfies readonly Field[]
export type OnwardReferral = FieldValues<typeof ONWARD_REFERRAL_FIELDS>
