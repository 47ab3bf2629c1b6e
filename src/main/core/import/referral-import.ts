import { mapColumns, type ChosenMapping } from '../../../shared/import/column-mapping'
import { planImport, type ImportResult } from '../../../shared/import/import-plan'
import { fromBase64, type ApiHandlers } from '../api/handlers'
import type { Cases } from '../cases/cases'
import type { WorkspaceCore } from '../workspace-core'
import { readSpreadsheet } from './read-spreadsheet'

/**
 * How many rows are opened in one pass (`Cases.createMany`: one transaction, one listing, one
 * indexing): few enough that the core answers the window between passes and the window can say
 * how far it has got, many enough that the disk's syncs are a small part of each row's cost.
 */
export const ROWS_AT_ONCE = 50

/**
 * Bringing in a caseload from a spreadsheet: each row a referral, checked as the referral form
 * checks it, and opened as a typed referral is (by `Cases.createMany`, the rules of `Cases.create`:
 * the same index, audit, outbox and list of outreach teams), `ROWS_AT_ONCE` at a time. A row that
 * may be a client with a case already, or an earlier row's client, is named instead of added; a dry
 * run writes nothing. Stopped part way (the app closed), the passes done are kept whole and the
 * one under way is all or nothing on disk: the same file again names the rows already opened as
 * possible duplicates and opens the rest.
 */
export class ReferralImport {
  constructor(
    private readonly core: WorkspaceCore,
    private readonly cases: Cases,
  ) {}

  async run(
    fileName: string,
    bytes: Uint8Array,
    options: { mapping?: ChosenMapping; dryRun?: boolean; onProgress?: (done: number, total: number) => void } = {},
  ): Promise<ImportResult> {
    const sheet = readSpreadsheet(fileName, bytes)
    const mapping = mapColumns(sheet.headings, options.mapping)
    const plan = planImport(sheet.rows, mapping, this.core.context().today, (identity) => this.cases.possibleDuplicates(identity))
    const result: ImportResult = { dryRun: options.dryRun ?? false, imported: 0, refused: plan.refused, duplicates: plan.duplicates, unknownColumns: plan.unknownColumns, columns: mapping.columns }
    if (options.dryRun) return { ...result, wouldImport: plan.referrals.length }
    const caseOfRow = new Map<number, string>()
    for (let start = 0; start < plan.referrals.length; start += ROWS_AT_ONCE) {
      const rows = plan.referrals.slice(start, start + ROWS_AT_ONCE)
      const outcomes = await this.cases.createMany(rows.map(({ values }) => values))
      outcomes.forEach((outcome, i) => {
        const { row } = rows[i]!
        if ('id' in outcome) {
          caseOfRow.set(row, outcome.id)
          result.imported++
        }
        // Checked already; what can still differ is the workspace itself (a case synced in meanwhile).
        else if ('duplicates' in outcome) result.duplicates.push({ row, clientName: outcome.duplicates[0]!.clientName, caseId: outcome.duplicates[0]!.id })
        else result.refused.push({ row, reason: outcome.refused.map((issue) => issue.message).join('; ') })
      })
      options.onProgress?.(Math.min(start + ROWS_AT_ONCE, plan.referrals.length), plan.referrals.length)
    }
    for (const duplicate of result.duplicates) {
      const earlier = duplicate.sameAsRow === undefined ? undefined : caseOfRow.get(duplicate.sameAsRow)
      if (earlier) duplicate.caseId = earlier
    }
    result.duplicates.sort((a, b) => a.row - b.row)
    result.refused.sort((a, b) => a.row - b.row)
    return result
  }

  handlers() {
    return {
      importReferrals: ({ fileName, base64, mapping, dryRun, taskId }, caller) =>
        this.run(fileName, fromBase64(base64), { mapping, dryRun, onProgress: (done, total) => taskId && caller.emit({ type: 'progress', taskId, done, total }) }),
    } satisfies Partial<ApiHandlers>
  }
}
