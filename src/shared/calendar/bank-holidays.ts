import Holidays from 'date-holidays'
import { dayNumber, type IsoDate } from '../dates'

/**
 * Bank holidays in England and Wales for any year, computed by rule (Banking and Financial
 * Dealings Act 1971: Easter, the May and August Mondays, substitute days for weekends) by the
 * maintained library date-holidays, with the one-off days it knows: the VE Day move (8 May 2020),
 * the Platinum Jubilee (2 and 3 June 2022), the State Funeral of Queen Elizabeth II
 * (19 September 2022), the Coronation (8 May 2023). A one-off day announced later arrives with an
 * update of the library, not an edit here.
 */
export const BANK_HOLIDAYS_SOURCE = 'date-holidays (England), checked against GOV.UK bank holidays for England and Wales'

// England's and Wales's bank holidays are the same days; observances (Mother's Day) are not days off.
const rules = new Holidays('GB', 'ENG', { types: ['public', 'bank'] })
const byYear = new Map<number, ReadonlySet<number>>()

/** The bank holidays of one year that fall on a weekday (a weekend one is replaced by a substitute day). */
export function bankHolidaysIn(year: number): IsoDate[] {
  return rules
    .getHolidays(year)
    .map((holiday) => holiday.date.slice(0, 10))
    .filter((date) => ![0, 6].includes(new Date(date).getUTCDay()))
}

/** The same, as day numbers, computed once a year is first asked about. */
export function bankHolidayDayNumbers(year: number): ReadonlySet<number> {
  let days = byYear.get(year)
  if (!days) {
    days = new Set(bankHolidaysIn(year).map(dayNumber))
    byYear.set(year, days)
  }
  return days
}
