import { mapColumns, type ChosenMapping } from '../../../shared/import/column-mapping'
import { planImport, type ImportResult } from '../../../shared/import/import-plan'
import { ValidationError } from '../../../shared/validation'
import { fromBase64, type ApiHandlers } from '../api/handlers'
import type { Cases } from '../cases/cases'
import { DuplicateCaseError } from '../errors'
import type { WorkspaceCore } from '../workspace-core'
import { readSpreadsheet } from './read-spreadsheet'

/**
 * Bringing in a caseload from a spreadsheet: each row a referral, checked as the referral form
 * checks it, and opened as a typed referral is (`Cases.create`: the same index, audit and list of
 * outreach teams). A row that may be a client with a case already, or an earlier row's client, is
 * named instead of added; a dry run writes nothing.
 */
export class ReferralImport {
  constructor(
    private readonly core: WorkspaceCore,
    private readonly cases: Cases,
  ) {}

  async run(fileName: string, bytes: Uint8Array, options: { mapping?: ChosenMapping; dryRun?: boolean } = {}): Promise<ImportResult> {
    const sheet = readSpreadsheet(fileName, bytes)
    const mapping = mapColumns(sheet.headings, options.mapping)
    const plan = planImport(sheet.rows, mapping, this.core.context().today, (identity) => this.cases.possibleDuplicates(identity))
    const result: ImportResult = { dryRun: options.dryRun ?? false, imported: 0, refused: plan.refused, duplicates: plan.duplicates, unknownColumns: plan.unknownColumns, columns: mapping.columns }
    if (options.dryRun) return { ...result, wouldImport: plan.referrals.length }
    const caseOfRow = new Map<number, string>()
    for (const { row, values } of plan.referrals) {
      try {
        caseOfRow.set(row, await this.cases.create(values))
        result.imported++
      } catch (error) {
        // Checked already; what can still differ is the workspace itself (a case synced in meanwhile).
        if (error instanceof DuplicateCaseError) result.duplicates.push({ row, clientName: error.matches[0]!.clientName, caseId: error.matches[0]!.id })
        else if (error instanceof ValidationError) result.refused.push({ row, reason: error.issues.map((issue) => issue.message).join('; ') })
        else throw error
      }
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
      importReferrals: ({ fileName, base64, mapping, dryRun }) => this.run(fileName, fromBase64(base64), { mapping, dryRun }),
    } satisfies Partial<ApiHandlers>
  }
}
