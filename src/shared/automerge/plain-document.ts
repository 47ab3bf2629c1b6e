import { getConflicts, getHeads, ImmutableString, type Doc } from '@automerge/automerge/slim'
import { toPlain } from './registers'

/**
 * A document as the case index reads it: its plain, JSON-ready value (strings for its registers),
 * its heads, and, for the few rules that look at a conflict, the values a key holds at once. The
 * index reads thousands of documents from disk (a fresh laptop's catch-up) and keeps nothing of
 * them: there this is read straight from Automerge's own copy (`readCurrentPlain` in
 * `src/main/core/storage/stored-documents.ts`), without building the document object and then
 * copying it plain, which was most of the time a case took.
 */
export interface PlainDocument {
  /** What the document says it is (its `kind`: a case, the team…), read without the rest of it. */
  readonly kind: string | undefined
  readonly value: Record<string, unknown>
  readonly heads: string[]
  /**
   * Every value the key `key` of the map at `path` (map keys from the root) holds at once, plain:
   * two or more where laptops wrote it apart, else none (a single value is not a conflict).
   */
  conflicts(path: readonly string[], key: string): unknown[]
}

/**
 * What a document says it is, from its `kind` as stored (a register, or a plain string once read
 * plain); anything else (a hostile document's object, whose `toString` might throw) is no kind.
 */
export function documentKind(stored: unknown): string | undefined {
  return typeof stored === 'string' ? stored : stored instanceof ImmutableString ? stored.val : undefined
}

/** A document in hand (the repo's, or one just written) read as a PlainDocument. */
export function plainDocument(doc: Doc<unknown>): PlainDocument {
  let value: Record<string, unknown> | undefined
  return {
    kind: documentKind((doc as { kind?: unknown }).kind),
    // Each read only when asked: the index asks only a case for its value (by its kind) (the team document is
    // large), and `readCase` asks for no heads.
    get value() {
      return (value ??= toPlain<Record<string, unknown>>(doc as never))
    },
    get heads() {
      return getHeads(doc)
    },
    conflicts(path, key) {
      let at: unknown = doc
      for (const part of path) at = typeof at === 'object' && at !== null ? (at as Record<string, unknown>)[part] : undefined
      if (typeof at !== 'object' || at === null) return []
      return Object.values(getConflicts(at as Doc<unknown>, key) ?? {}).map((copy) => toPlain(copy as never))
    },
  }
}
