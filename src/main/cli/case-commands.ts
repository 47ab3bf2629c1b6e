import { readFile } from 'node:fs/promises'
import { Command } from 'commander'
import { CaseRuleError } from '../../shared/case/changes'
import { issueInWords } from '../../shared/case/where-in-the-case'
import { ValidationError } from '../../shared/validation'
import { DuplicateCaseError } from '../core/errors'
import { CliError, withCommonOptions, withWorkspace, type CommonOptions } from './context'
import { printCase, printCases, printJson } from './output'
import { restrictCommand } from './restrict-command'
import { correctCommand } from './correct-command'

export function caseCommands(): Command {
  const cases = new Command('case').description('add and list cases')

  withCommonOptions(
    cases
      .command('add')
      .description('open a case from a referral in a JSON file; prints the new case id')
      .requiredOption(
        '--json-file <file>',
        'a referral (clientName, dateOfBirth as YYYY-MM-DD, chainNumber, referrerName, outreachTeam, and any Tool 3 field), or a whole case as `case show --json` prints it',
      )
      .option('--allow-duplicate', 'add it even if a case exists with the same CHAIN number, or the same name and date of birth'),
  ).action(async (options: CommonOptions & { jsonFile: string; allowDuplicate?: boolean }) => {
    const input = await readJsonFile(options.jsonFile)
    // A list, a number or a string is no case: said in the file's terms, not the schema's ("expected object").
    if (typeof input !== 'object' || input === null || Array.isArray(input)) {
      throw new CliError(
        `the case was not added: the file must hold one case, a JSON object (a referral, or a whole case as \`case show --json\` prints it); ${options.jsonFile} holds ${Array.isArray(input) ? 'a list' : input === null ? 'null' : `a ${typeof input}`}`,
      )
    }
    const wholeCase = 'kind' in input
    const [id, warnings] = await withWorkspace(options, async (workspace) => {
      try {
        if (!wholeCase) return [await workspace.cases.create(input, { allowDuplicate: options.allowDuplicate ?? false }), []] as const
        let warnings: string[] = []
        const imported = await workspace.cases.importCase(input, (said) => (warnings = said))
        return [imported, warnings] as const
      } catch (error) {
        if (error instanceof ValidationError) {
          // One line per problem, so that each can be found and fixed in the file.
          throw new CliError(error.issues.map((issue) => `the case was not added: ${issueInWords(issue)}`).join('\n'))
        }
        if (error instanceof DuplicateCaseError) {
          throw new CliError(`the case was not added: ${error.message}; add --allow-duplicate to add it anyway`)
        }
        throw error
      }
    })
    // Added, but worth a look: on stderr, so that stdout stays the id.
    for (const warning of warnings) process.stderr.write(`homeward: warning: ${warning}\n`)
    if (options.json) printJson({ id })
    else process.stdout.write(`${id}\n`)
  })

  withCommonOptions(cases.command('show').description('print one case, whole').argument('<id>', 'the case id')).action(
    async (id: string, options: CommonOptions) => {
      const record = await withWorkspace(options, async (workspace) => {
        const read = await workspace.cases.read(id)
        // Printing a case whole is looking at it: recorded as any view is.
        workspace.audit.record(id, 'viewed', 'shown at the command line')
        return read
      })
      if (options.json) printJson(record)
      else printCase(id, record)
    },
  )

  withCommonOptions(cases.command('list').description('list every case, most recently changed first')).action(
    async (options: CommonOptions) => {
      const [rows, unreadable] = await withWorkspace(options, async (workspace) => [workspace.cases.list(), workspace.cases.unreadable()] as const)
      if (options.json) printJson(rows)
      else printCases(rows, 'No cases in this workspace yet.')
      // Named on stderr, so that the list (and its JSON) stays the list; the command still succeeds.
      if (unreadable.length > 0) {
        const named = unreadable.map(({ id, reason }) => `${id} (${reason})`).join('; ')
        process.stderr.write(`${unreadable.length === 1 ? '1 case' : `${unreadable.length} cases`} could not be read: ${named}\n`)
      }
    },
  )

  withCommonOptions(
    cases
      .command('reopen')
      .description('open a closed case again, in the phase it was closed in; the reason is kept in its history')
      .argument('<id>', 'the case id')
      .requiredOption('--reason <text>', 'why the case is being reopened'),
  ).action(async (id: string, options: CommonOptions & { reason: string }) => {
    await withWorkspace(options, async (workspace) => {
      try {
        await workspace.cases.reopen(id, options.reason)
      } catch (error) {
        if (error instanceof ValidationError || error instanceof CaseRuleError) throw new CliError(`the case was not reopened: ${error.message}`)
        throw error
      }
    })
    if (options.json) printJson({ id, status: 'open' })
    else process.stdout.write(`Case ${id} reopened\n`)
  })

  cases.addCommand(restrictCommand())
  cases.addCommand(correctCommand())

  return cases
}

async function readJsonFile(file: string): Promise<unknown> {
  let text: string
  try {
    text = await readFile(file, 'utf8')
  } catch (error) {
    const code = (error as { code?: string }).code
    throw new CliError(`cannot read ${file}${code === 'ENOENT' ? ': no such file' : code ? ` (${code})` : ''}`)
  }
  try {
    return JSON.parse(text.replace(/^\uFEFF/, ''))
  } catch {
    throw new CliError(`${file} is not valid JSON`)
  }
}
