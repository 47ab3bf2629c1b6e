import type { IsoDate } from '../dates'
import { workingDayBefore } from '../calendar/working-days'

/**
 * The toolkit's Phase 5: the presentation pack is "sent to the Housing Options Officer or Manager by
 * email a day in advance of the presentation". The presentation is on the date of reconnection, so
 * the pack is due the working day before it (the Friday, for a Monday presentation), until it is
 * recorded as emailed. Once the client has arrived the day is past and there is nothing to send.
 */
export interface PackEmailFacts {
  status: 'open' | 'closed'
  reconnectionDate: IsoDate | null
  packEmailedOn: IsoDate | null
  arrivedOn: IsoDate | null
}

export function packEmailDue(facts: PackEmailFacts): IsoDate | undefined {
  if (facts.status !== 'open' || !facts.reconnectionDate || facts.packEmailedOn || facts.arrivedOn) return undefined
  return workingDayBefore(facts.reconnectionDate)
}
