import { readFile } from 'node:fs/promises'
import { Command } from 'commander'
import { ValidationError } from '../../shared/validation'
import { CliError, withCommonOptions, withWorkspace, type CommonOptions } from './context'
import { printCases, printJson } from './output'

export function caseCommands(): Command {
  const cases = new Command('case').description('add and list cases')

  withCommonOptions(
    cases
      .command('add')
      .description('open a case from a referral in a JSON file; prints the new case id')
      .requiredOption('--json-file <file>', 'the referral: clientName, dateOfBirth (YYYY-MM-DD), chainNumber, referrerName, outreachTeam'),
  ).action(async (options: CommonOptions & { jsonFile: string }) => {
    const referral = await readJsonFile(options.jsonFile)
    const id = await withWorkspace(options, async (workspace) => {
      try {
        return await workspace.createCase(referral)
      } catch (error) {
        if (error instanceof ValidationError) {
          throw new CliError(`the case was not added: ${error.issues.map((i) => `${i.field}: ${i.message}`).join('; ')}`)
        }
        throw error
      }
    })
    if (options.json) printJson({ id })
    else process.stdout.write(`${id}\n`)
  })

  withCommonOptions(cases.command('list').description('list every case, most recently changed first')).action(
    async (options: CommonOptions) => {
      const rows = await withWorkspace(options, async (workspace) => workspace.listCases())
      if (options.json) printJson(rows)
      else printCases(rows, 'No cases in this workspace yet.')
    },
  )

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
