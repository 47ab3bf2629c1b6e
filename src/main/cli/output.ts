import type { CaseSummary } from '../../shared/case/summary'
import { PHASE_NAMES } from '../../shared/case/phases'
import { formatUkDate, formatUkDayOf } from '../../shared/dates'
import type { SearchHit } from '../../shared/api'
import type { CaseRecord } from '../../shared/case/record'
import { phaseLabel } from '../../shared/case/phases'
import { closedAs, closedLabel } from '../../shared/case/closed-label'
import { caseFlags } from '../../shared/case/flags'
import { nextStep } from '../../shared/case/lifecycle'
import { NOTE_TYPE_LABELS } from '../../shared/case/notes'
import { isoDateOf } from '../../shared/dates'

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
    row.closedAs ? closedLabel(row.closedAs) : PHASE_NAMES[row.phase],
    formatUkDayOf(row.updatedAt),
    ...('matchedIn' in row ? [row.matchedIn] : []),
  ])
  const header = ['ID', 'Client', 'Born', 'CHAIN', 'Phase', 'Updated', ...('matchedIn' in cases[0]! ? ['Found in'] : [])]
  printTable(header, rows)
}

/** Rows under a header, each column as wide as its widest cell. */
export function printTable(header: string[], rows: string[][]): void {
  const table = [header, ...rows]
  const widths = header.map((_, column) => Math.max(...table.map((row) => [...(row[column] ?? '')].length)))
  for (const row of table) {
    const line = row.map((cell, column) => cell.padEnd(column === row.length - 1 ? 0 : widths[column]!)).join('  ')
    process.stdout.write(`${line.trimEnd()}\n`)
  }
}

/** A case as a short report: who, where it is, what needs doing, the latest notes. */
export function printCase(id: string, record: CaseRecord): void {
  const today = isoDateOf(new Date())
  const lines = [
    `${record.referral.clientName} (born ${formatUkDate(record.referral.dateOfBirth)}${record.referral.chainNumber ? `, CHAIN ${record.referral.chainNumber}` : ''})`,
    `Case ${id}: ${caseStatusLine(record)}`,
    `Lead caseworker: ${record.allocation.leadCaseworker?.name ?? 'not allocated'}`,
    `Next: ${nextStep(record, { today })}`,
    ...caseFlags(record, today).map((flag) => `Flag: ${flag.message}`),
    `Notes: ${record.notes.length}; actions: ${Object.keys(record.actions).length}`,
    ...[...record.notes]
      .sort((a, b) => b.date.localeCompare(a.date))
      .slice(0, 5)
      .map((note) => `  ${formatUkDate(note.date)} ${NOTE_TYPE_LABELS[note.type]}, ${note.author.name}: ${note.text}`),
    '(all of it: --json)',
  ]
  process.stdout.write(`${lines.join('\n')}\n`)
}

/** Open and in which phase, or closed: how, when, and in which phase it was closed. */
function caseStatusLine(record: CaseRecord): string {
  const how = closedAs(record)
  if (!how) return `open, ${phaseLabel(record.phase)}`
  const when = record.outcome ? ` on ${formatUkDate(record.outcome.closedOn)}` : ''
  return `${closedLabel(how)}${when} (in ${phaseLabel(record.phase)}); reopen it to change it`
}
