import { localAuthorityName } from '../places/local-authority'
import { letterheadProblems, type Agency, type HousingOptionsContact, type PaperworkSettings } from '../team/settings'
import type { CaseRecord } from './record'

/**
 * What the closure letter (Tool 4, Step 7) says and to whom: the client's new area and its local
 * services, from the team's directory, written at Phase 8 or once the case is closed.
 */
export interface ClosureLetterPlan {
  problems: string[]
  /** The area the client now lives in, whose services the letter lists. */
  area?: string
  agencies: Agency[]
  housingOptions?: HousingOptionsContact
}

/** The closure letter goes to a client whose case was taken on, at Phase 8 or once closed. */
export function planClosureLetter(record: CaseRecord, settings: PaperworkSettings): ClosureLetterPlan {
  const problems: string[] = []
  if (record.referral.status === 'rejected') problems.push('This referral was not taken on: there is no case to close by letter')
  else if (record.outcome?.unplannedReason === 'died') problems.push('No closure letter is sent: the client has died')
  else if (record.status === 'open' && record.phase !== 'closure-and-review') {
    problems.push('The closure letter is written in Phase 8, Case closure and review')
  }
  const area = record.plan.destination
  if (!area) problems.push('Choose the destination local authority (Phase 4, Reconnection planning): the letter lists its services')
  const agencies = area ? Object.values(settings.agencies).filter((agency) => agency.localAuthority === area) : []
  if (area && agencies.length === 0) {
    problems.push(`Add the local support services in ${localAuthorityName(area)} to the team's directory of agencies (Team settings)`)
  }
  problems.push(...letterheadProblems(settings.letterhead))
  const housingOptions = area ? Object.values(settings.housingOptions).find((entry) => entry.localAuthority === area) : undefined
  return { problems, ...(area ? { area } : {}), agencies: agencies.sort((a, b) => a.name.localeCompare(b.name, 'en-GB')), ...(housingOptions ? { housingOptions } : {}) }
}
