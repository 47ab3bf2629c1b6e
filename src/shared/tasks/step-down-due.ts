import { addDays, parseISO } from 'date-fns'
import { isoDateOf, type IsoDate } from '../dates'
import { workingDayFrom } from '../calendar/working-days'
import type { Phase } from '../case/phases'

/**
 * The toolkit's Phase 7: "Three to four weeks after reconnection seems to be a usual timeframe for
 * starting to scale back support." Step down is due from three weeks after the client was
 * reconnected (the arrival confirmed, else the date of reconnection, as the closure point counts),
 * on a working day, until support has started scaling back.
 */
export const STEP_DOWN_AFTER_DAYS = 21

export interface StepDownFacts {
  status: 'open' | 'closed'
  phase: Phase
  reconnectedOn: IsoDate | null
  stepDownStartedOn: IsoDate | null
}

/** Only once reconnected and before the case has moved past support: a case closing has no step down to start. */
const SUPPORTING: readonly Phase[] = ['reconnection', 'intensive-support', 'step-down']

/** The day step down is due, or none when it is not owed (not reconnected yet, already started, or closing). */
export function stepDownDue(facts: StepDownFacts): IsoDate | undefined {
  if (facts.status !== 'open' || !facts.reconnectedOn || facts.stepDownStartedOn || !SUPPORTING.includes(facts.phase)) return undefined
  return workingDayFrom(isoDateOf(addDays(parseISO(facts.reconnectedOn), STEP_DOWN_AFTER_DAYS)))
}
