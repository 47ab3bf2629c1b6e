import { describe, expect, it } from 'vitest'
import { typedDateProblem } from './typed-date'

describe('a date as typed', () => {
  const notADate = 'Date must be a date, for example 27/03/2026'

  it('takes a real date, typed the British way or as a file has it', () => {
    for (const typed of ['27/03/2026', ' 7.3.2026 ', '29/02/2024', '2026-03-27']) expect(typedDateProblem(typed, notADate), typed).toBeUndefined()
  })

  it('says of a day the calendar does not have, however it was typed, that it is not a real date', () => {
    expect(typedDateProblem('31/02/2026', notADate)).toBe('31/02/2026 is not a real date')
    expect(typedDateProblem(' 29.02.2023', notADate)).toBe('29.02.2023 is not a real date')
    expect(typedDateProblem('03/27/1985', notADate)).toBe('03/27/1985 is not a real date')
    expect(typedDateProblem('2026-02-31', notADate)).toBe('2026-02-31 is not a real date')
  })

  it("words what is not a date at all in the place's own words", () => {
    for (const typed of ['soon', '27/03/26', '']) expect(typedDateProblem(typed, notADate), typed).toBe(notADate)
  })
})
