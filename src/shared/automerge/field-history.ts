import * as Automerge from '@automerge/automerge/slim'
import { ImmutableString } from '@automerge/automerge/slim'
import { authorOf } from '../authorship'
import type { PersonRef } from '../people'

/**
 * A field's values as Automerge recorded them. Two laptops (or two windows) that set one field
 * before either saw the other's change both keep their value: Automerge shows one and holds the
 * other as a conflict. Nothing typed may vanish unseen, so the window reads both, with who wrote
 * each and when, until someone picks one; and every value a field ever had stays listed.
 */
export interface FieldValue {
  /** The stored value; undefined where a change cleared the field. */
  value: unknown
  /** Who the change says made it (undefined for a change made outside Homeward). */
  author: PersonRef | undefined
  /** When, as an ISO instant (undefined if the change carries no time). */
  at: string | undefined
  /** Chosen from this many values that were saved at once (0 if it resolved no conflict). */
  chosenFrom: number
}

/**
 * The values of `field` of the map at `path` while it is in conflict (two or more, the one shown
 * first), or undefined when it has one value. Cheap: the changes are decoded only for a conflict.
 */
export function fieldConflict(doc: Automerge.Doc<unknown>, path: readonly string[], field: string): FieldValue[] | undefined {
  const target = mapAt(doc, path)
  if (!target) return undefined
  const conflicts = Automerge.getConflicts(target, field)
  if (!conflicts || Object.keys(conflicts).length < 2) return undefined
  const shown = plain((target as Record<string, unknown>)[field])
  const ops = opsOf(doc, Automerge.getObjectId(target)!, field)
  const values = Object.entries(conflicts).map(([opId, value]) => {
    const op = ops.find((candidate) => candidate.opId === opId)
    return { value: plain(value), author: op?.author, at: op?.at, chosenFrom: 0 }
  })
  return values.sort((a, b) => Number(b.value === shown) - Number(a.value === shown))
}

/**
 * Every field anywhere in the document whose values saved at once are not yet chosen between, by
 * its map's path (list items by id) and key. A case rebuilt from what it shows (a correction) would
 * keep only the value shown, so the person must choose first.
 */
export function unsettledConflicts(doc: Automerge.Doc<unknown>): { path: string[]; field: string }[] {
  const found: { path: string[]; field: string }[] = []
  const walk = (map: unknown, path: string[]) => {
    if (!map || typeof map !== 'object' || Array.isArray(map) || map instanceof ImmutableString) return
    for (const key of Object.keys(map)) {
      const conflicts = Automerge.getConflicts(map as Automerge.Doc<unknown>, key)
      if (conflicts && Object.keys(conflicts).length > 1) found.push({ path, field: key })
      walk((map as Record<string, unknown>)[key], [...path, key])
    }
  }
  walk(doc, [])
  return found
}

/** Every value `field` of the map at `path` has had, oldest first: each change that set or cleared it. */
export function fieldHistory(doc: Automerge.Doc<unknown>, path: readonly string[], field: string): FieldValue[] {
  const target = mapAt(doc, path)
  if (!target) return []
  const byChange = new Map<string, FieldValue>()
  for (const op of opsOf(doc, Automerge.getObjectId(target)!, field)) {
    const entry = byChange.get(op.change) ?? { value: undefined, author: op.author, at: op.at, chosenFrom: 0 }
    if (op.action === 'set') entry.value = op.value
    // A change that replaces two or more values at once is someone choosing between them.
    entry.chosenFrom = Math.max(entry.chosenFrom, op.pred > 1 ? op.pred : 0)
    byChange.set(op.change, entry)
  }
  return [...byChange.values()]
}

/**
 * Whether `field` of the map at `path` has ever been set or cleared: so a field emptied since
 * still offers its history. Cheap for every field of a form: one pass over the decoded changes
 * (kept by heads) finds each map's keys that any change touched.
 */
export function hasFieldHistory(doc: Automerge.Doc<unknown>, path: readonly string[], field: string): boolean {
  const target = mapAt(doc, path)
  if (!target) return false
  const heads = Automerge.getHeads(doc).join(',')
  if (touched?.heads !== heads) {
    const keys = new Map<string, Set<string>>()
    for (const change of decodedChanges(doc)) {
      for (const op of change.ops) if (typeof op.key === 'string') keys.set(op.obj, (keys.get(op.obj) ?? new Set()).add(op.key))
    }
    touched = { heads, keys }
  }
  return touched.keys.get(Automerge.getObjectId(target)!)?.has(field) ?? false
}
let touched: { heads: string; keys: Map<string, Set<string>> } | undefined

interface FieldOp {
  change: string
  opId: string
  action: string
  value: unknown
  pred: number
  author: PersonRef | undefined
  at: string | undefined
}

/** The operations on one key of one map, in the document's order of changes. */
function opsOf(doc: Automerge.Doc<unknown>, objectId: string, key: string): FieldOp[] {
  const found: FieldOp[] = []
  for (const change of decodedChanges(doc)) {
    change.ops.forEach((op, index) => {
      if (op.obj !== objectId || op.key !== key) return
      found.push({
        change: change.hash,
        opId: `${change.startOp + index}@${change.actor}`,
        action: op.action,
        value: 'value' in op ? plain(op.value) : undefined,
        pred: op.pred?.length ?? 0,
        author: authorOf(change.message),
        at: change.time ? new Date(change.time * 1000).toISOString() : undefined,
      })
    })
  }
  return found
}

/**
 * The keys the first change to write to the map at `path` set to a value (not empty): what was
 * recorded the first time a form was saved, against what was added later.
 */
export function keysFirstWritten(doc: Automerge.Doc<unknown>, path: readonly string[]): Set<string> {
  const keys = new Set<string>()
  const target = mapAt(doc, path)
  if (!target) return keys
  const objectId = Automerge.getObjectId(target)!
  for (const change of decodedChanges(doc)) {
    const ops = change.ops.filter((op) => op.obj === objectId && typeof op.key === 'string')
    if (ops.length === 0) continue
    for (const op of ops) {
      const value = op.action === 'set' && 'value' in op ? plain(op.value) : undefined
      if (value !== undefined && value !== null && !(typeof value === 'string' && !value.trim())) keys.add(op.key as string)
    }
    return keys
  }
  return keys
}

/** A change that settled a conflict: the value it kept for one key of one map, from how many. */
export interface Choice {
  change: string
  objectId: string
  key: string
  value: unknown
  chosenFrom: number
}

/** Every choice made between values saved at once, in the document's order of changes. */
export function choicesIn(doc: Automerge.Doc<unknown>): Choice[] {
  const found: Choice[] = []
  for (const change of decodedChanges(doc)) {
    for (const op of change.ops) {
      // A change that replaces two or more values of one key at once is someone choosing between them.
      if ((op.pred?.length ?? 0) < 2 || typeof op.key !== 'string') continue
      const kept = change.ops.findLast((other) => other.obj === op.obj && other.key === op.key && other.action === 'set')
      found.push({
        change: change.hash,
        objectId: op.obj,
        key: op.key,
        value: kept && 'value' in kept ? plain(kept.value) : undefined,
        chosenFrom: op.pred!.length,
      })
    }
  }
  return found
}

/**
 * The document's changes, decoded. Decoding walks every change (a case three years on has
 * hundreds), so the last document's are kept, by its heads, for the next field that asks.
 */
let decoded: { heads: string; changes: ReturnType<typeof Automerge.decodeChange>[] } | undefined
function decodedChanges(doc: Automerge.Doc<unknown>): ReturnType<typeof Automerge.decodeChange>[] {
  const heads = Automerge.getHeads(doc).join(',')
  if (decoded?.heads !== heads) decoded = { heads, changes: Automerge.getAllChanges(doc).map((bytes) => Automerge.decodeChange(bytes)) }
  return decoded.changes
}

function mapAt(doc: Automerge.Doc<unknown>, path: readonly string[]): object | undefined {
  let here: unknown = doc
  for (const key of path) here = typeof here === 'object' && here !== null ? (here as Record<string, unknown>)[key] : undefined
  return typeof here === 'object' && here !== null && !(here instanceof ImmutableString) ? here : undefined
}

function plain(value: unknown): unknown {
  return value instanceof ImmutableString ? value.val : value
}
