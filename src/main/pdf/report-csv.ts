import { EXPENSE_CATEGORIES } from '../../shared/case/support'
import { formatUkDate } from '../../shared/dates'
import type { Figure, MonitoringReport } from '../../shared/reports/monitoring'
import { csvFile } from './csv'

const pounds = (pence: number) => (pence / 100).toFixed(2)
const UNITS: Record<Figure['unit'], string> = { cases: 'cases', people: 'people', checks: 'checks', pence: 'GBP', percent: '%', points: 'points' }
const ukDate = (date: string) => (date ? formatUkDate(date) : '')

/** The report's figures, one row each: its section, the figure (a breakdown under its figure), the value. */
export function figuresCsv(report: MonitoringReport): Uint8Array {
  const rows: (string | number)[][] = [
    ['Period', `${formatUkDate(report.range.from)} to ${formatUkDate(report.range.to)}`, '', '', ''],
    ['Section', 'Figure', 'Breakdown', 'Value', 'Unit'],
  ]
  let parent = ''
  for (const section of report.sections) {
    for (const figure of section.figures) {
      if (figure.level === 0) parent = figure.label
      const value = figure.unit === 'pence' ? pounds(figure.value) : figure.unit === 'points' ? figure.value.toFixed(1) : figure.value
      rows.push([section.title, parent, figure.level === 1 ? figure.label : '', value, UNITS[figure.unit]])
    }
  }
  // A table's cells, one row each: its title, the row, the column (a month or a quarter), the count.
  for (const table of report.tables) {
    for (const row of table.rows) row.cells.forEach((cell, i) => rows.push([table.title, row.label, table.columns[i]!, cell.length, 'cases']))
  }
  for (const month of report.referralsPerMonth) rows.push(['Referrals per month', month.label, '', month.caseIds.length, 'cases'])
  for (const entry of report.completeness.perCaseworker) {
    rows.push(['Data completeness', entry.caseworker, `${entry.filled} of ${entry.expected} essential fields, ${entry.cases} ${entry.cases === 1 ? 'case' : 'cases'}`, entry.percent, '%'])
  }
  return csvFile(rows)
}

/** The cases behind the figures, one row each, with what the report counted from each. */
export function casesCsv(report: MonitoringReport): Uint8Array {
  const gaps = new Map<string, string[]>()
  for (const gap of report.completeness.gaps) gaps.set(gap.caseId, [...(gaps.get(gap.caseId) ?? []), gap.field])
  return csvFile([
    [
      'Case ID',
      'Client',
      'CHAIN number',
      'Lead caseworker',
      'Referring organisation',
      'Referral received',
      'Referral status',
      'Decided on',
      'Rejection reason',
      'Destination',
      'Arrived on',
      'Closed on',
      'Closure',
      'Closure reason',
      ...EXPENSE_CATEGORIES.map((category) => `Spent on ${category.label.toLowerCase()} (GBP)`),
      'Spent in total (GBP)',
      'Missing essential fields',
    ],
    ...report.rows.map((row) => [
      row.id,
      row.clientName,
      row.chainNumber,
      row.leadCaseworker,
      row.referringOrganisation,
      ukDate(row.receivedOn),
      row.referralStatus,
      ukDate(row.decidedOn),
      row.rejectionReason,
      row.destination,
      ukDate(row.arrivedOn),
      ukDate(row.closedOn),
      row.closure,
      row.closureReason,
      ...EXPENSE_CATEGORIES.map((category) => pounds(row.spend[category.value])),
      pounds(row.spend.total),
      (gaps.get(row.id) ?? []).join('; '),
    ]),
  ])
}
