import { formatDayAndDate, type IsoDate } from '../../dates'

/**
 * The toolkit (Phase 5) has the pack "handed over in hard copy on the day" of the presentation. A
 * hard copy given on another day is possible (posted, or left the day before) but usually a wrong
 * date: a warning, not a refusal, and Phase 5's "handed over on the day" is not ticked for it.
 */
export function packHandedOverAnotherDay(reconnectionDay: { date?: IsoDate; packHandedOverOn?: IsoDate }): string | undefined {
  const { date, packHandedOverOn: handedOver } = reconnectionDay
  if (!date || !handedOver || handedOver === date) return undefined
  return `The pack is meant to be handed over in hard copy on the day of the presentation, ${formatDayAndDate(date)}: check this date`
}
