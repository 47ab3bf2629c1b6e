import { formatUkDate, type IsoDate } from '../../dates'
import type { FieldIssue } from '../../validation'

type Dated = { partnerActionDue?: IsoDate; partnerActionDoneOn?: IsoDate }

/**
 * An action agreed with a partner is agreed on its onward referral, so it is due, and done, on the
 * day the referral was made or after it, never before. Each of a referral's actions: the one it
 * holds itself from before schema 6 (the referral is both), and those of the case's list.
 */
export function partnerActionBeforeReferral(referral: { madeOn?: IsoDate } & Dated, action: Dated = referral): FieldIssue | undefined {
  const { madeOn } = referral
  if (!madeOn) return undefined
  const { partnerActionDue: due, partnerActionDoneOn: done } = action
  if (done && done < madeOn) return { field: 'partnerActionDoneOn', message: `Done on (${formatUkDate(done)}) cannot be before the referral was made (${formatUkDate(madeOn)})` }
  if (due && due < madeOn) return { field: 'partnerActionDue', message: `Due by (${formatUkDate(due)}) cannot be before the referral was made (${formatUkDate(madeOn)})` }
  return undefined
}
