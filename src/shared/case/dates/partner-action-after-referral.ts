import { formatUkDate, type IsoDate } from '../../dates'
import type { FieldIssue } from '../../validation'

/**
 * The action agreed with a partner is agreed with the referral, so it is done on the day the
 * referral was made or after it, never before.
 */
export function partnerActionBeforeReferral(referral: { madeOn?: IsoDate; partnerActionDoneOn?: IsoDate }): FieldIssue | undefined {
  const { madeOn, partnerActionDoneOn } = referral
  if (!madeOn || !partnerActionDoneOn || partnerActionDoneOn >= madeOn) return undefined
  return { field: 'partnerActionDoneOn', message: `Done on (${formatUkDate(partnerActionDoneOn)}) cannot be before the referral was made (${formatUkDate(madeOn)})` }
}
