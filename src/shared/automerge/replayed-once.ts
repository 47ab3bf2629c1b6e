import * as Automerge from '@automerge/automerge/slim'
import { toPlain } from './registers'

/**
 * What a laptop replays onto a rebuilt document (a corrected case, a meeting rebuilt on an erasure)
 * is never written there twice. The laptop replays its own changes the server never stored, by its
 * outbox's record; but a chunk the server stored just as the connection dropped is stored with no
 * reply, so the laptop counts it unstored, and the server rebuilt the document with it. Replayed,
 * a note would then be in the case twice, or a sentence twice in a meeting's discussion. So what
 * the new document already holds is left as it is: an entry of a list (a case's notes, its phase
 * history) with the id and content of one already there, and a text already as the laptop left it.
 * Everything else keyed by id (a case's actions, addresses…, a meeting's items) is a map: written
 * again, it is the same entry.
 */

/** The entries of the document's lists of entries with ids, by Automerge object id: what was there before a replay. */
export function listEntries(doc: unknown): Set<string> {
  const ids = new Set<string>()
  for (const list of entryLists(doc)) for (const entry of list) ids.add(Automerge.getObjectId(entry as object) ?? '')
  return ids
}

/** In a replay's draft: removes each entry the replay added that has the id and content of an entry there before (`listEntries`). */
export function dropEntriesWrittenTwice(draft: unknown, before: ReadonlySet<string>): void {
  for (const list of entryLists(draft)) {
    const there = list.filter((entry) => before.has(Automerge.getObjectId(entry as object) ?? ''))
    for (let index = list.length - 1; index >= 0; index--) {
      const entry = list[index]
      if (before.has(Automerge.getObjectId(entry as object) ?? '')) continue
      const plain = JSON.stringify(toPlain(entry as never))
      if (there.some((existing) => JSON.stringify(toPlain(existing as never)) === plain)) list.splice(index, 1)
    }
  }
}

/**
 * The patches that edit a text (collaborative text: a meeting's discussion and decisions) the new
 * document already holds as the old copy ends: applied, they would write what was typed again.
 */
export function editsToTextAlreadyThere(old: Automerge.Doc<unknown>, fresh: Automerge.Doc<unknown>, patches: readonly Automerge.Patch[]): Set<Automerge.Patch> {
  const there = new Set<Automerge.Patch>()
  for (const patch of patches) {
    if (patch.action !== 'splice' && patch.action !== 'del') continue
    const text = patch.path.slice(0, -1)
    const ends = valueAt(old, text)
    if (typeof ends === 'string' && valueAt(fresh, text) === ends) there.add(patch)
  }
  return there
}

/** The document's top-level lists whose entries have ids. */
function entryLists(doc: unknown): unknown[][] {
  return Object.values(doc as Record<string, unknown>).filter(
    (value): value is unknown[] => Array.isArray(value) && value.length > 0 && value.every((entry) => typeof entry === 'object' && entry !== null && 'id' in entry),
  )
}

function valueAt(doc: unknown, path: readonly Automerge.Prop[]): unknown {
  let value = doc
  for (const key of path) value = (value as Record<Automerge.Prop, unknown> | undefined)?.[key]
  return value
}
