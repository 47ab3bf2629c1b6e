import type { CaseRecord } from '../case/record'

/**
 * Who is one person across cases, for counting people rather than cases: the links the team itself
 * made between a person's cases. A case opened when the client was referred again names the case
 * before it (`previousCaseId`, and that one `reReferredAs`), and a duplicate merged into another
 * case is counted there (the report leaves the duplicate out). Not a name and date of birth, as
 * duplicates.ts matches them to ask: two people can share both, the answer is the caseworker's,
 * and an erased case's anonymised record keeps neither, only its links.
 */
export const SAME_PERSON_BASIS = 'A person referred again is counted once: their cases are linked as a re-referral, or merged as duplicates.'

/** For each case, the person it is of: the id of the first case in its chain of re-referrals. */
export function personOfCase(cases: readonly { id: string; record: Pick<CaseRecord, 'previousCaseId' | 'reReferredAs'> }[]): (caseId: string) => string {
  const linked = new Map<string, string>()
  const root = (id: string): string => {
    let here = id
    const seen = new Set<string>()
    // A chain of links, each to the case before; a loop (hostile or damaged data) stops where it repeats.
    while (linked.has(here) && !seen.has(here)) {
      seen.add(here)
      here = linked.get(here)!
    }
    return here
  }
  const join = (earlier: string, later: string) => {
    const [a, b] = [root(earlier), root(later)]
    if (a !== b) linked.set(b, a)
  }
  for (const { id, record } of cases) {
    if (record.previousCaseId) join(record.previousCaseId, id)
    if (record.reReferredAs) join(id, record.reReferredAs)
  }
  return root
}
