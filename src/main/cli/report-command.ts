import { writeFile } from 'node:fs/promises'
import { extname, resolve } from 'node:path'
import { Command, Option } from 'commander'
import { isoDateOf } from '../../shared/dates'
import { financialYearStart } from '../../shared/reports/financial-year'
import type { MonitoringReport } from '../../shared/reports/monitoring'
import { CLI_DATE_FORMATS, cliDate } from './cli-date'
import { CliError, withCommonOptions, withWorkspace, type CommonOptions } from './context'
import { printJson } from './output'

interface ReportOptions extends CommonOptions {
  from?: string
  to?: string
  on?: string
  format?: 'pdf' | 'csv'
  out?: string
}

/**
 * `homeward report`: the monitoring report for a period, as a PDF for commissioners, or as CSV
 * (the figures in the file named, the case-level rows beside it, "-cases" added to its name);
 * or, with --json alone, its figures printed as JSON, for a script to read.
 */
export function reportCommand(): Command {
  return withCommonOptions(
    new Command('report')
      .description('the monitoring report for a period: referrals, speed, outcomes, costs and data completeness')
      .option('--from <date>', `the first day, ${CLI_DATE_FORMATS} (default: 1 April, the start of the financial year --to is in)`, cliDate)
      .option('--to <date>', `the last day, ${CLI_DATE_FORMATS} (default: today)`, cliDate)
      .option('--on <date>', `the day to count people supported on, ${CLI_DATE_FORMATS} (the last day unless given)`, cliDate)
      .addOption(new Option('--format <format>', 'a PDF for commissioners, or CSV for a spreadsheet (with --out)').choices(['pdf', 'csv']))
      .option('--out <file>', 'where to write it (with --format)'),
  ).action(async (options: ReportOptions) => {
    // Either end left out is filled in, so the report so far this year needs neither.
    const to = options.to ?? isoDateOf(new Date())
    const range = { from: options.from ?? financialYearStart(to), to, ...(options.on === undefined ? {} : { on: options.on }) }
    const { format } = options
    if (!format && !options.out && options.json) {
      printJson(figuresOf(await withWorkspace(options, (workspace) => workspace.reports.monitoring(range))))
      return
    }
    if (!format || !options.out) throw new CliError('give --format and --out to write the report to a file, or --json alone to print its figures')
    const out = resolve(options.out)
    const written = await withWorkspace(options, async (workspace) => {
      if (format === 'pdf') {
        await writeFile(out, (await workspace.reports.export(range, 'pdf')).bytes)
        return [out]
      }
      const cases = withSuffix(out, '-cases')
      await writeFile(out, (await workspace.reports.export(range, 'figures-csv')).bytes)
      await writeFile(cases, (await workspace.reports.export(range, 'cases-csv')).bytes)
      return [out, cases]
    })
    if (options.json) printJson({ files: written })
    else for (const file of written) process.stdout.write(`Wrote ${file}\n`)
  })
}

/**
 * The report's figures, as the PDF and the figures CSV give them: counts, never the cases behind
 * them (no client names or case ids on a terminal or in a script's log).
 */
function figuresOf(report: MonitoringReport) {
  return {
    range: report.range,
    sections: report.sections.map(({ id, title, basis, figures }) => ({
      id,
      title,
      basis,
      figures: figures.map(({ label, value, unit, level }) => ({ label, value, unit, level })),
    })),
    referralsPerMonth: report.referralsPerMonth.map(({ month, label, caseIds }) => ({ month, label, referrals: caseIds.length })),
    tables: report.tables.map(({ id, title, basis, rowHeading, columns, rows }) => ({
      id,
      title,
      basis,
      rowHeading,
      columns,
      // "lines", not "rows": the report's rows are its cases, never printed here.
      lines: rows.map(({ label, cells }) => ({ label, counts: cells.map((cell) => cell.length) })),
    })),
    closures: report.closures.map(({ label, caseIds }) => ({ label, cases: caseIds.length })),
    reconnections: report.reconnections.map(({ label, caseIds }) => ({ label, cases: caseIds.length })),
    completeness: report.completeness.perCaseworker,
  }
}

/** report.csv → report-cases.csv */
function withSuffix(file: string, suffix: string): string {
  const extension = extname(file)
  return `${file.slice(0, file.length - extension.length)}${suffix}${extension || '.csv'}`
}
