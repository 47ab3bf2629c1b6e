import { describe, expect, it } from 'vitest'
import { financialYearStart } from './financial-year'

describe('financialYearStart', () => {
  it.each([
    ['2026-11-30', '2026-04-01'],
    ['2026-04-01', '2026-04-01'],
    ['2026-03-31', '2025-04-01'],
    ['2027-01-01', '2026-04-01'],
  ])('%s is in the financial year from %s', (day, start) => {
    expect(financialYearStart(day)).toBe(start)
  })
})
