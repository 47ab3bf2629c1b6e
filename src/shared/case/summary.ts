import type { CaseRecord } from './record'
import type { Phase } from './phases'
import { nameKey } from './duplicates'

/** One row of the case list: what the index holds for each case. */
export interface CaseSummary {
  id: string
  clientName: string
  dateOfBirth: string
  chainNumber: string | null
  phase: Phase
  status: 'open' | 'closed'
  leadCaseworker: string | null
  createdAt: string
  updatedAt: string
}

/**
 * A case as the case list shows it: marked where another open case may be the same person (the
 * same CHAIN number, or name and date of birth), as when two laptops took the same referral
 * offline. The case page says which, and offers the merge.
 */
export interface ListedCase extends CaseSummary {
  possibleDuplicate?: true
}

/** The words a case can be found by, grouped by where they come from, and its duplicate key. */
export interface CaseSearchText {
  names: string
  identifiers: string
  notes: string
  nameKey: string
}

export function summariseCase(id: string, record: CaseRecord): CaseSummary {
  return {
    id,
    clientName: record.referral.clientName,
    dateOfBirth: record.referral.dateOfBirth,
    chainNumber: record.referral.chainNumber ?? null,
    phase: record.phase,
    status: record.status,
    leadCaseworker: record.allocation.leadCaseworker?.name ?? null,
    createdAt: record.createdAt,
    updatedAt: record.updatedAt,
  }
}

export function caseSearchText(record: CaseRecord): CaseSearchText {
  return {
    names: record.referral.clientName,
    identifiers: record.referral.chainNumber ?? '',
    notes: record.notes.map((note) => note.text).join('\n'),
    nameKey: nameKey(record.referral.clientName),
  }
}
