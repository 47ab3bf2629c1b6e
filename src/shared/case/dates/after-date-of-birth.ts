import { formatUkDate, type IsoDate } from '../../dates'
import type { Field } from '../../forms/fields'
import type { FieldIssue } from '../../validation'
import { quotedLabel } from './date-label'

/** Whose date of birth every event of the case must follow. */
export interface Client {
  clientName: string
  dateOfBirth: IsoDate
}

/**
 * Nothing recorded as happening to the client (a referral, an address lived at, a job, a consent,
 * a move) can be before they were born: a mistyped year usually. Dates that are not events about
 * the client are left alone: an action's due date, and a document's own date (a parent's
 * tenancy agreement can be older than the client), which are not in the catalogues checked here.
 */
export function beforeDateOfBirth(field: string, label: string, on: IsoDate | undefined, client: Client): FieldIssue | undefined {
  if (on === undefined || on >= client.dateOfBirth) return undefined
  const firstName = String(client.clientName).trim().split(/\s+/)[0] || 'the client'
  return {
    field,
    message: `${quotedLabel(label)} (${formatUkDate(on)}) cannot be before ${firstName}'s date of birth (${formatUkDate(client.dateOfBirth)})`,
  }
}

/** Each date field of a form's values (by its catalogue) that is before the client's birth. */
export function formDatesBeforeBirth(fields: readonly Field[], values: Record<string, unknown>, client: Client, path = ''): FieldIssue[] {
  return fields
    .filter((field) => field.kind === 'date' && field.name !== 'dateOfBirth')
    .map((field) => beforeDateOfBirth(`${path}${field.name}`, field.label, values[field.name] as IsoDate | undefined, client))
    .filter((issue) => issue !== undefined)
}
