import type { IsoDate } from '../dates'

/**
 * The first day of the financial year a day falls in: 1 April, as councils and commissioners count
 * a year (the report's period when no first day is given).
 */
export function financialYearStart(day: IsoDate): IsoDate {
  const year = Number(day.slice(0, 4))
  return `${day.slice(5) >= '04-01' ? year : year - 1}-04-01`
}
