import { PDFDocument } from '@cantoo/pdf-lib'
import { formatUkDate, formatUkDateTime } from '../../shared/dates'
import { closuresChartTitle, formatFigure, RECONNECTIONS_CHART_TITLE, type MonitoringReport, type ReportTable } from '../../shared/reports/monitoring'
import type { TeamSettings } from '../../shared/team/settings'
import { barChart, columnChart } from './charts'
import { embedFaces } from './fonts'
import { Composer, stampFooters } from './layout'
import { drawLetterhead, embedTeamImage, setProperties } from './letter'

export interface MonitoringReportInput {
  report: MonitoringReport
  settings: TeamSettings
  now: Date
}

/**
 * The monitoring report for commissioners: the figures of each section, the charts, and data
 * completeness per caseworker. Figures only: no client is named (the case-level CSV names them,
 * for the team).
 */
export async function makeMonitoringReport(input: MonitoringReportInput): Promise<Uint8Array> {
  const { report, settings } = input
  const doc = await PDFDocument.create({ updateMetadata: false })
  const faces = await embedFaces(doc)
  const c = new Composer(doc, faces)
  const period = `${formatUkDate(report.range.from)} to ${formatUkDate(report.range.to)}`
  const team = settings.letterhead.teamName ?? settings.letterhead.organisation ?? 'Safe Connections team'

  drawLetterhead(c, settings.letterhead, await embedTeamImage(doc, settings.logo))
  c.heading('Monitoring report', 1)
  c.text(`${team}: ${period}`, { size: 12, bold: true, after: 4 })
  c.text(`Counted from the case records on ${formatUkDateTime(input.now.toISOString())}.`, { size: 9.5, after: 12 })

  c.heading('Referrals per month', 2)
  columnChart(
    c,
    report.referralsPerMonth.map((month) => ({ label: month.label, value: month.caseIds.length })),
  )
  c.heading('Outcomes in the period', 2)
  c.text(closuresChartTitle(report), { size: 9.5, bold: true, after: 4 })
  barChart(c, report.closures.map((bar) => ({ label: bar.label, value: bar.caseIds.length })))
  c.text(RECONNECTIONS_CHART_TITLE, { size: 9.5, bold: true, after: 4 })
  barChart(c, report.reconnections.map((bar) => ({ label: bar.label, value: bar.caseIds.length })))

  for (const section of report.sections) {
    c.heading(section.title, 2)
    c.text(section.basis, { size: 9.5, after: 6 })
    c.table(
      [
        { title: 'Figure', width: 0.78 },
        { title: 'Value', width: 0.22, align: 'right' },
      ],
      // A breakdown is indented under its figure (no-break spaces: the table's wrapping keeps them).
      section.figures.map((figure) => [`${figure.level === 1 ? '\u00a0'.repeat(6) : ''}${figure.label}`, formatFigure(figure)]),
    )
    for (const table of report.tables.filter((t) => t.after === section.id)) tableOfCounts(c, table)
  }

  c.heading('Data completeness', 2)
  c.text('The share of essential fields filled in, for how far each case has come, by lead caseworker.', { size: 9.5, after: 6 })
  c.table(
    [
      { title: 'Caseworker', width: 0.46 },
      { title: 'Cases', width: 0.14, align: 'right' },
      { title: 'Fields filled', width: 0.22, align: 'right' },
      { title: 'Complete', width: 0.18, align: 'right' },
    ],
    report.completeness.perCaseworker.map((entry) => [entry.caseworker, String(entry.cases), `${entry.filled} of ${entry.expected}`, `${entry.percent}%`]),
  )
  // Counted, not named: the app and the case-level CSV list each case, for the team.
  const gaps = new Map<string, number>()
  for (const gap of report.completeness.gaps) gaps.set(`${gap.caseworker}\u0000${gap.field}`, (gaps.get(`${gap.caseworker}\u0000${gap.field}`) ?? 0) + 1)
  if (gaps.size > 0) {
    c.heading('Gaps to fill', 3)
    c.table(
      [
        { title: 'Caseworker', width: 0.34 },
        { title: 'Missing', width: 0.5 },
        { title: 'Cases', width: 0.16, align: 'right' },
      ],
      [...gaps].map(([key, count]) => [...key.split('\u0000'), String(count)]),
    )
  }

  stampFooters(doc, faces, { subject: `Monitoring report, ${period}`, notice: 'Official: for the team and its commissioners.' })
  setProperties(doc, { title: `Monitoring report, ${period}`, author: settings.letterhead.organisation ?? 'Homeward', subject: `${team}: monitoring ${period}` }, input.now)
  return doc.save()
}

/**
 * At most this many columns of counts side by side, so each heading fits in two lines: a year of
 * months is two tables, one under the other; a quarter's longer heading takes four to a table.
 */
const COLUMNS_ACROSS: Record<ReportTable['id'], number> = { 'referrers-by-month': 6, quarters: 4 }

/** A table of counts (organisation by month, figures by quarter), its columns in groups that fit the page. */
function tableOfCounts(c: Composer, table: ReportTable): void {
  c.heading(table.title, 3)
  c.text(table.basis, { size: 9.5, after: 6 })
  const across = COLUMNS_ACROSS[table.id]
  for (let first = 0; first < table.columns.length; first += across) {
    const columns = table.columns.slice(first, first + across)
    const share = 0.66 / columns.length
    c.table(
      [{ title: table.rowHeading, width: 0.34 }, ...columns.map((title) => ({ title, width: share, align: 'right' as const }))],
      table.rows.map((row) => [row.label, ...row.cells.slice(first, first + across).map((cell) => cell.length.toLocaleString('en-GB'))]),
      { size: 9 },
    )
  }
}
