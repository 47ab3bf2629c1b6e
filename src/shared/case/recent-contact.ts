import { addDays, parseISO } from 'date-fns'
import { isoDateOf, type IsoDate } from '../dates'
import { workingDayBefore } from '../calendar/working-days'
import type { Phase } from './phases'

/** Contact is expected at least this often during intensive support. */
export const CONTACT_EXPECTED_DAYS = 14

export interface ContactFacts {
  status: 'open' | 'closed'
  phase: Phase
  lastContact: IsoDate | null
}

/**
 * During intensive support (Phase 6) contact is expected at least every CONTACT_EXPECTED_DAYS
 * days; the board flags a case once that has passed. `undefined`: none expected (another phase, or
 * closed); `null`: none logged yet, so contact is owed now.
 */
export function contactExpectedBy(facts: ContactFacts): IsoDate | null | undefined {
  if (facts.status !== 'open' || facts.phase !== 'intensive-support') return undefined
  return facts.lastContact ? isoDateOf(addDays(parseISO(facts.lastContact), CONTACT_EXPECTED_DAYS)) : null
}

/**
 * The lead caseworker's task: contact due by the last day it is expected, on the working day on or
 * before it (so the task falls due before the board's flag, never after); none logged yet, due from
 * the day the case entered intensive support.
 */
export function contactDue(facts: ContactFacts, enteredPhaseOn: IsoDate): IsoDate | undefined {
  const by = contactExpectedBy(facts)
  if (by === undefined) return undefined
  return by === null ? enteredPhaseOn : workingDayBefore(isoDateOf(addDays(parseISO(by), 1)))
}
