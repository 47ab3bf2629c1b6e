import type { CaseRecord } from './case-doc'
import type { Phase } from './phases'

/** One row of the case list: what the index holds for each case. */
export interface CaseSummary {
  id: string
  clientName: string
  dateOfBirth: string
  chainNumber: string | null
  phase: Phase
  leadCaseworker: string | null
  createdAt: string
  updatedAt: string
}

/** The words a case can be found by, grouped by where they come from. */
export interface CaseSearchText {
  names: string
  identifiers: string
  notes: string
}

export function summariseCase(id: string, record: CaseRecord): CaseSummary {
  return {
    id,
    clientName: record.referral.clientName,
    dateOfBirth: record.referral.dateOfBirth,
    chainNumber: record.referral.chainNumber ?? null,
    phase: record.phase,
    leadCaseworker: record.leadCaseworker?.name ?? null,
    createdAt: record.createdAt,
    updatedAt: record.updatedAt,
  }
}

export function caseSearchText(record: CaseRecord): CaseSearchText {
  return {
    names: record.referral.clientName,
    identifiers: record.referral.chainNumber ?? '',
    notes: record.notes.map((note) => note.text).join('\n'),
  }
}
