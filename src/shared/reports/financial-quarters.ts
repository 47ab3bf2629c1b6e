import { format, parseISO } from 'date-fns'
import type { IsoDate } from '../dates'
import type { DateRange } from './monitoring'

/** A financial quarter (the year starts on 1 April), or the part of it a report's range covers. */
export interface FinancialQuarter {
  /** "Q1 2026–27 (Apr–Jun 2026)", with "from 15/05" or "to 20/06" when the range covers only part of it. */
  label: string
  from: IsoDate
  to: IsoDate
}

const pad = (n: number) => String(n).padStart(2, '0')
const lastDay = (year: number, month: number) => new Date(Date.UTC(year, month, 0)).getUTCDate()
const short = (date: IsoDate) => format(parseISO(date), 'dd/MM')

/**
 * The financial quarters a range falls in, in order: April to June is Q1, July to September Q2,
 * October to December Q3, January to March Q4 of the year that began the April before. Each is cut
 * to the range, and its label says so, so a commissioner never reads a part quarter as a whole one.
 */
export function financialQuarters(range: DateRange): FinancialQuarter[] {
  const quarters: FinancialQuarter[] = []
  let year = Number(range.from.slice(0, 4))
  // The first month of the quarter holding the range's first day: 1, 4, 7 or 10.
  let month = Math.floor((Number(range.from.slice(5, 7)) - 1) / 3) * 3 + 1
  for (;;) {
    const start = `${year}-${pad(month)}-01`
    if (start > range.to) return quarters
    const end = `${year}-${pad(month + 2)}-${pad(lastDay(year, month + 2))}`
    const yearStart = month >= 4 ? year : year - 1
    const number = month >= 4 ? (month - 1) / 3 : 4
    const from = start < range.from ? range.from : start
    const to = end > range.to ? range.to : end
    const part = [from !== start && `from ${short(from)}`, to !== end && `to ${short(to)}`].filter(Boolean).join(' ')
    const months = `${format(parseISO(start), 'MMM')}–${format(parseISO(end), 'MMM yyyy')}`
    quarters.push({ label: `Q${number} ${yearStart}–${String(yearStart + 1).slice(2)} (${months}${part ? `, ${part}` : ''})`, from, to })
    month += 3
    if (month > 12) {
      month = 1
      year += 1
    }
  }
}
