import { CLOSURE_TYPES, type ClosureType } from './closure-types'
import { phaseLabel, type Phase } from './phases'
import type { CaseRecord } from './record'

/**
 * How a closed case ended, for lists that must not show it as an open case in its last phase: a
 * Tool 4 closure type, a referral not taken on, or a duplicate merged into another case.
 */
export type ClosedAs = ClosureType | 'rejected' | 'merged'

/** How a case ended, or null while it is open. */
export function closedAs(record: Pick<CaseRecord, 'status' | 'outcome' | 'mergedInto'>): ClosedAs | null {
  if (record.status !== 'closed') return null
  if (record.mergedInto !== undefined) return 'merged'
  // A closed case always has its outcome; one without (a partial sync) still reads as closed.
  return record.outcome?.type ?? 'unplanned'
}

const SHORT: Record<ClosedAs, string> = {
  ...(Object.fromEntries(CLOSURE_TYPES.map((type) => [type.value, type.short])) as Record<ClosureType, string>),
  rejected: 'referral not accepted',
  merged: 'merged into another case',
}

/** "Closed — not appropriate": what a list, the header and the command line show for a closed case. */
export function closedLabel(how: ClosedAs): string {
  return `Closed — ${SHORT[how]}`
}

/** Where a case is, in words: its phase while open, "Closed — TYPE" once closed. */
export function caseStateLabel(summary: { phase: Phase; closedAs: ClosedAs | null }): string {
  return summary.closedAs ? closedLabel(summary.closedAs) : phaseLabel(summary.phase)
}
