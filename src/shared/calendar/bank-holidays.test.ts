import { describe, expect, it } from 'vitest'
import { bankHolidaysIn } from './bank-holidays'

/**
 * GOV.UK's published list of bank holidays in England and Wales (gov.uk/bank-holidays), written
 * out by hand so the computed days are checked against the official ones, not against themselves.
 */
const OFFICIAL: Record<number, string[]> = {
  2019: ['2019-01-01', '2019-04-19', '2019-04-22', '2019-05-06', '2019-05-27', '2019-08-26', '2019-12-25', '2019-12-26'],
  // Early May moved to Friday 8 May for the 75th anniversary of VE Day; Boxing Day on a Saturday, so Monday 28th.
  2020: ['2020-01-01', '2020-04-10', '2020-04-13', '2020-05-08', '2020-05-25', '2020-08-31', '2020-12-25', '2020-12-28'],
  // Christmas Day and Boxing Day on a weekend: Monday 27th and Tuesday 28th.
  2021: ['2021-01-01', '2021-04-02', '2021-04-05', '2021-05-03', '2021-05-31', '2021-08-30', '2021-12-27', '2021-12-28'],
  // New Year's Day on a Saturday; spring holiday moved to 2 June, Platinum Jubilee 3 June; the
  // State Funeral of Queen Elizabeth II 19 September; Christmas Day on a Sunday, so Tuesday 27th.
  2022: [
    '2022-01-03', '2022-04-15', '2022-04-18', '2022-05-02', '2022-06-02', '2022-06-03', '2022-08-29', '2022-09-19',
    '2022-12-26', '2022-12-27',
  ],
  // New Year's Day on a Sunday; the Coronation of King Charles III 8 May.
  2023: ['2023-01-02', '2023-04-07', '2023-04-10', '2023-05-01', '2023-05-08', '2023-05-29', '2023-08-28', '2023-12-25', '2023-12-26'],
  2024: ['2024-01-01', '2024-03-29', '2024-04-01', '2024-05-06', '2024-05-27', '2024-08-26', '2024-12-25', '2024-12-26'],
  2025: ['2025-01-01', '2025-04-18', '2025-04-21', '2025-05-05', '2025-05-26', '2025-08-25', '2025-12-25', '2025-12-26'],
  // Boxing Day on a Saturday: Monday 28th.
  2026: ['2026-01-01', '2026-04-03', '2026-04-06', '2026-05-04', '2026-05-25', '2026-08-31', '2026-12-25', '2026-12-28'],
  // Christmas Day and Boxing Day on a weekend: Monday 27th and Tuesday 28th.
  2027: ['2027-01-01', '2027-03-26', '2027-03-29', '2027-05-03', '2027-05-31', '2027-08-30', '2027-12-27', '2027-12-28'],
}

describe('bank holidays in England and Wales', () => {
  it.each(Object.entries(OFFICIAL))('%s matches the GOV.UK list, one-off days included', (year, official) => {
    expect(bankHolidaysIn(Number(year))).toEqual(official)
  })

  it('computes a year GOV.UK has not published: 2035, Easter Sunday 25 March', () => {
    expect(bankHolidaysIn(2035)).toEqual([
      '2035-01-01', // Monday
      '2035-03-23', // Good Friday
      '2035-03-26', // Easter Monday
      '2035-05-07', // first Monday in May
      '2035-05-28', // last Monday in May
      '2035-08-27', // last Monday in August
      '2035-12-25',
      '2035-12-26',
    ])
  })
})
