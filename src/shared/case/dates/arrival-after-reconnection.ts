import { formatUkDate, type IsoDate } from '../../dates'
import type { FieldIssue } from '../../validation'

/**
 * Arrival in the destination is confirmed on the day of reconnection or after it (Phase 5), never
 * before: the client cannot arrive before they travel.
 */
export function arrivalBeforeReconnection(reconnectionDay: { date?: IsoDate; arrivedOn?: IsoDate }): FieldIssue | undefined {
  const { date, arrivedOn } = reconnectionDay
  if (!date || !arrivedOn || arrivedOn >= date) return undefined
  return {
    field: 'arrivedOn',
    message: `Arrival confirmed on (${formatUkDate(arrivedOn)}) cannot be before the date of reconnection (${formatUkDate(date)})`,
  }
}
