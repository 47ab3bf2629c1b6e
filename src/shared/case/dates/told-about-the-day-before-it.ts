import { formatUkDate, type IsoDate } from '../../dates'
import type { FieldIssue } from '../../validation'

/**
 * Phase 5: the client is given "detailed information about what a client should expect on the day
 * of reconnection" before it, or at the latest that morning: told after the day is a wrong date.
 */
export function toldAfterTheDay(reconnectionDay: { date?: IsoDate; clientToldAboutDayOn?: IsoDate }): FieldIssue | undefined {
  const { date, clientToldAboutDayOn: told } = reconnectionDay
  if (!date || !told || told <= date) return undefined
  return {
    field: 'clientToldAboutDayOn',
    message: `The client cannot be told what to expect on the day (${formatUkDate(told)}) after the date of reconnection (${formatUkDate(date)})`,
  }
}
