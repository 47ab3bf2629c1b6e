import { addDays, differenceInCalendarDays, isWeekend, parseISO } from 'date-fns'
import { isoDateOf, type IsoDate } from '../dates'
import { ENGLAND_AND_WALES_BANK_HOLIDAYS, FIRST_YEAR, LAST_YEAR } from './bank-holidays'

const HOLIDAYS = new Set(ENGLAND_AND_WALES_BANK_HOLIDAYS)

export class OutsideCalendarError extends Error {
  constructor(date: IsoDate) {
    super(`No bank holiday data for ${date.slice(0, 4)}: Homeward knows ${FIRST_YEAR} to ${LAST_YEAR}`)
    this.name = 'OutsideCalendarError'
  }
}

/** Monday to Friday and not a bank holiday in England and Wales. */
export function isWorkingDay(date: IsoDate): boolean {
  const year = Number(date.slice(0, 4))
  if (year < FIRST_YEAR || year > LAST_YEAR) throw new OutsideCalendarError(date)
  return !isWeekend(parseISO(date)) && !HOLIDAYS.has(date)
}

/**
 * Working days after `from`, up to and including `to`: a referral received on a Friday and
 * assessed on the Monday took one working day. Zero when `to` is not after `from`.
 */
export function workingDaysBetween(from: IsoDate, to: IsoDate): number {
  const start = parseISO(from)
  const days = differenceInCalendarDays(parseISO(to), start)
  let count = 0
  for (let i = 1; i <= days; i++) {
    if (isWorkingDay(isoDateOf(addDays(start, i)))) count++
  }
  return count
}

/** The date `n` working days after `from`. */
export function addWorkingDays(from: IsoDate, n: number): IsoDate {
  let date = parseISO(from)
  let left = n
  while (left > 0) {
    date = addDays(date, 1)
    if (isWorkingDay(isoDateOf(date))) left--
  }
  return isoDateOf(date)
}
