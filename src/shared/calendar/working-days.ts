import { dateOfDayNumber, dayNumber, type IsoDate } from '../dates'
import { bankHolidayDayNumbers } from './bank-holidays'

// Counted in day numbers: the board counts working days for every unallocated referral each time
// it opens, so a day costs a few integer operations, not a date parsed and formatted.

/** Monday to Friday and not a bank holiday in England and Wales. */
export function isWorkingDay(date: IsoDate): boolean {
  return isWorkingDayNumber(dayNumber(date))
}

function isWorkingDayNumber(day: number): boolean {
  // Day 0, 1 January 1970, was a Thursday: (day + 4) % 7 counts from Sunday.
  const weekday = (day + 4) % 7
  if (weekday === 0 || weekday === 6) return false
  // A day number counts milliseconds in whole days from 1970, as Date does.
  return !bankHolidayDayNumbers(new Date(day * 86_400_000).getUTCFullYear()).has(day)
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

/** The working day before `date`: a day's work "the day before" a Monday is done on the Friday. */
export function workingDayBefore(date: IsoDate): IsoDate {
  let day = dayNumber(date) - 1
  while (!isWorkingDayNumber(day)) day--
  return dateOfDayNumber(day)
}

/** `date` itself when it is a working day, else the next one: a task never falls due on a weekend or bank holiday. */
export function workingDayFrom(date: IsoDate): IsoDate {
  let day = dayNumber(date)
  while (!isWorkingDayNumber(day)) day++
  return dateOfDayNumber(day)
}
