import type { CaseRecord } from './record'

/**
 * What becomes of a case's open actions when it closes: they stay recorded as they were (not done,
 * with who and by when), but they are no longer anyone's work, as a closed case is read-only and
 * cannot have them marked done. So they are not overdue, not on My tasks and not the board's next
 * action (a closed case's only task is a follow-up check due); reopened, they are work again.
 */
export function openActionsAreWork(status: CaseRecord['status']): boolean {
  return status === 'open'
}
