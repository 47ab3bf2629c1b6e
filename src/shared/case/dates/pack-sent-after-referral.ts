import { formatUkDate, type IsoDate } from '../../dates'
import type { FieldIssue } from '../../validation'

/**
 * The presentation pack is made from the case, so it cannot have been emailed to Housing Options
 * or handed over before the referral (its own date where the referrer gave it, else the day it
 * reached the team).
 */
export function packSentBeforeReferral(
  referral: { referralDate?: IsoDate; receivedOn: IsoDate },
  reconnectionDay: { packEmailedOn?: IsoDate; packHandedOverOn?: IsoDate },
): FieldIssue | undefined {
  const referred = referral.referralDate ?? referral.receivedOn
  for (const [field, what] of [
    ['packEmailedOn', 'emailed'],
    ['packHandedOverOn', 'handed over'],
  ] as const) {
    const on = reconnectionDay[field]
    if (on && on < referred) {
      return { field, message: `The pack cannot have been ${what} (${formatUkDate(on)}) before the referral (${formatUkDate(referred)})` }
    }
  }
  return undefined
}
