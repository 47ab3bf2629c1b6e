import { z } from 'zod'
import { isIsoDate, type IsoDate } from '../dates'

/**
 * The first details of a referral (Toolkit, Tool 3): enough to open a case. The rest of the
 * referral form is filled in on the case itself.
 */
export interface ReferralInput {
  clientName: string
  dateOfBirth: IsoDate
  /** CHAIN is London's database of rough sleeping; people seen elsewhere may have no number. */
  chainNumber?: string
  referrerName: string
  outreachTeam: string
}

const OLDEST_AGE_YEARS = 120
const MAX_NAME = 200

const requiredText = (missing: string, label: string) =>
  z
    .string({ message: missing })
    .trim()
    .min(1, missing)
    .max(MAX_NAME, `${label} must be ${MAX_NAME} characters or fewer`)
    .refine((text) => !/\p{Cc}/u.test(text), `${label} must not contain control characters`)

/**
 * The referral schema as at a given day: a date of birth cannot be after it. One schema checks the
 * form in the window, the core's API and the command line alike.
 */
export function referralSchema(today: IsoDate) {
  const [year = 0] = today.split('-').map(Number)
  const oldest = `${year - OLDEST_AGE_YEARS}${today.slice(4)}`
  return z.object({
    clientName: requiredText("Enter the client's name", "The client's name"),
    dateOfBirth: z
      .string({ message: 'Enter the date of birth' })
      .trim()
      .min(1, 'Enter the date of birth')
      .refine(isIsoDate, 'Enter a real date of birth, for example 27/03/1985')
      .refine((date) => date <= today, 'Date of birth must be today or in the past')
      .refine((date) => date >= oldest, `Date of birth must be within the last ${OLDEST_AGE_YEARS} years`),
    chainNumber: z
      .string({ message: 'CHAIN number must be digits only, for example 123456' })
      .trim()
      .regex(/^\d{0,12}$/, 'CHAIN number must be digits only, for example 123456')
      .optional()
      .transform((value) => (value ? value : undefined)),
    referrerName: requiredText("Enter the referrer's name", "The referrer's name"),
    outreachTeam: requiredText('Enter the outreach team', 'The outreach team'),
  })
}
