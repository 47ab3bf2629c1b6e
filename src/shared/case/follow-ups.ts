import type { Field, FieldValues } from '../forms/fields'

/** The two checks after closure (Getting Connected 4.13, Kent 5.4): 3 and 6 months after the case closed. */
export const FOLLOW_UP_CHECKS = [
  { value: '3-months', label: '3 months after closure', months: 3 },
  { value: '6-months', label: '6 months after closure', months: 6 },
] as const
export type FollowUpCheck = (typeof FOLLOW_UP_CHECKS)[number]['value']

export const FOLLOW_UP_CONTACT_METHODS = [
  { value: 'phone', label: 'Phone call' },
  { value: 'in-person', label: 'In person' },
  { value: 'text-or-email', label: 'Text or email' },
  { value: 'partner-agency', label: 'Through a partner agency' },
  { value: 'letter', label: 'Letter' },
  { value: 'no-contact', label: 'Could not make contact' },
] as const

/**
 * A follow-up check after closure: whether the reconnection held (still accommodated? returned to
 * rough sleeping? returned to the area where they slept rough?), so that returns are counted from
 * these answers (the monitoring report), not only when someone is referred again.
 */
export const FOLLOW_UP_FIELDS = [
  { name: 'check', label: 'Follow-up check', kind: 'choice', options: FOLLOW_UP_CHECKS, required: true, messages: { required: 'Choose which follow-up check this is' } },
  { name: 'doneOn', label: 'Checked on', kind: 'date', notFuture: true, required: true },
  { name: 'contactMethod', label: 'How contact was made', kind: 'choice', options: FOLLOW_UP_CONTACT_METHODS, required: true },
  { name: 'stillAccommodated', label: 'Still accommodated?', kind: 'answer' },
  { name: 'returnedToRoughSleeping', label: 'Returned to rough sleeping?', kind: 'answer' },
  { name: 'returnedToArea', label: 'Returned to the area where they slept rough?', kind: 'answer' },
  { name: 'note', label: 'Note', kind: 'paragraph', max: 5000 },
] as const satisfies readonly Field[]
export type FollowUp = FieldValues<typeof FOLLOW_UP_FIELDS>
