import { formatUkDate, type IsoDate } from '../dates'
import type { PartnerActionValues } from './partner-actions'

/**
 * SAFE's red flag (Homeless Link, the area-wide systems): "the system creates red flags if a
 * partner has missed an action". An action agreed with a partner agency that is past its due date
 * and not done is flagged on the board and is the case's next step, so it is chased rather than
 * lost between agencies. Due today is not missed yet.
 */

/** The due dates of the actions agreed with partners and not done yet, earliest first (what the board's index keeps). */
export function openPartnerActionsDue(actions: readonly Partial<Pick<PartnerActionValues, 'partnerActionDue' | 'partnerActionDoneOn'>>[]): IsoDate[] {
  return actions
    .filter((action) => action.partnerActionDue !== undefined && !action.partnerActionDoneOn)
    .map((action) => action.partnerActionDue!)
    .sort()
}

/** The words for the partner actions missed by today, or none: "1 partner action missed (due 20/11/2026)". */
export function missedPartnerActions(openDue: readonly IsoDate[], today: IsoDate): string | undefined {
  const missed = openDue.filter((due) => due < today)
  if (missed.length === 0) return undefined
  return `${missed.length} action${missed.length === 1 ? '' : 's'} agreed with a partner missed (due ${formatUkDate(missed[0]!)})`
}
