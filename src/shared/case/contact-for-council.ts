import { displayValue } from '../forms/fields'
import { CONTACT_FIELDS } from './contact'
import { sharingRefusal } from './consent-to-share'
import type { CaseRecord } from './record'

/** What the council needs to reach the client itself: the rest of the contact details stay with the team. */
const FOR_THE_COUNCIL = ['phone', 'email', 'preferredContact'] as const

/** What the pack says, and its preview shows, when there is no phone number or email to give the council. */
export function noContactForCouncil(clientName: string): string {
  return `No phone number or email address is recorded: contact ${clientName} through us.`
}

/**
 * How the destination council can reach the client, for the presentation pack: their phone,
 * email and preferred contact method, each as the contact details form labels it. Only while the
 * client's consent to share with that council is in force (`sharingRefusal`): these are details
 * the client gave the team, and withdrawn consent stops them leaving with everything else.
 * Undefined when it is not in force; empty when nothing is recorded.
 */
export function contactForCouncil(record: CaseRecord, destination: string): { label: string; value: string }[] | undefined {
  if (sharingRefusal(record, { destination })) return undefined
  return CONTACT_FIELDS.filter((field) => (FOR_THE_COUNCIL as readonly string[]).includes(field.name))
    .map((field) => ({ label: field.label, value: displayValue(field, record.contact[field.name]) }))
    .filter((row) => row.value !== '')
}
