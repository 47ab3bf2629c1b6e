import { describe, expect, it } from 'vitest'
import { getDay, parseISO } from 'date-fns'
import { ENGLAND_AND_WALES_BANK_HOLIDAYS } from './bank-holidays'
import { addWorkingDays, isWorkingDay, OutsideCalendarError, workingDaysBetween } from './working-days'

describe('bank holidays in England and Wales', () => {
  it('has eight a year, plus the published one-off days, never on a weekend', () => {
    const byYear = new Map<string, number>()
    for (const date of ENGLAND_AND_WALES_BANK_HOLIDAYS) byYear.set(date.slice(0, 4), (byYear.get(date.slice(0, 4)) ?? 0) + 1)
    const oneOffs: Record<string, number> = { '2022': 2, '2023': 1 } // Jubilee + funeral; Coronation
    for (let year = 2018; year <= 2030; year++) expect(byYear.get(String(year)), String(year)).toBe(8 + (oneOffs[year] ?? 0))
    for (const date of ENGLAND_AND_WALES_BANK_HOLIDAYS) expect([0, 6], date).not.toContain(getDay(parseISO(date)))
  })

  it.each([
    ['2020-05-08', 'VE Day (early May moved)'],
    ['2022-06-02', 'spring holiday moved for the Jubilee'],
    ['2022-06-03', 'Platinum Jubilee'],
    ['2022-09-19', 'State Funeral of Queen Elizabeth II'],
    ['2023-05-08', 'Coronation of King Charles III'],
    ['2026-12-28', 'Boxing Day substitute (26/12/2026 is a Saturday)'],
    ['2027-12-27', 'Christmas Day substitute (25/12/2027 is a Saturday)'],
    ['2028-01-03', 'New Year substitute (01/01/2028 is a Saturday)'],
  ])('%s is a bank holiday: %s', (date) => {
    expect(isWorkingDay(date)).toBe(false)
  })

  it.each(['2020-05-04', '2022-05-30', '2026-12-24', '2026-12-29'])('%s is an ordinary working day', (date) => {
    expect(isWorkingDay(date)).toBe(true)
  })
})

describe('working days', () => {
  it('skips weekends', () => {
    expect(workingDaysBetween('2026-11-20', '2026-11-23')).toBe(1) // Friday to Monday
    expect(workingDaysBetween('2026-11-20', '2026-11-22')).toBe(0) // Friday to Sunday
    expect(workingDaysBetween('2026-11-23', '2026-11-23')).toBe(0)
    expect(workingDaysBetween('2026-11-24', '2026-11-23')).toBe(0)
  })

  it('skips bank holidays, including Easter and substitute days', () => {
    expect(workingDaysBetween('2026-04-02', '2026-04-07')).toBe(1) // Thursday; Good Friday and Easter Monday off
    expect(workingDaysBetween('2026-12-24', '2026-12-31')).toBe(3) // 25th, 28th off; 29, 30, 31 count
    expect(addWorkingDays('2026-12-23', 3)).toBe('2026-12-30')
    expect(addWorkingDays('2026-11-20', 3)).toBe('2026-11-25')
  })

  it('refuses years it has no data for, rather than guessing', () => {
    expect(() => isWorkingDay('2031-01-06')).toThrow(OutsideCalendarError)
  })
})
