import { Command } from 'commander'
import type { AuditRow } from '../../shared/audit/audit-entry'
import { formatUkDateTime } from '../../shared/dates'
import { CLI_DATE_FORMATS, cliDate } from './cli-date'
import { CliError, withCommonOptions, withWorkspace, type CommonOptions } from './context'
import { printJson, printTable } from './output'

interface AuditOptions extends CommonOptions {
  case?: string
  person?: string
  from?: string
  to?: string
}

/**
 * `homeward audit`: who viewed, changed, exported or printed a case, or what one person did in a
 * period; the manager's. In a team, the newest entries are fetched from the server first.
 */
export function auditCommand(): Command {
  return withCommonOptions(
    new Command('audit')
      .description("who has seen a case (--case ID), or what a person has seen (--person NAME --from --to); the manager's")
      .option('--case <id>', 'the case id')
      .option('--person <name>', "one of the team's people, by name")
      .option('--from <date>', `with --person: the first day, ${CLI_DATE_FORMATS}`, cliDate)
      .option('--to <date>', `with --person: the last day, ${CLI_DATE_FORMATS}`, cliDate),
  ).action(async (options: AuditOptions) => {
    if ((options.case === undefined) === (options.person === undefined)) throw new CliError('say either --case ID or --person NAME (with --from and --to)')
    const range = options.person === undefined ? undefined : { from: given(options.from, '--from'), to: given(options.to, '--to') }
    const rows = await withWorkspace(options, async (workspace) => {
      await workspace.audit.exchange()
      if (options.case !== undefined) return workspace.audit.ofCase(options.case)
      const person = workspace.audit.personNamed(options.person!)
      if (!person) throw new CliError(`nobody called "${options.person!.slice(0, 100)}" is in the team or the audit`)
      return workspace.audit.entriesOf(person.id, range!)
    })
    if (options.json) return printJson(rows.map(({ who, when, action, caseId, detail, device, forged, received }) => ({ who, when, action, caseId, detail, device, forged, received })))
    if (rows.length === 0) return void process.stdout.write('Nothing recorded.\n')
    printTable(['When', 'Who', 'Action', 'Case', 'Laptop', ''], rows.map(textRow))
  })
}

function textRow(row: AuditRow): string[] {
  return [formatUkDateTime(row.when), row.who, [row.action, row.detail].filter(Boolean).join(': '), row.caseId, row.device ?? 'not in a team', row.forged ? 'sent from another person’s laptop' : '']
}

function given(date: string | undefined, option: string): string {
  if (date === undefined) throw new CliError(`--person needs ${option} ${CLI_DATE_FORMATS}`)
  return date
}
