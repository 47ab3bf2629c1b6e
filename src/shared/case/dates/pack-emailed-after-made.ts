import { formatDayAndDate, isoDateOf, type IsoDate } from '../../dates'
import type { GeneratedDocument } from '../attachments'

/**
 * A pack is emailed once it is made: emailed before the day Homeward first made one is usually a
 * wrong date (a slip of the day or month). Possible all the same (a pack made by hand before the
 * team used Homeward), so a warning, not a refusal. `emailedOn` is the date recorded, or the one
 * about to be ("Mark as emailed").
 */
export function packEmailedBeforeMade(generatedDocuments: Record<string, GeneratedDocument>, emailedOn: IsoDate | undefined): string | undefined {
  if (!emailedOn) return undefined
  const made = Object.values(generatedDocuments)
    .filter((document) => document.kind === 'presentation-pack')
    .map((document) => isoDateOf(new Date(document.at)))
    .sort()[0]
  if (!made || emailedOn >= made) return undefined
  return `The presentation pack was first made on ${formatDayAndDate(made)}, after the day it is recorded as emailed: check this date`
}
