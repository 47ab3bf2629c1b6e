import { formatUkDate, type IsoDate } from '../../dates'
import type { FieldIssue } from '../../validation'
import { quotedLabel } from './date-label'

/**
 * A date that records something that has happened (a referral received, a decision, a contact, a
 * reconnection, a closure, an expense paid) cannot be after today. Due dates and planned days can:
 * their fields are the ones without `notFuture` in the field catalogue.
 */
export function afterToday(field: string, label: string, on: IsoDate | undefined, today: IsoDate): FieldIssue | undefined {
  if (on === undefined || on <= today) return undefined
  return { field, message: `${quotedLabel(label)} (${formatUkDate(on)}) cannot be in the future` }
}
