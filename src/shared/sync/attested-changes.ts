/**
 * Who sent each change of a document, from the records of who sent what, in the order they were
 * made (each a change's hash, or, `andBefore`, a document's head standing for every change before
 * it): the first record to reach a change stands. A head's record reaches back through the
 * changes' dependencies, stopping at changes an earlier head's record has reached (every change
 * before those is reached already). The laptop reads its attestations so (`ChangeAttestations.of`),
 * and the server checks with it that a compacted chunk's shorter record says the same (`compaction.ts`).
 */
export function attestedChanges<A>(records: Iterable<{ hash: string; andBefore: boolean; by: A }>, deps: ReadonlyMap<string, readonly string[]>): Map<string, A> {
  const attested = new Map<string, A>()
  const walked = new Set<string>()
  for (const record of records) {
    if (!record.andBefore) {
      if (deps.has(record.hash) && !attested.has(record.hash)) attested.set(record.hash, record.by)
      continue
    }
    const stack = [record.hash]
    while (stack.length > 0) {
      const hash = stack.pop()!
      if (walked.has(hash) || !deps.has(hash)) continue
      walked.add(hash)
      if (!attested.has(hash)) attested.set(hash, record.by)
      stack.push(...deps.get(hash)!)
    }
  }
  return attested
}
