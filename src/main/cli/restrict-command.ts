import { Command } from 'commander'
import { ServerRefusedError } from '../core/errors'
import { CliError, withCommonOptions, withWorkspace, type CommonOptions } from './context'
import { printJson } from './output'

/**
 * `case restrict ID --to NAME[,NAME…]` and `case restrict ID --clear`: the case's lead caseworker
 * or a manager restricts a case to named people of the team (and themselves), through the server.
 */
export function restrictCommand(): Command {
  return withCommonOptions(
    new Command('restrict')
      .description('restrict a case to named people of the team (and you), or clear its restriction: the lead caseworker’s or a manager’s')
      .argument('<id>', 'the case id')
      .option('--to <names>', 'the people who may hold the case, by name, separated by commas')
      .option('--clear', 'clear the restriction: every laptop of the team holds the case again'),
  ).action(async (id: string, options: CommonOptions & { to?: string; clear?: boolean }) => {
    if (options.clear === (options.to !== undefined)) throw new CliError('give either --to NAME[,NAME…] or --clear')
    const names = options.to?.split(',').map((name) => name.trim()).filter((name) => name !== '') ?? []
    if (!options.clear && names.length === 0) throw new CliError('--to names nobody: give the people, separated by commas')
    const restricted = await withWorkspace(options, async (workspace) => {
      try {
        // The team's people as the server last said, then the server's change, here and gone from laptops not allowed.
        await workspace.sync.syncOnce()
        const to = options.clear ? null : workspace.restrictedCases.peopleNamed(names)
        await workspace.restrictedCases.restrict(id, to)
        await workspace.sync.syncOnce()
        return workspace.restrictedCases.restrictionOf(id)
      } catch (error) {
        if (error instanceof ServerRefusedError) throw new CliError(`the case was not restricted: ${error.message}`)
        throw error
      }
    })
    if (options.json) printJson({ id, restrictedTo: restricted?.to.map((person) => person.name) ?? null })
    else if (restricted) process.stdout.write(`Case ${id} is restricted to: ${restricted.to.map((person) => person.name).join(', ')}\n`)
    else process.stdout.write(`Case ${id} is no longer restricted: every laptop of the team holds it again\n`)
  })
}
