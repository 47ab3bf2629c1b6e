import { workingDayFrom } from '../calendar/working-days'
import { formatUkDate, type IsoDate } from '../dates'
import type { Engagement } from './engagement'

/**
 * Consent to record withdrawn: Homeward may no longer hold the person's information, so the lead
 * caseworker closes the case and asks a manager to erase it (README, "Erasing a case"). Said as
 * the case's next step and on the board, until the case is closed.
 */
export function consentWithdrawnStep(engagement: Pick<Engagement, 'consentToRecordWithdrawnOn'>, clientName: string): string | undefined {
  const on = engagement.consentToRecordWithdrawnOn
  if (!on) return undefined
  const client = clientName.trim().split(/\s+/)[0] || 'The client'
  return `${client} withdrew consent to record information on ${formatUkDate(on)}: close the case, then ask a manager to erase it.`
}

/**
 * The lead caseworker's task while consent to record stands withdrawn on an open case: close it and
 * ask for its erasure, due at once (the working day it was withdrawn, or the next).
 */
export function closeAndEraseDue(facts: { status: 'open' | 'closed'; consentToRecordWithdrawnOn: IsoDate | null }): IsoDate | undefined {
  return facts.status === 'open' && facts.consentToRecordWithdrawnOn ? workingDayFrom(facts.consentToRecordWithdrawnOn) : undefined
}
