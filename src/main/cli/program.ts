import { Command, CommanderError } from 'commander'
import { isUserFacing } from '../core/errors'
import { auditCommand } from './audit-command'
import { boardCommand } from './board-command'
import { caseCommands } from './case-commands'
import { exportCommand } from './export-command'
import { actAs, CliError } from './context'
import { personCommand, pinCommand } from './session-commands'
import { attachCommand, letterCommand, packCommand } from './paperwork-commands'
import { reportCommand } from './report-command'
import { searchCommand } from './search-command'
import { seedCommand } from './seed-command'
import { teamCommands } from './team-commands'
import { eraseCommands } from './erase-commands'

export function program(): Command {
  const root = new Command('homeward')
    .description('Homeward from the command line: the same workspace as the app, without a window.')
    .addCommand(caseCommands())
    .addCommand(searchCommand())
    .addCommand(boardCommand())
    .addCommand(reportCommand())
    .addCommand(attachCommand())
    .addCommand(packCommand())
    .addCommand(letterCommand())
    .addCommand(exportCommand())
    .addCommand(seedCommand())
    .addCommand(auditCommand())
    .addCommand(serveCommand())
    .addCommand(pinCommand())
    .addCommand(personCommand())
    .option('--as <name>', "which of this laptop's people to act as, where several share it")
    .hook('preAction', (command) => actAs(command.opts<{ as?: string }>().as))
  for (const command of teamCommands()) root.addCommand(command)
  for (const command of eraseCommands()) root.addCommand(command)
  return root
}

/** Listed for --help only: bin/homeward.mjs hands `homeward serve` to the sync server (src/server/main.ts). */
function serveCommand(): Command {
  return new Command('serve')
    .description("run the team's sync server (see `homeward serve --help`)")
    .allowUnknownOption()
    .action(() => {
      throw new CliError('run `homeward serve` through the homeward command (npx homeward serve), which starts the sync server')
    })
}

/** Runs the command line; resolves to the exit code. Failures print one line to stderr. */
export async function run(argv: string[]): Promise<number> {
  const root = program()
  root.exitOverride()
  for (const command of [root, ...allSubcommands(root)]) {
    command.exitOverride()
    // Commander's own usage errors, on one line like every other failure.
    command.configureOutput({
      outputError: (text, write) => write(`homeward: ${text.replace(/^error: /, '').replace(/\s*\n\s*/g, ' ').trim()} (see --help)\n`),
    })
  }
  try {
    await root.parseAsync(argv, { from: 'user' })
    return 0
  } catch (error) {
    if (error instanceof CommanderError) return error.exitCode
    if (error instanceof CliError || isUserFacing(error)) {
      // Each line its own message (a file refused for several reasons says each).
      process.stderr.write(error.message.split('\n').map((line) => `homeward: ${line}\n`).join(''))
      return 1
    }
    process.stderr.write(`homeward: unexpected failure (${error instanceof Error ? error.name : 'unknown'})\n`)
    return 1
  }
}

function allSubcommands(command: Command): Command[] {
  return command.commands.flatMap((child) => [child, ...allSubcommands(child)])
}
