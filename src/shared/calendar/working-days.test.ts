import { describe, expect, it } from 'vitest'
import { addWorkingDays, isWorkingDay, workingDayBefore, workingDayFrom, workingDaysBetween } from './working-days'

describe('working days', () => {
  it.each(['2020-05-08', '2022-06-03', '2022-09-19', '2023-05-08', '2026-12-28', '2027-12-27', '2028-01-03'])(
    '%s is a bank holiday, not a working day',
    (date) => {
      expect(isWorkingDay(date)).toBe(false)
    },
  )

  it.each(['2020-05-04', '2022-05-30', '2026-12-24', '2026-12-29'])('%s is an ordinary working day', (date) => {
    expect(isWorkingDay(date)).toBe(true)
  })

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

  it('counts any year, across the turn of a year, well past 2030', () => {
    // Thursday 20/3/2031; Good Friday 11/4 and Easter Monday 14/4 2031 are later, so only the weekend is skipped.
    expect(workingDaysBetween('2031-03-20', '2031-03-24')).toBe(2)
    expect(workingDaysBetween('2035-03-22', '2035-03-27')).toBe(1) // Thursday; Good Friday and Easter Monday off
    expect(addWorkingDays('2040-12-24', 2)).toBe('2040-12-28') // Monday 24th; 25th and 26th off
    expect(workingDaysBetween('2030-12-31', '2031-01-02')).toBe(1) // New Year's Day 2031 off
  })

  it('finds the working day before a day, and the first working day from one', () => {
    expect(workingDayBefore('2026-11-24')).toBe('2026-11-23') // Tuesday: Monday
    expect(workingDayBefore('2026-11-23')).toBe('2026-11-20') // Monday: Friday
    expect(workingDayBefore('2026-04-07')).toBe('2026-04-02') // after Easter Monday: the Thursday before Good Friday
    expect(workingDayFrom('2026-11-23')).toBe('2026-11-23')
    expect(workingDayFrom('2026-11-21')).toBe('2026-11-23') // Saturday: Monday
    expect(workingDayFrom('2026-12-25')).toBe('2026-12-29') // Christmas Day, a Friday; the weekend and Boxing Day's Monday off
  })
})
