import { Command } from 'commander'
import { parseFieldPath } from '../../shared/case/correct-value'
import { ValidationError } from '../../shared/validation'
import { ServerRefusedError } from '../core/errors'
import { CliError, withCommonOptions, withWorkspace, type CommonOptions } from './context'
import { printJson } from './output'
import { catchUpWithAuthority, sendToTeam } from './team-server'

/**
 * `case correct ID --field PATH --value VALUE`: the case's lead caseworker or a manager corrects a
 * wrong value so that it is removed from the case's history on every laptop and the server. The
 * case is rebuilt as a new document, with a new id (printed); the old id leads to it.
 */
export function correctCommand(): Command {
  return withCommonOptions(
    new Command('correct')
      .description('correct a wrong value so that the old one is removed from the case’s history on every laptop (the lead caseworker’s or a manager’s); the case gets a new id')
      .argument('<id>', 'the case id')
      .requiredOption('--field <path>', 'the field, as referral.clientName (a list item’s: addresses.ITEM.town)')
      .requiredOption('--value <value>', 'the right value, as the form takes it (empty to clear the field)'),
  ).action(async (id: string, options: CommonOptions & { field: string; value: string }) => {
    const { newId, inTeam } = await withWorkspace(options, async (workspace) => {
      // The case as the team has it, then the server's rebuild; then the new document here and the old one gone.
      await catchUpWithAuthority(workspace, 'nothing was corrected', 'the team’s server rebuilds the case')
      try {
        const replacedBy = await workspace.correctedCases.correct(id, options.field, options.value)
        await sendToTeam(workspace)
        await workspace.correctedCases.settle()
        return { newId: replacedBy, inTeam: workspace.membership.get() !== undefined }
      } catch (error) {
        if (error instanceof ServerRefusedError) throw new CliError(`nothing was corrected: ${error.message}`)
        // The problem's words alone: the field it names ("field") means nothing on the command line.
        if (error instanceof ValidationError) throw new CliError(`nothing was corrected: ${error.issues.map((issue) => issue.message).join('; ')}`)
        throw error
      }
    })
    if (options.json) printJson({ id, replacedBy: newId, field: options.field })
    else {
      const where = inTeam ? 'on this laptop and the team’s server, and from every other laptop when it next syncs' : 'on this laptop'
      process.stdout.write(`Corrected “${parseFieldPath(options.field).field.label}”. The old value is removed from the case’s history ${where}. The case’s id is now ${newId}.\n`)
    }
  })
}
