import type { IsoDate } from '../dates'
import { clientAgeBand } from './age-band'
import { EQUALITY_FIELDS, type EqualityMonitoring } from './equality'

/**
 * How each equality question stands. "Prefer not to say" is the client's answer (they were asked
 * and chose not to say), never a gap in the record; a question left blank or set to "Not asked" was
 * not asked, and is never read as an answer.
 */
export type EqualityState = 'answered' | 'prefer-not-to-say' | 'not-asked'

export interface EqualityAnswer {
  name: (typeof EQUALITY_FIELDS)[number]['name']
  label: string
  /** The answer as a person reads it: "Prefer not to say" and "Not asked" included. */
  shown: string
  state: EqualityState
}

export function equalityState(value: string | undefined): EqualityState {
  if (value === undefined || value === '' || value === 'not-asked') return 'not-asked'
  return value === 'prefer-not-to-say' ? 'prefer-not-to-say' : 'answered'
}

/** Every equality question with its answer; the age band from the date of birth where known. */
export function equalityAnswers(
  record: { referral: { dateOfBirth?: IsoDate | undefined }; equality: EqualityMonitoring },
  today: IsoDate,
): EqualityAnswer[] {
  return EQUALITY_FIELDS.map((field) => {
    const value: string | undefined = field.name === 'ageBand' ? clientAgeBand(record, today) : record.equality[field.name]
    const state = equalityState(value)
    const options: readonly { value: string; label: string }[] = field.options
    const shown = state === 'not-asked' ? 'Not asked' : (options.find((option) => option.value === value)?.label ?? String(value))
    return { name: field.name, label: field.label, shown, state }
  })
}

/** True when the client was asked this question: answered, or preferred not to say. */
export function wasAsked(answer: EqualityAnswer): boolean {
  return answer.state !== 'not-asked'
}
