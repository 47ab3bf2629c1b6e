import { useState } from 'react'
import { Link } from 'react-router'
import { namesToldApart } from '../../shared/case/name-told-apart'
import { formatUkDate, isoDateOf, typedUkDate } from '../../shared/dates'
import { financialYearStart } from '../../shared/reports/financial-year'
import { closuresChartTitle, formatFigure, RECONNECTIONS_CHART_TITLE, type Figure, type MonitoringReport, type ReportSection, type ReportTable } from '../../shared/reports/monitoring'
import { may } from '../../shared/team/permissions'
import { useApi, useProfile } from '../app/contexts'
import { DataTable } from '../components/DataTable'
import { ErrorSummary, Form, SubmitButton, TextField } from '../components/form'
import { PageHeading } from '../components/PageHeading'
import { useSubmit } from '../forms/useSubmit'
import { saveToDownloads } from '../platform/files'
import { BarChart, ColumnChart } from './Charts'

const MEDIA_TYPES = { pdf: 'application/pdf', 'figures-csv': 'text/csv', 'cases-csv': 'text/csv' } as const
type Export = keyof typeof MEDIA_TYPES

/**
 * The monitoring report for any period: figures counted from the case records, each opening to
 * the cases behind it, with charts, and the PDF and CSV to send on.
 */
export function ReportPage() {
  const api = useApi()
  const profile = useProfile()
  const [from, setFrom] = useState(() => formatUkDate(financialYearStart(isoDateOf(new Date()))))
  const [to, setTo] = useState(() => formatUkDate(isoDateOf(new Date())))
  // Blank: people supported are counted on the last day.
  const [on, setOn] = useState('')
  const [report, setReport] = useState<MonitoringReport | undefined>()
  const { busy, issues, run } = useSubmit()
  const range = () => ({ from: typedUkDate(from), to: typedUkDate(to), ...(on.trim() ? { on: typedUkDate(on) } : {}) })

  const show = () => run(async () => setReport(await api.call('getMonitoringReport', range())))
  const download = (as: Export) => run(async () => saveToDownloads(await api.call('exportMonitoringReport', { ...range(), as }), MEDIA_TYPES[as]))

  return (
    <>
      <PageHeading title="Monitoring report" />
      <p className="lead">People supported, referrals, speed, outcomes, wellbeing, income and employment, equality monitoring, costs and data completeness for any period, counted from the case records.</p>
      {may(profile.role, 'read-audit') && (
        <p>
          <Link to="/reports/audit">Audit: who has seen which case</Link>
        </p>
      )}
      <ErrorSummary issues={issues} />
      <Form className="report-range" onSubmit={() => void show()}>
        <TextField name="from" label="From" hint="DD/MM/YYYY" width="short" value={from} onChange={setFrom} error={issues.find((i) => i.field === 'from')?.message} />
        <TextField name="to" label="To" hint="DD/MM/YYYY" width="short" value={to} onChange={setTo} error={issues.find((i) => i.field === 'to')?.message} />
        <TextField
          name="on"
          label="People supported on"
          hint="DD/MM/YYYY, or leave blank for the last day"
          width="short"
          value={on}
          onChange={setOn}
          error={issues.find((i) => i.field === 'on')?.message}
        />
        <SubmitButton label="Show the report" busy={busy} busyLabel="Counting…" />
      </Form>
      {report && <ReportView report={report} onDownload={download} />}
    </>
  )
}

function ReportView({ report, onDownload }: { report: MonitoringReport; onDownload: (as: Export) => void }) {
  // Two people of one name in the report are told apart wherever a case is named, so one is never read as the other.
  const names = namesToldApart(report.rows)
  return (
    <>
      <h2>
        {formatUkDate(report.range.from)} to {formatUkDate(report.range.to)}
      </h2>
      <div className="actions">
        <button type="button" className="button" onClick={() => onDownload('pdf')}>
          Download the PDF
        </button>
        <button type="button" className="button button--secondary" onClick={() => onDownload('figures-csv')}>
          Download the figures (CSV)
        </button>
        <button type="button" className="button button--secondary" onClick={() => onDownload('cases-csv')}>
          Download the cases (CSV)
        </button>
      </div>
      <h3>Referrals per month</h3>
      <ColumnChart title="Referrals received per month" bars={report.referralsPerMonth.map((month) => ({ label: month.label, value: month.caseIds.length }))} />
      <h3>Outcomes in the period</h3>
      <BarChart title={closuresChartTitle(report)} bars={report.closures.map((bar) => ({ label: bar.label, value: bar.caseIds.length }))} />
      <BarChart title={RECONNECTIONS_CHART_TITLE} bars={report.reconnections.map((bar) => ({ label: bar.label, value: bar.caseIds.length }))} />
      {report.sections.map((section) => (
        <section key={section.id} aria-labelledby={`section-${section.id}`}>
          <h3 id={`section-${section.id}`}>{section.title}</h3>
          <p className="field__hint">{section.basis}</p>
          {LONG_SECTIONS.includes(section.id) ? (
            <details className="disclosure disclosure--wide">
              <summary>The {section.figures.filter((figure) => figure.level === 0).length} breakdowns, one a question</summary>
              <FigureTable caption={section.title} figures={section.figures} names={names} />
            </details>
          ) : (
            <FigureTable caption={section.title} figures={section.figures} names={names} />
          )}
          {report.tables
            .filter((table) => table.after === section.id)
            .map((table) => (
              <section key={table.id} aria-labelledby={`table-${table.id}`}>
                <h4 id={`table-${table.id}`}>{table.title}</h4>
                <p className="field__hint">{table.basis}</p>
                <CountsTable table={table} names={names} />
              </section>
            ))}
        </section>
      ))}
      <section aria-labelledby="section-completeness">
        <h3 id="section-completeness">Data completeness</h3>
        <p className="field__hint">The share of essential fields filled in, for how far each case has come, by lead caseworker.</p>
        <DataTable
          caption="Data completeness by lead caseworker"
          rows={report.completeness.perCaseworker}
          rowKey={(entry) => entry.caseworker}
          columns={[
            { heading: 'Caseworker', rowHeader: true, cell: (entry) => entry.caseworker },
            { heading: 'Cases', numeric: true, cell: (entry) => entry.cases },
            { heading: 'Fields filled', numeric: true, cell: (entry) => `${entry.filled} of ${entry.expected}` },
            { heading: 'Complete', numeric: true, cell: (entry) => `${entry.percent}%` },
          ]}
        />
        {report.completeness.gaps.length > 0 && (
          <details className="disclosure">
            <summary>The {report.completeness.gaps.length} gaps to fill</summary>
            <DataTable
              caption="Essential fields not filled in"
              rows={report.completeness.gaps}
              rowKey={(gap) => `${gap.caseId}-${gap.field}`}
              columns={[
                { heading: 'Caseworker', cell: (gap) => gap.caseworker },
                { heading: 'Client', rowHeader: true, cell: (gap) => <Link to={`/cases/${gap.caseId}`}>{names.get(gap.caseId) ?? gap.clientName}</Link> },
                { heading: 'Missing', cell: (gap) => gap.field },
              ]}
            />
          </details>
        )}
      </section>
    </>
  )
}

/** Sections of many breakdowns, folded until asked for so the page is not a wall of figures. */
const LONG_SECTIONS: readonly ReportSection['id'][] = ['equality-referrals', 'equality-outcomes', 'equality-closures']

/** The cases behind a figure, each opening its case. */
function CaseLinks({ caseIds, names }: { caseIds: readonly string[]; names: Map<string, string> }) {
  return (
    <ul className="figure-cases">
      {caseIds.map((id) => (
        <li key={id}>
          <Link to={`/cases/${id}`}>{names.get(id) ?? id}</Link>
        </li>
      ))}
    </ul>
  )
}

/**
 * A table of counts (organisation by month, figures by quarter): each count a button opening the
 * cases behind it under its row, one at a time.
 */
function CountsTable({ table, names }: { table: ReportTable; names: Map<string, string> }) {
  const [open, setOpen] = useState<{ row: number; column: number } | undefined>()
  return (
    <DataTable
      caption={table.title}
      className="counts-table"
      scroll
      rows={table.rows}
      rowKey={(row) => row.label}
      columns={[
        { heading: table.rowHeading, rowHeader: true, cell: (row) => row.label },
        ...table.columns.map((heading, column) => ({
          heading,
          numeric: true,
          cell: (row: ReportTable['rows'][number], index: number) => {
            const cases = row.cells[column]!
            if (cases.length === 0) return '0'
            const isOpen = open?.row === index && open.column === column
            return (
              <button type="button" className="link-button" aria-expanded={isOpen} onClick={() => setOpen(isOpen ? undefined : { row: index, column })}>
                {cases.length}
                <span className="visually-hidden">
                  : {isOpen ? 'hide' : 'show'} the {cases.length === 1 ? 'case' : 'cases'}, {row.label}, {heading}
                </span>
              </button>
            )
          },
        })),
      ]}
      rowDetail={(row, index) => open?.row === index && <CaseLinks caseIds={row.cells[open.column]!} names={names} />}
    />
  )
}

/** A section's figures, each with the cases behind it on request. */
function FigureTable({ caption, figures, names }: { caption: string; figures: Figure[]; names: Map<string, string> }) {
  const [open, setOpen] = useState<ReadonlySet<number>>(new Set())
  const toggle = (index: number) => setOpen((was) => (was.has(index) ? new Set([...was].filter((other) => other !== index)) : new Set([...was, index])))
  return (
    <DataTable
      caption={caption}
      rows={figures}
      rowKey={(_figure, index) => String(index)}
      rowClassName={(figure) => (figure.level === 1 ? 'figure--breakdown' : undefined)}
      columns={[
        { heading: 'Figure', rowHeader: true, cell: (figure) => figure.label },
        { heading: 'Value', numeric: true, cell: (figure) => formatFigure(figure) },
        {
          heading: 'Cases',
          cell: (figure, index) =>
            figure.caseIds.length > 0 && (
              <button type="button" className="link-button" aria-expanded={open.has(index)} onClick={() => toggle(index)}>
                {open.has(index) ? 'Hide' : 'Show'} the {figure.caseIds.length === 1 ? 'case' : `${figure.caseIds.length} cases`}
                <span className="visually-hidden">: {figure.label}</span>
              </button>
            ),
        },
      ]}
      rowDetail={(figure, index) => open.has(index) && <CaseLinks caseIds={figure.caseIds} names={names} />}
    />
  )
}
