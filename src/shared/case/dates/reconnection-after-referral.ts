import { formatUkDate, type IsoDate } from '../../dates'
import type { FieldIssue } from '../../validation'

/**
 * The day of reconnection (Phase 5) cannot come before the referral (Tool 3): the referral's own
 * date where the referrer gave it, else the day it reached the team.
 */
export function reconnectionBeforeReferral(
  referral: { referralDate?: IsoDate; receivedOn: IsoDate },
  reconnectionDay: { date?: IsoDate },
): FieldIssue | undefined {
  const referred = referral.referralDate ?? referral.receivedOn
  const reconnected = reconnectionDay.date
  if (!reconnected || reconnected >= referred) return undefined
  return {
    field: 'date',
    message: `Date of reconnection (${formatUkDate(reconnected)}) cannot be before the referral (${formatUkDate(referred)})`,
  }
}
