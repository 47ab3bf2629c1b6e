import { formatDayAndDate, type IsoDate } from '../../dates'

/**
 * The toolkit (Phase 5) has the pack "sent to the Housing Options Officer or Manager by email a
 * day in advance of the presentation and handed over in hard copy on the day". Emailed after the
 * day is possible (sent on afterwards) but usually a wrong date: a warning, not a refusal.
 * `emailedOn` is the date recorded, or the one about to be ("Mark as emailed" offers today).
 */
export function packEmailedAfterTheDay(reconnectionDay: { date?: IsoDate }, emailedOn: IsoDate | undefined): string | undefined {
  const day = reconnectionDay.date
  if (!day || !emailedOn || emailedOn <= day) return undefined
  // The presentation's day with its weekday, said to be the presentation's: a bare date in brackets read as the day to email by.
  return `The pack is meant to be emailed a day in advance of the presentation on ${formatDayAndDate(day)}: check this date`
}
