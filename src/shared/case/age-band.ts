import { ageOn, type IsoDate } from '../dates'
import { AGE_BANDS, type AgeBand } from './equality'

/** Each band's youngest age, in the order of `AGE_BANDS`. */
const YOUNGEST: Record<AgeBand, number> = {
  'under-18': 0,
  '18-24': 18,
  '25-34': 25,
  '35-44': 35,
  '45-54': 45,
  '55-64': 55,
  '65-plus': 65,
}

/**
 * The client's age band on a day, from their date of birth: a band moves on their birthday. The
 * band is never stored when the date of birth is known (it would go stale as they age); an age band
 * typed on the equality form counts only for a client whose date of birth is not known.
 */
export function ageBandOn(dateOfBirth: IsoDate, today: IsoDate): AgeBand {
  const age = ageOn(dateOfBirth, today)
  return [...AGE_BANDS].reverse().find((band) => age >= YOUNGEST[band.value])!.value
}

/** The client's age band: from the date of birth where known, else as recorded (or not asked). */
export function clientAgeBand(
  record: { referral: { dateOfBirth?: IsoDate | undefined }; equality: { ageBand?: AgeBand | 'not-asked' | 'prefer-not-to-say' | undefined } },
  today: IsoDate,
): AgeBand | 'not-asked' | 'prefer-not-to-say' {
  if (record.referral.dateOfBirth) return ageBandOn(record.referral.dateOfBirth, today)
  return record.equality.ageBand ?? 'not-asked'
}
