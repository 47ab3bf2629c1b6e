import { formatUkDateTime } from '../dates'
import type { PersonRef } from '../people'
import type { FieldIssue } from '../validation'
import { displayValue, type Field } from './fields'

/**
 * A form is open for minutes; a colleague may save the same field meanwhile. Saving over their
 * value without a word would lose it from sight (it stays only in the field's history), so a save
 * that would replace a value someone else saved since this form was opened stops once, shows their
 * value on the field, and goes through only when the person saves again.
 *
 * `base` is what the form started from, `stored` what the case holds now, `changes` what this
 * person changed; `savedBy` who saved each field last and when (its history), and `me` who this is.
 * Returns one issue per field overtaken (none when nothing was).
 */
export function overtakenFields(
  fields: readonly Field[],
  base: Record<string, unknown>,
  stored: Record<string, unknown>,
  changes: Record<string, unknown>,
  savedBy?: (field: string) => LastSave | undefined,
  me?: PersonRef,
): FieldIssue[] {
  return fields
    .filter((field) => field.name in changes && stored[field.name] !== base[field.name] && stored[field.name] !== changes[field.name])
    .map((field) => {
      const theirs = displayValue(field, stored[field.name])
      const who = whoSaved(savedBy?.(field.name), me)
      return {
        field: field.name,
        message: theirs
          ? `${who.name} saved ${field.label} as “${theirs}” ${who.when}. Save again to replace it with yours, or cancel to keep theirs`
          : `${who.name} cleared ${field.label} ${who.when}. Save again to keep yours, or cancel to leave it empty`,
      }
    })
}

/** The form's starting values once the person has seen what was saved over them: saving again goes through. */
export function seenOvertaken(base: Record<string, unknown>, stored: Record<string, unknown>, issues: readonly FieldIssue[]): Record<string, unknown> {
  return { ...base, ...Object.fromEntries(issues.map((issue) => [issue.field, stored[issue.field]])) }
}

/** The field's last save, from its history. */
export interface LastSave {
  author: PersonRef | undefined
  at: string | undefined
}

/**
 * Who saved over the form, and when: by name and time where the history knows them, "in another
 * window" where it was this same person (two windows on one case), else "someone else".
 */
function whoSaved(save: LastSave | undefined, me: PersonRef | undefined): { name: string; when: string } {
  if (!save?.author) return { name: 'Someone else', when: 'since you started' }
  const at = save.at ? `on ${formatUkDateTime(save.at)}` : 'since you started'
  return { name: save.author.name, when: save.author.id === me?.id ? `${at} (in another window)` : at }
}
