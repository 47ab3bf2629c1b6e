import { readFile } from 'node:fs/promises'
import { basename } from 'node:path'
import { Command } from 'commander'
import type { ChosenMapping } from '../../shared/import/column-mapping'
import type { ImportResult } from '../../shared/import/import-plan'
import { CliError, withCommonOptions, withWorkspace, type CommonOptions } from './context'
import { printJson } from './output'

export function importCommand(): Command {
  return withCommonOptions(
    new Command('import')
      .description('open cases from a spreadsheet of referrals (CSV, one referral a row, headings in row 1)')
      .argument('<file>', 'the CSV file (Excel "CSV UTF-8" or plain "CSV")')
      .option('--mapping <file>', 'a JSON object of column heading to referral field (its name or label; null to leave the column out), for headings that are not the form\'s own')
      .option('--dry-run', 'check every row and say what would be imported, importing nothing'),
  ).action(async (file: string, options: CommonOptions & { mapping?: string; dryRun?: boolean }) => {
    const bytes = await readInput(file)
    const mapping = options.mapping === undefined ? undefined : mappingFrom(options.mapping, await readInput(options.mapping))
    const progress = progressLine()
    const result = await withWorkspace(options, (workspace) =>
      workspace.referralImport.run(basename(file), bytes, { mapping, dryRun: options.dryRun ?? false, onProgress: progress.show }).finally(progress.end),
    )
    if (options.json) printJson(result)
    else process.stdout.write(summary(result))
  })
}

/**
 * How far a long import has got, on one line of stderr rewritten as it goes (stdout keeps only the
 * result, so `--json` stays JSON), ended with a line break. An import done in one pass says nothing.
 */
function progressLine(): { show: (done: number, total: number) => void; end: () => void } {
  let shown = false
  return {
    show: (done, total) => {
      if (!shown && done >= total) return
      shown = true
      process.stderr.write(`\rImported ${done.toLocaleString('en-GB')} of ${total.toLocaleString('en-GB')}${done < total ? '…' : ''}`)
    },
    end: () => {
      if (shown) process.stderr.write('\n')
    },
  }
}

async function readInput(file: string): Promise<Uint8Array> {
  try {
    return await readFile(file)
  } catch (error) {
    const code = (error as { code?: string }).code
    throw new CliError(`cannot read ${file}${code === 'ENOENT' ? ': no such file' : code ? ` (${code})` : ''}`)
  }
}

function mappingFrom(file: string, bytes: Uint8Array): ChosenMapping {
  let parsed: unknown
  try {
    parsed = JSON.parse(new TextDecoder().decode(bytes).replace(/^\uFEFF/, ''))
  } catch {
    throw new CliError(`${file} is not valid JSON`)
  }
  const valid =
    typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed) && Object.values(parsed).every((field) => field === null || typeof field === 'string')
  if (!valid) throw new CliError(`${file} must be a JSON object of column heading to field, like {"DOB": "dateOfBirth"}`)
  return parsed as ChosenMapping
}

/** The result in words: a line for each refused row and each possible duplicate, to find in the file. */
function summary(result: ImportResult): string {
  const cases = (n: number) => (n === 1 ? '1 case' : `${n} cases`)
  const lines = [result.dryRun ? `Dry run: would import ${cases(result.wouldImport ?? 0)}; nothing was imported` : `Imported ${cases(result.imported)}`]
  for (const { row, reason } of result.refused) lines.push(`Row ${row} refused: ${reason}`)
  for (const { row, clientName, caseId, sameAsRow } of result.duplicates) {
    const same = sameAsRow === undefined ? `a case for ${clientName} (${caseId})` : `row ${sameAsRow}${caseId ? ` (case ${caseId})` : ''}`
    lines.push(`Row ${row} not added: possibly the same person as ${same}`)
  }
  if (result.unknownColumns.length > 0) lines.push(`Columns not imported (no field chosen): ${result.unknownColumns.join(', ')}`)
  return `${lines.join('\n')}\n`
}
