import { describe, expect, it } from 'vitest'
import { ageOn, formatUkDate, isIsoDate, parseUkDate, typedUkDate } from './dates'

describe('en-GB dates', () => {
  it('reads dates typed the British way', () => {
    expect(parseUkDate('27/03/1985')).toBe('1985-03-27')
    expect(parseUkDate('7/3/1985')).toBe('1985-03-07')
    expect(parseUkDate(' 27.03.1985 ')).toBe('1985-03-27')
    expect(parseUkDate('29/02/2024')).toBe('2024-02-29')
  })

  it('refuses what is not a real date', () => {
    for (const text of ['29/02/2023', '31/04/2020', '03/27/1985', '1985-03-27', '27/03/85', '', 'yesterday']) {
      expect(parseUkDate(text), text).toBeUndefined()
    }
  })

  it('checks stored dates and writes them DD/MM/YYYY', () => {
    expect(isIsoDate('2024-02-29')).toBe(true)
    expect(isIsoDate('2023-02-29')).toBe(false)
    expect(isIsoDate('2023-2-28')).toBe(false)
    expect(formatUkDate('1985-03-27')).toBe('27/03/1985')
  })

  it('counts age in whole years', () => {
    expect(ageOn('1985-03-27', '2026-03-26')).toBe(40)
    expect(ageOn('1985-03-27', '2026-03-27')).toBe(41)
  })
})

describe('typedUkDate', () => {
  it('gives the stored form, or what was typed for the schema to explain, or nothing', () => {
    expect(typedUkDate(' 27/03/1985 ')).toBe('1985-03-27')
    expect(typedUkDate('31/02/1990')).toBe('31/02/1990')
    expect(typedUkDate('   ')).toBe('')
  })
})
