import { dateOfDayNumber, dayNumber, type IsoDate } from '../dates'
import { ENGLAND_AND_WALES_BANK_HOLIDAYS, FIRST_YEAR, LAST_YEAR } from './bank-holidays'

// Counted in day numbers: the board counts working days for every unallocated referral each time
// it opens, so a day costs a few integer operations, not a date parsed and formatted.
const HOLIDAYS = new Set(ENGLAND_AND_WALES_BANK_HOLIDAYS.map(dayNumber))
const FIRST_DAY = dayNumber(`${FIRST_YEAR}-01-01`)
const LAST_DAY = dayNumber(`${LAST_YEAR}-12-31`)

export class OutsideCalendarError extends Error {
  constructor(date: IsoDate) {
    super(`No bank holiday data for ${date.slice(0, 4)}: Homeward knows ${FIRST_YEAR} to ${LAST_YEAR}`)
    this.name = 'OutsideCalendarError'
  }
}

/** Monday to Friday and not a bank holiday in England and Wales. */
export function isWorkingDay(date: IsoDate): boolean {
  return isWorkingDayNumber(dayNumber(date))
}

function isWorkingDayNumber(day: number): boolean {
  if (day < FIRST_DAY || day > LAST_DAY) throw new OutsideCalendarError(dateOfDayNumber(day))
  // Day 0, 1 January 1970, was a Thursday: (day + 4) % 7 counts from Sunday.
  const weekday = (day + 4) % 7
  return weekday !== 0 && weekday !== 6 && !HOLIDAYS.has(day)
}

/**
 * Working days after `from`, up to and including `to`: a referral received on a Friday and
 * assessed on the Monday took one working day. Zero when `to` is not after `from`.
 */
export function workingDaysBetween(from: IsoDate, to: IsoDate): number {
  const last = dayNumber(to)
  let count = 0
  for (let day = dayNumber(from) + 1; day <= last; day++) {
    if (isWorkingDayNumber(day)) count++
  }
  return count
}

/** The date `n` working days after `from`. */
export function addWorkingDays(from: IsoDate, n: number): IsoDate {
  let day = dayNumber(from)
  let left = n
  while (left > 0) {
    day++
    if (isWorkingDayNumber(day)) left--
  }
  return dateOfDayNumber(day)
}
