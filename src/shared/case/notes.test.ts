import { describe, expect, it } from 'vitest'
import { validate } from '../validation'
import { noteInputSchema } from './notes'

describe("a contact log note's date", () => {
  const note = (date: string) => validate(noteInputSchema('2026-11-30'), { date, type: 'phone', text: 'Rang his sister' })

  it('says of a day the calendar does not have what every form says', () => {
    expect(note('31/02/2026')).toEqual({ ok: false, issues: [{ field: 'date', message: '31/02/2026 is not a real date' }] })
  })

  it('asks for the date of the contact when what was typed is not a date', () => {
    expect(note('last week')).toEqual({ ok: false, issues: [{ field: 'date', message: 'Enter the date of the contact, for example 27/03/2026' }] })
  })

  it('takes a real date, not after today', () => {
    expect(note('2026-11-30').ok).toBe(true)
    expect(note('2026-12-01')).toEqual({ ok: false, issues: [{ field: 'date', message: 'The date of the contact cannot be in the future' }] })
  })
})
