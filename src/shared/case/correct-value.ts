import * as Automerge from '@automerge/automerge/slim'
import { authoredBy } from '../authorship'
import { unsettledConflicts } from '../automerge/field-history'
import { toPlain, toStored } from '../automerge/registers'
import { formSchema, type Field } from '../forms/fields'
import type { Person } from '../people'
import { ValidationError } from '../validation'
import { validate } from '../validation'
import { CASE_COLLECTIONS, CASE_SECTIONS, type ChangeContext } from './changes'
import { upgradeRecord } from './migrations'
import type { CaseDoc } from './record'

/**
 * Correcting a wrong value so that it is gone from the case's history, not only hidden. Automerge
 * keeps every change, so a value typed once stays in every copy of the document however often it
 * is overwritten. A correction therefore makes a NEW document: the case as it is, the one field
 * given its right value, written once, with no history; the old document is retired everywhere
 * (`src/shared/team/corrections.ts`). The new document is the team's trusted copy, so it is made
 * by the server in a team (or by the laptop alone), never taken from a laptop's bytes.
 */

/** A field of a case, as `homeward case correct ID --field PATH` names it: `referral.clientName`, or `addresses.ITEM.town` for a list's item. */
export interface FieldPath {
  /** The keys from the document's root to the field's map: `['referral']`, or `['addresses', ITEM]`. */
  path: string[]
  field: Field
}

/** Reads a field path, refusing in one line what is not a field of a case. */
export function parseFieldPath(text: string): FieldPath {
  const parts = text.split('.')
  const [part, ...rest] = parts
  if (part !== undefined && part in CASE_SECTIONS && rest.length === 1) {
    const field = (CASE_SECTIONS[part as keyof typeof CASE_SECTIONS] as readonly Field[]).find((f) => f.name === rest[0])
    if (field) return { path: [part], field }
  }
  if (part !== undefined && part in CASE_COLLECTIONS && rest.length === 2) {
    const field = (CASE_COLLECTIONS[part as keyof typeof CASE_COLLECTIONS] as readonly Field[]).find((f) => f.name === rest[1])
    if (field) return { path: [part, rest[0]!], field }
  }
  throw new ValidationError([{ field: 'field', message: `“${text}” is not a field of a case (a form’s field, as referral.clientName, or a list item’s, as addresses.ITEM.town)` }])
}

/** A field in conflict named by its form's label where it has one (“CHAIN number”), else by its path. */
function conflictName(path: readonly string[], field: string): string {
  try {
    return `“${parseFieldPath([...path, field].join('.')).field.label}”`
  } catch {
    return `“${[...path, field].join('.')}”`
  }
}

/** The words a field path is shown in (a correction's record names the field, never its values). */
export function fieldPathText(path: FieldPath): string {
  return [...path.path, path.field.name].join('.')
}

/** Who may correct a value: a manager, or the case's lead caseworker, who answers for the case. */
export function mayCorrect(person: Pick<Person, 'id' | 'role'>, leadCaseworkerId: string | undefined): boolean {
  return person.role === 'manager' || (leadCaseworkerId !== undefined && person.id === leadCaseworkerId)
}

/** The refusal, in words, for anyone else. */
export const CORRECT_REFUSAL = 'Only the case’s lead caseworker or a manager can correct a value so that the old one is removed.'

/** The lead caseworker a case document names (by id). */
export function leadCaseworkerOf(doc: Automerge.Doc<unknown>): string | undefined {
  const lead = (doc as { allocation?: { leadCaseworker?: unknown } }).allocation?.leadCaseworker
  const plain = lead === undefined ? undefined : toPlain<{ id?: unknown }>(lead as never)
  return typeof plain?.id === 'string' ? plain.id : undefined
}

/**
 * The case rebuilt with `path` set to `value` (as a form's field takes it, typed; empty clears
 * it): one change, by the person correcting, holding the case as it is and nothing of its history.
 * A value the field cannot hold, or a list item no longer on the case, is refused in words.
 */
export function rebuiltCase(old: Automerge.Doc<unknown>, target: FieldPath, value: string, context: Pick<ChangeContext, 'author' | 'now' | 'today'>): Automerge.Doc<CaseDoc> {
  const checked = validate(formSchema([target.field], context.today), { [target.field.name]: value })
  if (!checked.ok) throw new ValidationError(checked.issues)
  // The new document holds what the case shows: a field with two values not chosen between would
  // keep one and lose the other unseen. The field being corrected is settled by the correction.
  const unsettled = unsettledConflicts(old).filter(({ path, field }) => !(field === target.field.name && path.join('.') === target.path.join('.')))
  if (unsettled.length > 0) {
    const { path, field } = unsettled[0]!
    throw new ValidationError([{ field: 'field', message: `${conflictName(path, field)} has two values saved at once: choose one on the case first, so the correction loses neither unseen` }])
  }
  // At the current schema: made in the new document's first change, its parts are made once, on one machine.
  const content = upgradeRecord(toPlain<Record<string, unknown>>(old as never))
  let map: Record<string, unknown> | undefined = content
  for (const key of target.path) map = map?.[key] as Record<string, unknown> | undefined
  if (!map || typeof map !== 'object') throw new ValidationError([{ field: 'field', message: 'That item is no longer on this case' }])
  const corrected = (checked.value as Record<string, unknown>)[target.field.name]
  if (corrected === undefined) {
    if (target.field.required) throw new ValidationError([{ field: target.field.name, message: 'This cannot be left empty' }])
    delete map[target.field.name]
  } else map[target.field.name] = corrected
  content.updatedAt = context.now.toISOString()
  // A fresh document, not a clone: a clone would carry every change, the wrong value's among them.
  return Automerge.change(Automerge.init<CaseDoc>(), authoredBy(context.author, context.now), (doc) => {
    Object.assign(doc, toStored(content))
  })
}
