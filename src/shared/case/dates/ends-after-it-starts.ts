import { formatUkDate, type IsoDate } from '../../dates'
import type { FieldIssue } from '../../validation'

/**
 * A period (an address lived at, a job held) cannot end before it starts. Ending on the day it
 * started is possible: a night somewhere. Says so on the `to` field, where the mistake usually is.
 */
export function endsBeforeItStarts(period: { from?: IsoDate; to?: IsoDate }): FieldIssue | undefined {
  if (!period.from || !period.to || period.to >= period.from) return undefined
  return { field: 'to', message: `Until (${formatUkDate(period.to)}) cannot be before the start (${formatUkDate(period.from)})` }
}
