import { formatUkDate, type IsoDate } from '../../dates'
import type { FieldIssue } from '../../validation'

/**
 * Support steps down (Phase 7) after the client is reconnected, usually three to four weeks
 * after: it cannot start scaling back before the day of reconnection, nor before the referral
 * (its own date where the referrer gave it, else the day it reached the team).
 */
export function stepDownBeforeReconnection(
  referral: { referralDate?: IsoDate; receivedOn: IsoDate },
  reconnectionDay: { date?: IsoDate },
  stepDown: { startedOn?: IsoDate },
): FieldIssue | undefined {
  const started = stepDown.startedOn
  if (!started) return undefined
  const say = (what: string, on: IsoDate) => ({
    field: 'startedOn',
    message: `Support started scaling back on (${formatUkDate(started)}) cannot be before ${what} (${formatUkDate(on)})`,
  })
  const referred = referral.referralDate ?? referral.receivedOn
  if (started < referred) return say('the referral', referred)
  if (reconnectionDay.date && started < reconnectionDay.date) return say('the date of reconnection', reconnectionDay.date)
  return undefined
}
