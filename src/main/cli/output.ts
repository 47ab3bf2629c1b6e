import type { CaseSummary } from '../../shared/case/summary'
import { PHASE_NAMES } from '../../shared/case/phases'
import { formatUkDate, formatUkDayOf } from '../../shared/dates'
import type { SearchHit } from '../../shared/api'

export function printJson(value: unknown): void {
  process.stdout.write(`${JSON.stringify(value, null, 2)}\n`)
}

/** Cases as an aligned table, or a sentence when there are none. */
export function printCases(cases: (CaseSummary | SearchHit)[], empty: string): void {
  if (cases.length === 0) {
    process.stdout.write(`${empty}\n`)
    return
  }
  const rows = cases.map((row) => [
    row.id,
    row.clientName,
    formatUkDate(row.dateOfBirth),
    row.chainNumber ?? '',
    PHASE_NAMES[row.phase],
    formatUkDayOf(row.updatedAt),
    ...('matchedIn' in row ? [row.matchedIn] : []),
  ])
  const header = ['ID', 'Client', 'Born', 'CHAIN', 'Phase', 'Updated', ...('matchedIn' in cases[0]! ? ['Found in'] : [])]
  const table = [header, ...rows]
  const widths = header.map((_, column) => Math.max(...table.map((row) => [...(row[column] ?? '')].length)))
  for (const row of table) {
    const line = row.map((cell, column) => cell.padEnd(column === row.length - 1 ? 0 : widths[column]!)).join('  ')
    process.stdout.write(`${line.trimEnd()}\n`)
  }
}
