import { describe, expect, it } from 'vitest'
import { ageOn, dateOfDayNumber, dayNumber, daysBetween, formatDayAndDate, formatUkDate, isIsoDate, parseUkDate, typedUkDate } from './dates'

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
    expect(formatUkDate('not a date')).toBe('not a date')
  })

  it('knows every month end and leap day, as the calendar does', () => {
    for (const date of ['2000-02-29', '2026-01-31', '2026-04-30', '2026-12-31', '0001-01-01']) expect(isIsoDate(date), date).toBe(true)
    for (const date of ['0000-01-01', '0000-02-29', '1900-02-29', '2100-02-29', '2026-04-31', '2026-13-01', '2026-00-10', '2026-06-00', '2026-06-32']) expect(isIsoDate(date), date).toBe(false)
    // Every day of four years, against the platform's own calendar.
    for (let day = dayNumber('2023-01-01'); day < dayNumber('2027-01-01'); day++) {
      const date = dateOfDayNumber(day)
      expect(isIsoDate(date)).toBe(true)
      expect(formatUkDate(date)).toBe(new Date(`${date}T00:00:00Z`).toLocaleDateString('en-GB', { timeZone: 'UTC' }))
    }
  })

  it('names the weekday of a day to act on', () => {
    expect(formatDayAndDate('2026-11-27')).toBe('Friday 27 November 2026')
    expect(formatDayAndDate('2027-01-04')).toBe('Monday 4 January 2027')
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

describe('daysBetween', () => {
  it('counts calendar days across month ends, leap days and clock changes', () => {
    expect(daysBetween('2026-11-20', '2026-11-23')).toBe(3)
    expect(daysBetween('2024-02-28', '2024-03-01')).toBe(2)
    expect(daysBetween('2026-03-28', '2026-03-30')).toBe(2) // the clocks go forward on the 29th
    expect(daysBetween('2026-10-24', '2026-10-26')).toBe(2) // and back on the 25th
    expect(daysBetween('2026-11-23', '2025-11-23')).toBe(-365)
  })

  it('turns a day number back into the same date', () => {
    for (const date of ['1970-01-01', '2000-02-29', '2026-11-23', '2030-12-31']) expect(dateOfDayNumber(dayNumber(date))).toBe(date)
    expect(dayNumber('1970-01-02')).toBe(1)
  })
})
