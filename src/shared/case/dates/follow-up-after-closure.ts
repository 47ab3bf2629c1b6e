import { formatUkDate, type IsoDate } from '../../dates'
import type { FieldIssue } from '../../validation'
import type { CaseRecord } from '../record'

/**
 * A follow-up check is made after the case closed (3 and 6 months after, `follow-ups.ts`), so it is
 * never dated before the case's first closure. The first, not the latest: a case reopened and
 * closed again keeps the checks made after its earlier closure, and closing it again must not be
 * refused for them.
 */
export function followUpBeforeClosure(followUp: { doneOn?: IsoDate }, record: Pick<CaseRecord, 'outcome' | 'phaseHistory'>): FieldIssue | undefined {
  const closedOn = firstClosure(record)
  if (!closedOn || !followUp.doneOn || followUp.doneOn >= closedOn) return undefined
  return { field: 'doneOn', message: `Checked on (${formatUkDate(followUp.doneOn)}) cannot be before the case was closed (${formatUkDate(closedOn)})` }
}

/** The day the case first closed: its closure now, or one a reopening undid. */
function firstClosure(record: Pick<CaseRecord, 'outcome' | 'phaseHistory'>): IsoDate | undefined {
  const closures = [record.outcome?.closedOn, ...record.phaseHistory.map((entry) => entry.undid?.closedOn)].filter((day) => day !== undefined)
  return closures.sort()[0]
}
