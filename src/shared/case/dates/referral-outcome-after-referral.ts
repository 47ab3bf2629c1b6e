import { formatUkDate, type IsoDate } from '../../dates'
import type { FieldIssue } from '../../validation'

/** An onward referral's outcome is known on the day it was made or after: an agency answers what it was sent. */
export function outcomeBeforeReferral(referral: { madeOn?: IsoDate; outcomeOn?: IsoDate }): FieldIssue | undefined {
  const { madeOn, outcomeOn } = referral
  if (!madeOn || !outcomeOn || outcomeOn >= madeOn) return undefined
  return { field: 'outcomeOn', message: `Outcome known on (${formatUkDate(outcomeOn)}) cannot be before the referral was made (${formatUkDate(madeOn)})` }
}
