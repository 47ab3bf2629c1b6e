import type { IsoDate } from '../dates'
import { addWorkingDays } from '../calendar/working-days'
import { ALLOCATION_WORKING_DAYS } from '../case/flags'
import type { Referral } from '../case/referral'

/**
 * A referral is allocated to a lead caseworker within ALLOCATION_WORKING_DAYS working days of
 * reaching the team (the board flags it after that): the managers' task, due on the last of them.
 * A rejected referral is not allocated.
 */
export interface AllocationFacts {
  status: 'open' | 'closed'
  allocated: boolean
  referralStatus: Referral['status']
  receivedOn: IsoDate
}

export function allocationDue(facts: AllocationFacts): IsoDate | undefined {
  if (facts.status !== 'open' || facts.allocated || facts.referralStatus === 'rejected') return undefined
  return addWorkingDays(facts.receivedOn, ALLOCATION_WORKING_DAYS)
}
