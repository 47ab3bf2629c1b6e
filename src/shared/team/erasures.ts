import { toPlain } from '../automerge/registers'
import { anonymisedCaseSchema, type AnonymisedCase } from '../reports/anonymised-case'
import { isMap, type TeamDoc } from './team-doc'

/**
 * An erased case (UK GDPR Article 17): its document, history and scans are gone from every laptop
 * and the server, and the server refuses its id for ever. What stays, in the team document (the
 * server's to write, like restrictions), is this: when, who, why, the documents that were erased,
 * and the anonymised record the monitoring report counts. Nothing here names the person.
 */
export interface Erasure {
  /** Who erased it (a person's id). */
  by: string
  at: string
  /** Why, as the manager gave it. */
  reason: string
  /** Erased, or anonymised by the team's retention (`retention.ts`): the manager still sees an anonymised case listed. */
  kind: 'erased' | 'anonymised'
  /** The case document and its scanned documents: a laptop still holding any deletes it. */
  documents: string[]
  record: AnonymisedCase
}

/** The longest reason taken (a sentence or two, never the case's story). */
export const ERASE_REASON_MAX = 500

/** The team's erased cases, by case id, as the team document holds them (an entry that is not one is skipped). */
export function erasures(doc: TeamDoc): Record<string, Erasure> {
  const map = (doc as unknown as { erased?: unknown }).erased
  if (!isMap(map)) return {}
  const result: Record<string, Erasure> = {}
  for (const [caseId, stored] of Object.entries(map)) {
    if (!isMap(stored)) continue
    const entry = toPlain<Partial<Erasure>>(stored as never)
    const record = anonymisedCaseSchema.safeParse(entry.record)
    if (typeof entry.by !== 'string' || !Array.isArray(entry.documents) || !record.success) continue
    result[caseId] = {
      by: entry.by,
      at: typeof entry.at === 'string' ? entry.at : '',
      reason: typeof entry.reason === 'string' ? entry.reason : '',
      kind: entry.kind === 'anonymised' ? 'anonymised' : 'erased',
      documents: entry.documents.filter((id): id is string => typeof id === 'string'),
      record: record.data,
    }
  }
  return result
}

/** Every document the team has erased (cases and their scans): no laptop may hold one. */
export function erasedDocumentIds(doc: TeamDoc): string[] {
  return Object.entries(erasures(doc)).flatMap(([caseId, erasure]) => [caseId, ...erasure.documents])
}
