import type { IsoDate } from '../../dates'
import { ValidationError, type FieldIssue } from '../../validation'
import type { CaseRecord } from '../record'
import { dateErrors, type Catalogues } from './date-errors'

/**
 * Applies the date rules (this folder) to one save of one form: `save` runs, and any date problem
 * it makes that the case did not have before is refused, said on the form that was saved. A
 * problem on another form (a step down started before a reconnection date moved later) is said on
 * the date this save changed. Problems the case already had (an older case) do not stop other work.
 */
export function refuseNewDateProblems(
  read: () => CaseRecord,
  today: IsoDate,
  catalogues: Catalogues,
  saved: { path: string; changed: string[] },
  save: () => void,
): void {
  const before = new Set(dateErrors(read(), today, catalogues).map(key))
  save()
  const added = dateErrors(read(), today, catalogues).filter((issue) => !before.has(key(issue)))
  if (added.length === 0) return
  const changedDate = saved.changed.find((name) => dateFieldNames(catalogues, saved.path).has(name)) ?? saved.changed[0] ?? 'date'
  throw new ValidationError(
    added.map((issue) => ({
      field: issue.field.startsWith(`${saved.path}.`) ? issue.field.slice(saved.path.length + 1) : changedDate,
      message: issue.message,
    })),
  )
}

const key = (issue: FieldIssue) => `${issue.field}\n${issue.message}`

function dateFieldNames(catalogues: Catalogues, path: string): Set<string> {
  const [part] = path.split('.')
  const fields = catalogues.sections[part!] ?? catalogues.collections[part!] ?? []
  return new Set(fields.filter((field) => field.kind === 'date').map((field) => field.name))
}
