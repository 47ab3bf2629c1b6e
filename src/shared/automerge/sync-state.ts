import { getChangesMetaSince, getHeads, hasHeads, type Doc, type Heads } from '@automerge/automerge/slim'

/**
 * Whether a peer that reports `theirHeads` holds every change in `doc`: a window asks this of the
 * core to know that what was typed is saved. If we know all their heads, nothing may lie beyond
 * them; if they have changes we have not seen yet, each of our heads must be among theirs.
 */
export function peerHasAllChanges(doc: Doc<unknown>, theirHeads: Heads | undefined): boolean {
  if (!theirHeads) return false
  if (hasHeads(doc, theirHeads)) return getChangesMetaSince(doc, theirHeads).length === 0
  const known = new Set(theirHeads)
  return getHeads(doc).every((head) => known.has(head))
}
