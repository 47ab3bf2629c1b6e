import type { Doc } from '@automerge/automerge/slim'
import { documentKind, plainDocument, type PlainDocument } from '../automerge/plain-document'
import { toPlain, toStored } from '../automerge/registers'
import type { ChangeContext } from './changes'
import { UnreadableCaseError, upgradeCaseDoc, upgradeRecord } from './migrations'
import { oneNotePerId } from './one-note-per-id'
import { reviewedInAnyCopy } from './reviewed-in-any-copy'
import { z } from 'zod'
import {
  CASE_KIND,
  caseRecordSchema,
  ENTRY_LISTS,
  RULE_FREE_PARTS,
  type CaseDoc,
  type CaseRecord,
  type CaseRules,
  type EntryList,
  type UnreadableEntry,
} from './record'

export { CASE_KIND, CASE_SCHEMA_VERSION, newCaseDoc, type CaseDoc, type CaseRecord } from './record'

export function isCaseDoc(doc: unknown): doc is CaseDoc {
  return documentKind((doc as { kind?: unknown } | undefined)?.kind) === CASE_KIND
}

/** Reads a case document into its plain, current shape, upgrading older ones on the way. */
export function readCase(doc: CaseDoc): CaseRecord {
  return readPlainCase(plainDocument(doc as Doc<unknown>))
}

/** As `readCase`, from the document read plain (the case index's way: see plain-document.ts). */
export function readPlainCase(doc: PlainDocument): CaseRecord {
  const record = checkRecord(doc.value)
  if (Object.keys(record.learningPoints).length === 0) return record
  const learningPoints = reviewedInAnyCopy(record.learningPoints, (id) => doc.conflicts(['learningPoints'], id))
  return learningPoints === record.learningPoints ? record : { ...record, learningPoints }
}

/** Reads what the phase rules need from a draft inside a change (after beginChange). */
export function readRules(draft: CaseDoc): CaseRules {
  const skip = new Set<string>(RULE_FREE_PARTS)
  const parts = Object.fromEntries(
    Object.keys(draft)
      .filter((key) => !skip.has(key))
      .map((key) => [key, toPlain((draft as unknown as Record<string, never>)[key])]),
  )
  // Entry by entry only when the whole does not read: a change reads its draft on every keystroke.
  let parsed = rulesSchema.safeParse(parts)
  if (!parsed.success) parsed = rulesSchema.safeParse(readableEntries(parts, RULE_LISTS).plain)
  if (!parsed.success) throw new UnreadableCaseError(parsed.error.issues[0]?.path.join('.') ?? 'unknown field')
  return parsed.data as CaseRules
}

const rulesSchema = caseRecordSchema.omit(Object.fromEntries(RULE_FREE_PARTS.map((part) => [part, true])) as Record<(typeof RULE_FREE_PARTS)[number], true>)

function checkRecord(stored: Record<string, unknown>): CaseRecord {
  const plain = upgradeRecord(stored)
  // Read whole first: nearly every case does, and reading entry by entry parses each entry twice.
  const whole = caseRecordSchema.safeParse(plain)
  if (whole.success) return withNotesOnce(whole.data as CaseRecord)
  const { plain: readable, unreadable } = readableEntries(plain, ENTRY_LISTS)
  const parsed = caseRecordSchema.safeParse(readable)
  if (!parsed.success) {
    throw new UnreadableCaseError(parsed.error.issues[0]?.path.join('.') ?? 'unknown field')
  }
  return { ...withNotesOnce(parsed.data as CaseRecord), ...(unreadable.length > 0 ? { unreadableEntries: unreadable } : {}) }
}

function withNotesOnce(record: CaseRecord): CaseRecord {
  const notes = oneNotePerId(record.notes)
  return notes.length === record.notes.length ? record : { ...record, notes }
}

/** The entry lists the phase rules read. */
const RULE_LISTS = ENTRY_LISTS.filter((part) => !(RULE_FREE_PARTS as readonly string[]).includes(part))

/**
 * Leaves out, one by one, the entries of a case's lists that do not fit their schema (a note with a
 * malformed author from one laptop's bad write): the rest of the case is read, and each entry left
 * out is named by its list and id, so that it is shown as unreadable, never silently gone.
 */
function readableEntries(plain: Record<string, unknown>, parts: readonly EntryList[]): { plain: Record<string, unknown>; unreadable: UnreadableEntry[] } {
  const unreadable: UnreadableEntry[] = []
  const readable = { ...plain }
  for (const part of parts) {
    const schema = caseRecordSchema.shape[part]
    const value = plain[part]
    if (schema instanceof z.ZodArray && Array.isArray(value)) {
      readable[part] = value.filter((entry: unknown, index) => {
        if (schema.element.safeParse(entry).success) return true
        unreadable.push({ part, id: entryId(entry) ?? String(index + 1) })
        return false
      })
    } else if (schema instanceof z.ZodRecord && typeof value === 'object' && value !== null && !Array.isArray(value)) {
      readable[part] = Object.fromEntries(
        Object.entries(value).filter(([id, entry]) => {
          if (schema.valueType.safeParse(entry).success) return true
          unreadable.push({ part, id })
          return false
        }),
      )
    }
  }
  return { plain: readable, unreadable }
}

function entryId(entry: unknown): string | undefined {
  const id = (entry as { id?: unknown } | null)?.id
  return typeof id === 'string' ? id.slice(0, 100) : undefined
}

/** Marks a case as changed; every domain change calls it so lists can sort by recent work. */
function touch(doc: CaseDoc, now: Date): void {
  doc.updatedAt = toStored(now.toISOString())
}

/** Every domain change begins here: the document brought to the current schema, and marked as changed. */
export function beginChange(doc: CaseDoc, context: ChangeContext): void {
  upgradeCaseDoc(doc)
  touch(doc, context.now)
}
