import * as Automerge from '@automerge/automerge'
import type { CaseDoc, CaseRecord } from '../../../shared/case/record'
import { isoDateOf } from '../../../shared/dates'
import { monitoringReport, type DateRange, type MonitoringReport } from '../../../shared/reports/monitoring'
import { firstRecordedOf, reportRecordOf, RESTRICTED_CASE_NAME } from '../../../shared/reports/anonymised-case'
import { firstRecorded } from '../../../shared/reports/first-recorded'
import type { FirstRecorded } from '../../../shared/reports/income-and-work-change'
import { erasures } from '../../../shared/team/erasures'
import { restrictions } from '../../../shared/team/restrictions'
import { casesCsv, figuresCsv } from '../../pdf/report-csv'
import { toBase64, type ApiHandlers } from '../api/handlers'
import type { Audit } from '../audit/audit'
import type { Cases } from '../cases/cases'
import type { Team } from '../team/team'
import type { WorkspaceCore } from '../workspace-core'

export type ReportExport = 'pdf' | 'figures-csv' | 'cases-csv'

/** The team's monitoring report for commissioners, counted from every case document. */
export class Reports {
  /**
   * What each case version first recorded, by its heads: its history is decoded once, not again
   * for the PDF or the CSV made from the report just shown. Kept only for the cases of the last report.
   */
  #firstRecorded = new Map<string, FirstRecorded>()

  constructor(
    private readonly core: WorkspaceCore,
    private readonly cases: Cases,
    private readonly team: Team,
    private readonly audit: Audit,
  ) {}

  /**
   * The monitoring report for a range: the cases held here, the erased cases' anonymised records (so
   * erasing a case changes no figure), and those of the restricted cases this laptop may not hold
   * (the server's, in the team document), so every laptop's figures are the team's. What a case
   * first recorded of money and work is read from its history only for a case closed in the
   * range, the only ones the report compares (decoding a history walks every change).
   */
  async monitoring(range: DateRange): Promise<MonitoringReport> {
    const closedInRange = (record: CaseRecord) => record.outcome !== undefined && record.outcome.closedOn >= range.from && record.outcome.closedOn <= range.to
    const known = this.#firstRecorded
    this.#firstRecorded = new Map()
    const firstOf = (doc: CaseDoc) => {
      const heads = Automerge.getHeads(doc).join(',')
      const first = known.get(heads) ?? firstRecorded(doc)
      this.#firstRecorded.set(heads, first)
      return first
    }
    const held = await this.cases.readAll((doc, record) => (closedInRange(record) ? { firstRecorded: firstOf(doc) } : {}))
    const heldIds = new Set(held.map((c) => c.id))
    const team = this.core.teamDoc().doc()
    const erased = Object.entries(erasures(team))
      .filter(([id]) => !heldIds.has(id))
      .map(([id, erasure]) => ({ id, record: reportRecordOf(erasure.record), firstRecorded: firstRecordedOf(erasure.record), anonymised: true }))
    const restricted = Object.entries(restrictions(team)).flatMap(([id, restriction]) =>
      heldIds.has(id) || !restriction.record
        ? []
        : [{ id, record: reportRecordOf(restriction.record, RESTRICTED_CASE_NAME), firstRecorded: firstRecordedOf(restriction.record), anonymised: true }],
    )
    return monitoringReport([...held, ...erased, ...restricted], range, isoDateOf(this.core.now()), this.team.outreachTeamEntries())
  }

  /** The report as a file: the PDF for commissioners, or the figures or case-level rows as CSV. */
  async export(range: DateRange, as: ReportExport): Promise<{ fileName: string; bytes: Uint8Array }> {
    const report = await this.monitoring(range)
    const period = `${range.from}-to-${range.to}`
    switch (as) {
      case 'pdf': {
        const { makeMonitoringReport } = await import('../../pdf/monitoring-report')
        return {
          fileName: `Monitoring report ${period}.pdf`,
          bytes: await makeMonitoringReport({ report, settings: this.team.settings(), now: this.core.now() }),
        }
      }
      case 'figures-csv':
        return { fileName: `Monitoring figures ${period}.csv`, bytes: figuresCsv(report) }
      case 'cases-csv':
        // Each case's row names the client: each case's data has left Homeward.
        this.audit.recordEach(report.rows.map((row) => row.id), 'exported', 'monitoring report case rows')
        return { fileName: `Monitoring cases ${period}.csv`, bytes: casesCsv(report) }
    }
  }

  handlers() {
    return {
      getMonitoringReport: (range) => this.monitoring(range),
      exportMonitoringReport: async ({ as, ...range }) => {
        const made = await this.export(range, as)
        return { fileName: made.fileName, base64: toBase64(made.bytes) }
      },
    } satisfies Partial<ApiHandlers>
  }
}
