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
 * whom, when, for what, its outcome, and the action agreed with that partner, whose missed due
 * date is SAFE's red flag (`missed-partner-actions.ts`).
 */
export const ONWARD_REFERRAL_FIELDS = [
  { name: 'agency', label: 'Referred to (agency)', kind: 'text', required: true, max: 200 },
  { name: 'madeOn', label: 'Referred on', kind: 'date', notFuture: true, required: true },
  { name: 'reason', label: 'What for', hint: 'For example floating support, a GP registration, a drug and alcohol service', kind: 'paragraph', required: true, max: 2000 },
  { name: 'outcome', label: 'Outcome', kind: 'choice', options: ONWARD_REFERRAL_OUTCOMES, required: true, messages: { required: 'Choose the outcome, or Pending' } },
  { name: 'outcomeOn', label: 'Outcome known on', kind: 'date', notFuture: true },
  { name: 'partnerAction', label: 'Action agreed with the partner', kind: 'text', max: 500 },
  { name: 'partnerActionBy', label: 'Who will do it', hint: 'A person at the agency, or in the team', kind: 'text', max: 200 },
  { name: 'partnerActionDue', label: 'Due by', kind: 'date' },
  { name: 'partnerActionDoneOn', label: 'Done on', kind: 'date', notFuture: true },
] as const satisfies readonly Field[]
export type OnwardReferral = FieldValues<typeof ONWARD_REFERRAL_FIELDS>
