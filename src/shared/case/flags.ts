import { differenceInCalendarDays, parseISO } from 'date-fns'
import type { IsoDate } from '../dates'
import { workingDaysBetween } from '../calendar/working-days'
import { closurePointOf, CONTACT_EXPECTED_DAYS, lastContact } from './lifecycle'
import type { CaseRecord } from './record'
import { isOverdue } from './support'

/** An unallocated referral is flagged after this many working days. */
export const ALLOCATION_WORKING_DAYS = 3

export type FlagKind = 'overdue-action' | 'no-recent-contact' | 'closure-point' | 'unallocated-referral'

export interface CaseFlag {
  kind: FlagKind
  message: string
}

export const FLAG_LABELS: Record<FlagKind, string> = {
  'overdue-action': 'Overdue action',
  'no-recent-contact': 'No recent contact',
  'closure-point': 'At closure point',
  'unallocated-referral': 'Unallocated referral',
}

/** What needs attention on an open case today. */
export function caseFlags(record: CaseRecord, today: IsoDate): CaseFlag[] {
  if (record.status === 'closed') return []
  const flags: CaseFlag[] = []
  const overdue = Object.values(record.actions).filter((action) => isOverdue(action, today)).length
  if (overdue > 0) flags.push({ kind: 'overdue-action', message: `${overdue} overdue action${overdue === 1 ? '' : 's'}` })

  if (record.phase === 'intensive-support') {
    const latest = lastContact(record)
    const since = latest ? differenceInCalendarDays(parseISO(today), parseISO(latest)) : undefined
    if (since === undefined || since > CONTACT_EXPECTED_DAYS) {
      flags.push({
        kind: 'no-recent-contact',
        message: since === undefined ? 'No contact logged in intensive support' : `No contact logged for ${since} days`,
      })
    }
  }

  const point = closurePointOf(record)
  if ((record.phase === 'intensive-support' || record.phase === 'step-down' || record.phase === 'closure-and-review') && point && point <= today) {
    flags.push({ kind: 'closure-point', message: 'At the 3-month closure point' })
  }

  if (!record.allocation.leadCaseworker && record.referral.status !== 'rejected') {
    const waited = workingDaysBetween(record.referral.receivedOn, today)
    if (waited > ALLOCATION_WORKING_DAYS) {
      flags.push({ kind: 'unallocated-referral', message: `Referral unallocated for ${waited} working days` })
    }
  }
  return flags
}
