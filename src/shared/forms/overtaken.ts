import { formatUkDateTime } from '../dates'
import type { PersonRef } from '../people'
import type { FieldIssue } from '../validation'
import type { Field } from './fields'

/**
 * A form is open for minutes; a colleague may save the same field meanwhile. Saving over their
 * value without a word would lose it from sight (it stays only in the field's history), so a save
 * that would replace a value someone else saved since this form was opened stops, and the field
 * shows both values, who saved theirs and when, for the person to keep one ("Keep mine", "Keep
 * theirs"); their other edits on the form wait, kept, for the save.
 *
 * `base` is what the form started from, `stored` what the case holds now, `changes` what this
 * person changed; `savedBy` who saved each field last and when (its history), and `me` who this is.
 * Returns one per field overtaken (none when nothing was).
 */
export function overtakenFields(
  fields: readonly Field[],
  base: Record<string, unknown>,
  stored: Record<string, unknown>,
  changes: Record<string, unknown>,
  savedBy?: (field: string) => LastSave | undefined,
  me?: PersonRef,
): OvertakenField[] {
  return fields
    .filter((field) => field.name in changes && stored[field.name] !== base[field.name] && stored[field.name] !== changes[field.name])
    .map((field) => ({ field, mine: changes[field.name], theirs: stored[field.name], savedBy: whoSaved(savedBy?.(field.name), me) }))
}

/** A field someone else saved while this person's form was open: both values, as stored. */
export interface OvertakenField {
  field: Field
  mine: unknown
  theirs: unknown
  /** Who saved theirs, and when: "Amina Okafor on 30/11/2026 at 09:51 (in another window)". */
  savedBy: string
}

/**
 * The form's error summary line for a field overtaken: short, since the choice itself is made in
 * the panel at the field, which the line links to (`overtakenPanelField`).
 */
export function overtakenIssue(overtaken: OvertakenField): FieldIssue {
  return { field: overtakenPanelField(overtaken.field.name), message: `${overtaken.field.label} was changed while you were typing: choose which to keep` }
}

/** Where the summary's line leads: the panel at the field, not its input. */
export function overtakenPanelField(name: string): string {
  return `${name}-overtaken`
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
function whoSaved(save: LastSave | undefined, me: PersonRef | undefined): string {
  if (!save?.author) return 'someone else, since you started'
  const at = save.at ? ` on ${formatUkDateTime(save.at)}` : ''
  return `${save.author.name}${at}${save.author.id === me?.id ? ' (in another window)' : ''}`
}
