import { isoDateOf } from '../../shared/dates'
import { monitoringReport, type DateRange, type MonitoringReport } from '../../shared/reports/monitoring'
import { makeMonitoringReport } from '../paperwork/monitoring-report'
import { casesCsv, figuresCsv } from '../paperwork/report-csv'
import type { Workspace } from './workspace'

export type ReportExport = 'pdf' | 'figures-csv' | 'cases-csv'

/** The monitoring report for a range, counted from every case document. */
export async function monitoringReportFor(workspace: Workspace, range: DateRange): Promise<MonitoringReport> {
  return monitoringReport(await workspace.readAllCases(), range, isoDateOf(workspace.now()))
}

/** The report as a file: the PDF for commissioners, or the figures or case-level rows as CSV. */
export async function exportMonitoringReport(workspace: Workspace, range: DateRange, as: ReportExport): Promise<{ fileName: string; bytes: Uint8Array }> {
  const report = await monitoringReportFor(workspace, range)
  const period = `${range.from}-to-${range.to}`
  switch (as) {
    case 'pdf':
      return {
        fileName: `Monitoring report ${period}.pdf`,
        bytes: await makeMonitoringReport({ report, settings: workspace.teamSettings(), now: workspace.now() }),
      }
    case 'figures-csv':
      return { fileName: `Monitoring figures ${period}.csv`, bytes: figuresCsv(report) }
    case 'cases-csv':
      return { fileName: `Monitoring cases ${period}.csv`, bytes: casesCsv(report) }
  }
}
