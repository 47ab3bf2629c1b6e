import type { FieldIssue } from '../validation'
import { displayValue, type Field } from './fields'

/**
 * A form is open for minutes; a colleague may save the same field meanwhile. Saving over their
 * value without a word would lose it from sight (it stays only in the field's history), so a save
 * that would replace a value someone else saved since this form was opened stops once, shows their
 * value on the field, and goes through only when the person saves again.
 *
 * `base` is what the form started from, `stored` what the case holds now, `changes` what this
 * person changed. Returns one issue per field overtaken (none when nothing was).
 */
export function overtakenFields(
  fields: readonly Field[],
  base: Record<string, unknown>,
  stored: Record<string, unknown>,
  changes: Record<string, unknown>,
): FieldIssue[] {
  return fields
    .filter((field) => field.name in changes && stored[field.name] !== base[field.name] && stored[field.name] !== changes[field.name])
    .map((field) => {
      const theirs = displayValue(field, stored[field.name])
      return {
        field: field.name,
        message: theirs
          ? `Someone else saved ${field.label} as “${theirs}” since you started. Save again to replace it with yours, or cancel to keep theirs`
          : `Someone else cleared ${field.label} since you started. Save again to keep yours, or cancel to leave it empty`,
      }
    })
}

/** The form's starting values once the person has seen what was saved over them: saving again goes through. */
export function seenOvertaken(base: Record<string, unknown>, stored: Record<string, unknown>, issues: readonly FieldIssue[]): Record<string, unknown> {
  return { ...base, ...Object.fromEntries(issues.map((issue) => [issue.field, stored[issue.field]])) }
}
