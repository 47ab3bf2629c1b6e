import { differenceInYears, format, isValid, parse, parseISO } from 'date-fns'

/** A calendar date as stored: `YYYY-MM-DD`, with no time or zone. */
export type IsoDate = string

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/

/** `YYYY-MM-DD` and a day the calendar has. By arithmetic, not by parsing: the board and the lists check every date they show. */
export function isIsoDate(value: string): boolean {
  if (!ISO_DATE.test(value)) return false
  const year = Number(value.slice(0, 4))
  const month = Number(value.slice(5, 7))
  const day = Number(value.slice(8, 10))
  // Year 0 is none of the calendar's (date-fns, which this replaced, read 0000 as year 1).
  return year >= 1 && month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month)
}

function daysInMonth(year: number, month: number): number {
  if (month !== 2) return [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1]!
  return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28
}

/** Today's date where the user is, as an IsoDate. */
export function isoDateOf(moment: Date): IsoDate {
  return format(moment, 'yyyy-MM-dd')
}

/**
 * Reads a date typed the British way (27/03/1985, 27/3/1985, 27-03-1985, 27.03.1985).
 * Returns undefined for anything that is not a real calendar date.
 */
export function parseUkDate(text: string): IsoDate | undefined {
  const match = /^\s*(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})\s*$/.exec(text)
  if (!match) return undefined
  const [, day, month, year] = match
  const date = parse(`${day}/${month}/${year}`, 'd/M/yyyy', new Date(2000, 0, 1))
  return isValid(date) ? isoDateOf(date) : undefined
}

/**
 * A date as typed on a form, ready for a schema: the stored form when it reads as a British date,
 * else what was typed (so the schema's own message explains what is wrong), and '' for nothing.
 */
export function typedUkDate(text: string): string {
  const typed = text.trim()
  return typed === '' ? '' : (parseUkDate(typed) ?? typed)
}

/** 27/03/1985 */
export function formatUkDate(value: IsoDate): string {
  return isIsoDate(value) ? `${value.slice(8, 10)}/${value.slice(5, 7)}/${value.slice(0, 4)}` : value
}

/** 23 November 2026, as a letter is dated. */
export function formatLongDate(value: IsoDate): string {
  return isIsoDate(value) ? format(parseISO(value), 'd MMMM yyyy') : value
}

/** Friday 27 November 2026: a day someone must act by or on, its weekday named so it cannot be misread. */
export function formatDayAndDate(value: IsoDate): string {
  return isIsoDate(value) ? format(parseISO(value), 'EEEE d MMMM yyyy') : value
}

/** The day, where the user is, of a moment (ISO instant): 27/03/2026. */
export function formatUkDayOf(instant: string): string {
  const date = parseISO(instant)
  return isValid(date) ? format(date, 'dd/MM/yyyy') : instant
}

/** 27/03/2026 at 14:05, for a moment such as when a note was written. */
export function formatUkDateTime(instant: string): string {
  const date = parseISO(instant)
  return isValid(date) ? format(date, "dd/MM/yyyy 'at' HH:mm") : instant
}

const DAY_MS = 86_400_000

/**
 * A calendar date as a whole number of days since 1 January 1970: arithmetic on dates without
 * time zones or clock changes, and cheap enough for counting over thousands of cases.
 */
export function dayNumber(date: IsoDate): number {
  return Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10))) / DAY_MS
}

export function dateOfDayNumber(day: number): IsoDate {
  return new Date(day * DAY_MS).toISOString().slice(0, 10)
}

/** Calendar days from one date to another: 1 from a Monday to the Tuesday, negative backwards. */
export function daysBetween(from: IsoDate, to: IsoDate): number {
  return dayNumber(to) - dayNumber(from)
}

export function ageOn(dateOfBirth: IsoDate, today: IsoDate): number {
  return differenceInYears(parseISO(today), parseISO(dateOfBirth))
}
