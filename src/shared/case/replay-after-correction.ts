import * as Automerge from '@automerge/automerge/slim'
import { toPlain } from '../automerge/registers'
import { dropEntriesWrittenTwice, listEntries } from '../automerge/replayed-once'
import type { ChangeOptions } from '../authorship'
import type { FieldPath } from './correct-value'

/**
 * A laptop that was offline when a case was corrected, and changed the case since, must not lose
 * what it typed: when it learns of the correction it replays onto the new document its changes
 * to the old one after `from` (which changes those are is `replayFrom`'s rule), as value patches
 * (`Automerge.diff` between `from` and its own heads), then deletes the old document. A patch that
 * writes the field's value at `from` again (the corrected old value, when the laptop had it) is
 * dropped: the correction stands. What the new document already holds is not written twice
 * (`replayed-once.ts`).
 *
 * Returns the new document with the changes replayed (itself if there were none).
 */
export function replayAfterCorrection<T>(
  old: Automerge.Doc<unknown>,
  from: readonly string[],
  fresh: Automerge.Doc<T>,
  corrected: FieldPath,
  options: ChangeOptions,
): { doc: Automerge.Doc<T>; replayed: number } {
  const now = Automerge.getHeads(old)
  const fieldPath = [...corrected.path, corrected.field.name]
  const wrong = valueAt(Automerge.view(old, [...from]), fieldPath)
  // The field as this laptop last left it: if that is the wrong value again, none of its writes
  // to the field are replayed (a diff may list a field's passing values as well as its last).
  const rewritesWrong = wrong !== undefined && valueAt(old, fieldPath) === wrong
  const patches = Automerge.diff(old, [...from], now).filter(
    (patch) => !(rewritesWrong && samePath(patch.path, fieldPath)) && !remakesMap(patch, fresh),
  )
  if (patches.length === 0) return { doc: fresh, replayed: 0 }
  // A change the server stored without the laptop hearing so is replayed too: never written twice (`replayed-once.ts`).
  const there = listEntries(fresh)
  const doc = Automerge.change(fresh, options, (draft) => {
    Automerge.applyPatches(draft, patches)
    dropEntriesWrittenTwice(draft, there)
  })
  // Nothing the new document lacked: no change at all, rather than one that adds an entry and takes it out.
  if (Automerge.diff(doc, Automerge.getHeads(fresh), Automerge.getHeads(doc)).length === 0) return { doc: fresh, replayed: 0 }
  return { doc, replayed: patches.length }
}

/**
 * An empty map made at the document's top where the new document already has one: a newer schema's part this laptop made
 * (`withAddedParts`) and the new document was made with. Made again it would replace the new
 * document's map, hiding what the team has written into it since.
 */
function remakesMap(patch: Automerge.Patch, fresh: Automerge.Doc<unknown>): boolean {
  // Only the document's own keys: a deeper path is read against the document as the patches before
  // it leave it, not as it is now.
  if (patch.action !== 'put' || patch.path.length !== 1 || !isMap(patch.value) || Object.keys(patch.value).length > 0) return false
  return isMap((fresh as Record<Automerge.Prop, unknown>)[patch.path[0]!])
}

function isMap(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && !(value instanceof Automerge.ImmutableString) && !(value instanceof Date) && !(value instanceof Uint8Array)
}

function samePath(a: readonly Automerge.Prop[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((key, i) => key === b[i])
}

function valueAt(doc: unknown, path: readonly string[]): unknown {
  let value = doc
  for (const key of path) value = (value as Record<string, unknown> | undefined)?.[key]
  return plainValue(value)
}

function plainValue(value: unknown): unknown {
  return value === undefined ? undefined : toPlain(value as never)
}
