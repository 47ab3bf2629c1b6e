import type { IsoDate } from '../../dates'

/**
 * The date the form offers for "handed over in hard copy" (Phase 5: on the day of the presentation).
 * On the day or after it, the day: marked afterwards, it is still the day the pack went. Before
 * the day, none: the pack has not gone yet, and offering today would have it recorded on a day it
 * did not go. With no day set yet, today.
 */
export function packHandedOverOffered(reconnectionDay: { date?: IsoDate }, today: IsoDate): IsoDate | undefined {
  const { date } = reconnectionDay
  if (!date) return today
  return today < date ? undefined : date
}
