import { z } from 'zod'
import { isIsoDate, type IsoDate } from '../dates'
import { typedDateProblem } from '../forms/typed-date'
import type { PersonRef } from '../people'

/** How the contact a note records took place (the contact log's types). */
export const NOTE_TYPES = ['face-to-face', 'phone', 'with-agency', 'other'] as const
export type NoteType = (typeof NOTE_TYPES)[number]

export const NOTE_TYPE_LABELS: Record<NoteType, string> = {
  'face-to-face': 'Face to face',
  phone: 'Phone call',
  'with-agency': 'With another agency',
  other: 'Other',
}

/**
 * A case note in the contact log. Notes are append-only: once written a note is not edited; a
 * correction is a new note that names the one it corrects.
 */
export interface CaseNote {
  id: string
  /** The day of the contact. */
  date: IsoDate
  type: NoteType
  text: string
  author: PersonRef
  /** When the note was written (ISO instant). */
  writtenAt: string
  corrects?: string
}

export const MAX_NOTE_LENGTH = 20_000

export function noteInputSchema(today: IsoDate) {
  return z.object({
    date: z
      .string({ message: 'Enter the date of the contact' })
      .refine(isIsoDate, { error: (issue) => typedDateProblem(String(issue.input), 'Enter the date of the contact, for example 27/03/2026') })
      .refine((date) => date <= today, 'The date of the contact cannot be in the future'),
    type: z.enum(NOTE_TYPES, { message: 'Choose how the contact took place' }),
    text: z
      .string({ message: 'Write the note' })
      .trim()
      .min(1, 'Write the note')
      .max(MAX_NOTE_LENGTH, `A note must be ${MAX_NOTE_LENGTH.toLocaleString('en-GB')} characters or fewer`),
    corrects: z.string().optional(),
  })
}
export type NoteInput = z.input<ReturnType<typeof noteInputSchema>>
