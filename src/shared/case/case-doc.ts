import { toPlain, toStored } from '../automerge/registers'
import type { ChangeContext } from './changes'
import { UnreadableCaseError, upgradeCaseDoc, upgradeRecord } from './migrations'
import { CASE_KIND, caseRecordSchema, RULE_FREE_PARTS, type CaseDoc, type CaseRecord, type CaseRules } from './record'

export { CASE_KIND, CASE_SCHEMA_VERSION, newCaseDoc, type CaseDoc, type CaseRecord } from './record'

export function isCaseDoc(doc: unknown): doc is CaseDoc {
  const kind = (doc as { kind?: unknown } | undefined)?.kind
  return kind !== undefined && String(kind) === CASE_KIND
}

/** Reads a case document into its plain, current shape, upgrading older ones on the way. */
export function readCase(doc: CaseDoc): CaseRecord {
  return checkRecord(toPlain<Record<string, unknown>>(doc))
}

/** Reads what the phase rules need from a draft inside a change (after beginChange). */
export function readRules(draft: CaseDoc): CaseRules {
  const skip = new Set<string>(RULE_FREE_PARTS)
  const parts = Object.fromEntries(
    Object.keys(draft)
      .filter((key) => !skip.has(key))
      .map((key) => [key, toPlain((draft as unknown as Record<string, never>)[key])]),
  )
  const parsed = rulesSchema.safeParse(parts)
  if (!parsed.success) throw new UnreadableCaseError(parsed.error.issues[0]?.path.join('.') ?? 'unknown field')
  return parsed.data as CaseRules
}

const rulesSchema = caseRecordSchema.omit(Object.fromEntries(RULE_FREE_PARTS.map((part) => [part, true])) as Record<(typeof RULE_FREE_PARTS)[number], true>)

function checkRecord(stored: Record<string, unknown>): CaseRecord {
  const plain = upgradeRecord(stored)
  const parsed = caseRecordSchema.safeParse(plain)
  if (!parsed.success) {
    throw new UnreadableCaseError(parsed.error.issues[0]?.path.join('.') ?? 'unknown field')
  }
  return parsed.data as CaseRecord
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
