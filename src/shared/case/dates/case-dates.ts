import type { IsoDate } from '../../dates'
import type { FieldIssue } from '../../validation'
import { CASE_COLLECTIONS, CASE_SECTIONS } from '../changes'
import type { CaseRecord } from '../record'
import { dateErrors } from './date-errors'
import { overlappingAddresses } from './overlapping-addresses'
import { packEmailedBeforeMade } from './pack-emailed-after-made'
import { packEmailedAfterTheDay } from './pack-emailed-before-the-day'
import { packHandedOverAnotherDay } from './pack-handed-over-on-the-day'

/**
 * Every date rule over a whole case, as the forms apply them one save at a time: for a case that
 * arrives whole (`case add --json-file` with a `case show --json` file). Errors refuse it;
 * warnings are said and it is added.
 */
export function caseDateProblems(record: CaseRecord, today: IsoDate): { errors: FieldIssue[]; warnings: string[] } {
  return {
    errors: dateErrors(record, today, { sections: CASE_SECTIONS, collections: CASE_COLLECTIONS }),
    warnings: [...overlappingAddresses(record.addresses, today), ...dayWarnings(record)],
  }
}

/**
 * What Phase 5's dates say that is possible but usually a wrong date: the pack emailed before it was
 * made or after the day, handed over on another.
 */
export function dayWarnings(record: Pick<CaseRecord, 'reconnectionDay' | 'generatedDocuments'>): string[] {
  const { reconnectionDay } = record
  const warnings = [
    packEmailedBeforeMade(record.generatedDocuments, reconnectionDay.packEmailedOn),
    packEmailedAfterTheDay(reconnectionDay, reconnectionDay.packEmailedOn),
    packHandedOverAnotherDay(reconnectionDay),
  ]
  return warnings.filter((warning) => warning !== undefined)
}
