import { formatUkDate, type IsoDate } from '../../dates'
import type { FieldIssue } from '../../validation'

/**
 * A warning marker ends on the day it was raised or after it, never before: a marker that was never
 * current would hide when workers were, or were not, warned. Said on the end date.
 */
export function markerEndedBeforeRaised(marker: { raisedOn?: IsoDate; endedOn?: IsoDate }): FieldIssue | undefined {
  const { raisedOn, endedOn } = marker
  if (!raisedOn || !endedOn || endedOn >= raisedOn) return undefined
  return { field: 'endedOn', message: `Ended on (${formatUkDate(endedOn)}) cannot be before the marker was raised (${formatUkDate(raisedOn)})` }
}
