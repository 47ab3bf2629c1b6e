import * as Automerge from '@automerge/automerge/slim'

/**
 * A change this laptop made that the team's server has not stored (still waiting to be sent, or
 * refused because the document was retired by a correction), by hash. `andBefore`: a whole
 * document's head, standing for itself and every change before it (a laptop's first upload).
 */
export interface UnstoredChange {
  hash: string
  andBefore: boolean
}

/**
 * Which of the old document's changes a laptop replays onto a corrected case's new document: the
 * point of the old copy's history to replay from (`Automerge.diff` from it to the copy's heads).
 *
 * - A copy holding the correction's heads replays everything after them: the new document was
 *   rebuilt from exactly those heads, and after them the old id took no one else's changes.
 * - A copy that was behind (offline before a change the correction includes) cannot use them. It
 *   replays its own changes the server never stored: the server rebuilt the case from every change
 *   it had stored, so all the rest, the team's and this laptop's stored ones, are already in the
 *   new document. Its point is the heads of every other change; a change of its own that another
 *   change depends on was stored (the server had that one), so it is left out with it.
 *
 * Returns the copy's own heads when there is nothing to replay.
 */
export function replayFrom(old: Automerge.Doc<unknown>, correctionHeads: readonly string[], unstored: readonly UnstoredChange[]): string[] {
  if (Automerge.hasHeads(old, [...correctionHeads])) return [...correctionHeads]
  const changes = Automerge.getChangesMetaSince(old, [])
  const deps = new Map(changes.map((change) => [change.hash, change.deps]))
  const mine = ownChanges(deps, unstored)
  if (mine.size === 0) return Automerge.getHeads(old)
  // Everything else, with whatever it depends on (a change of its own among them, stored after all).
  return headsWithAncestors(
    deps,
    changes.filter((change) => !mine.has(change.hash)).map((change) => change.hash),
  )
}

/**
 * Which of a window's changes to an old document (a page open on a case or meeting as it was
 * rebuilt) are not yet on the new one: the point of the window's copy to replay from. The core
 * replayed its own copy, which `held` these changes (by hash); the window's copy may hold more,
 * typed after that or still on their way to the core. Every change the window holds came from the
 * core except those it made itself (its `actor`): the point is the heads of all it holds but its own
 * the core never had, and what follows is those alone.
 */
export function windowReplayFrom(old: Automerge.Doc<unknown>, held: readonly string[], actor: string): string[] {
  const changes = Automerge.getChangesMetaSince(old, [])
  const deps = new Map(changes.map((change) => [change.hash, change.deps]))
  const coreHad = new Set(held)
  return headsWithAncestors(
    deps,
    changes.filter((change) => change.actor !== actor || coreHad.has(change.hash)).map((change) => change.hash),
  )
}

/** The heads of these changes taken with every change they depend on. */
function headsWithAncestors(deps: ReadonlyMap<string, readonly string[]>, roots: readonly string[]): string[] {
  const before = new Set<string>()
  const stack = [...roots]
  while (stack.length > 0) {
    const hash = stack.pop()!
    if (before.has(hash)) continue
    before.add(hash)
    stack.push(...deps.get(hash)!)
  }
  const depended = new Set([...before].flatMap((hash) => deps.get(hash)!))
  return [...before].filter((hash) => !depended.has(hash)).sort()
}

/** The hashes of the copy's changes that the unstored records name, a whole document's head with every change before it. */
function ownChanges(deps: ReadonlyMap<string, readonly string[]>, unstored: readonly UnstoredChange[]): Set<string> {
  const mine = new Set<string>()
  for (const { hash, andBefore } of unstored) {
    const stack = [hash]
    while (stack.length > 0) {
      const next = stack.pop()!
      if (mine.has(next) || !deps.has(next)) continue
      mine.add(next)
      if (andBefore) stack.push(...deps.get(next)!)
    }
  }
  return mine
}
