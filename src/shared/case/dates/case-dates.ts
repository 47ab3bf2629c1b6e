import type { IsoDate } from '../../dates'
import type { Field } from '../../forms/fields'
import type { FieldIssue } from '../../validation'
import { CASE_COLLECTIONS, CASE_SECTIONS } from '../changes'
import type { CaseRecord } from '../record'
import { endsBeforeItStarts } from './ends-after-it-starts'
import { afterToday } from './happened-by-today'
import { overlappingAddresses } from './overlapping-addresses'
import { reconnectionBeforeReferral } from './reconnection-after-referral'

/**
 * Every date rule over a whole case, as the forms apply them one save at a time: for a case that
 * arrives whole (`case add --json-file` with a `case show --json` file). Errors refuse it;
 * warnings are said and it is added.
 */
export function caseDateProblems(record: CaseRecord, today: IsoDate): { errors: FieldIssue[]; warnings: string[] } {
  const errors = datesAfterToday(record, today)
  for (const collection of ['addresses', 'employment'] as const) {
    for (const [id, period] of Object.entries(record[collection])) {
      const issue = endsBeforeItStarts(period)
      if (issue) errors.push({ field: `${collection}.${id}.${issue.field}`, message: issue.message })
    }
  }
  const early = reconnectionBeforeReferral(record.referral, record.reconnectionDay)
  if (early) errors.push({ field: `reconnectionDay.${early.field}`, message: early.message })
  return { errors, warnings: overlappingAddresses(record.addresses, today) }
}

/** Every such date of a whole case (an imported `case show --json` file), each by its path. */
function datesAfterToday(record: CaseRecord, today: IsoDate): FieldIssue[] {
  const issues: (FieldIssue | undefined)[] = []
  const catalogued = (path: string, fields: readonly Field[], values: Record<string, unknown>) => {
    for (const field of fields) {
      if (field.kind === 'date' && field.notFuture) issues.push(afterToday(`${path}.${field.name}`, field.label, values[field.name] as IsoDate | undefined, today))
    }
  }
  for (const [section, fields] of Object.entries(CASE_SECTIONS)) catalogued(section, fields, record[section as keyof typeof CASE_SECTIONS] as Record<string, unknown>)
  for (const [collection, fields] of Object.entries(CASE_COLLECTIONS)) {
    for (const [id, item] of Object.entries(record[collection as keyof typeof CASE_COLLECTIONS])) catalogued(`${collection}.${id}`, fields, item)
  }
  issues.push(
    afterToday('referral.receivedOn', 'Referral received on', record.referral.receivedOn, today),
    afterToday('referral.decidedOn', 'Date of decision', record.referral.decidedOn, today),
    afterToday('allocation.allocatedOn', 'Allocated on', record.allocation.allocatedOn, today),
    afterToday('outcome.closedOn', 'Case closed on', record.outcome?.closedOn, today),
    afterToday('wellbeing.start.on', 'Wellbeing scored on', record.wellbeing.start?.on, today),
    afterToday('wellbeing.closure.on', 'Wellbeing scored on', record.wellbeing.closure?.on, today),
    afterToday('closure.learningPointsLoggedOn', 'Learning points logged on', record.closure.learningPointsLoggedOn, today),
    ...record.notes.map((note, i) => afterToday(`notes.${i}.date`, 'Date of contact', note.date, today)),
  )
  return issues.filter((issue) => issue !== undefined)
}
