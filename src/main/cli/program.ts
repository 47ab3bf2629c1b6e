import { Command, CommanderError } from 'commander'
import { isUserFacing } from '../core/errors'
import { actAs, CliError } from './context'

/**
 * The command table: each command module, imported only when one of its commands runs (or for the
 * list that `homeward --help` prints), so a command loads the rules and libraries it uses and none
 * of the others'. `names` are the top-level commands each module makes (program.test.ts checks them).
 */
const COMMAND_MODULES: { names: string[]; load: () => Promise<Command[]> }[] = [
  { names: ['case'], load: async () => [(await import('./case-commands')).caseCommands()] },
  { names: ['import'], load: async () => [(await import('./import-command')).importCommand()] },
  { names: ['search'], load: async () => [(await import('./search-command')).searchCommand()] },
  { names: ['board'], load: async () => [(await import('./board-command')).boardCommand()] },
  { names: ['tasks'], load: async () => [(await import('./tasks-command')).tasksCommand()] },
  { names: ['report'], load: async () => [(await import('./report-command')).reportCommand()] },
  {
    names: ['attach', 'pack', 'letter'],
    load: async () => {
      const { attachCommand, packCommand, letterCommand } = await import('./paperwork-commands')
      return [attachCommand(), packCommand(), letterCommand()]
    },
  },
  { names: ['export'], load: async () => [(await import('./export-command')).exportCommand()] },
  { names: ['seed'], load: async () => [(await import('./seed-command')).seedCommand()] },
  { names: ['audit'], load: async () => [(await import('./audit-command')).auditCommand()] },
  { names: ['serve'], load: async () => [serveCommand()] },
  {
    names: ['pin', 'person'],
    load: async () => {
      const { pinCommand, personCommand } = await import('./session-commands')
      return [pinCommand(), personCommand()]
    },
  },
  { names: ['team', 'join', 'devices', 'sync'], load: async () => (await import('./team-commands')).teamCommands() },
  { names: ['erase', 'retention'], load: async () => (await import('./erase-commands')).eraseCommands() },
]

/** Every top-level command's name, in the order `homeward --help` lists them. */
export const COMMAND_NAMES = COMMAND_MODULES.flatMap((module) => module.names)

/**
 * The command line with the commands `argv` names loaded: the one it runs (or asks help for), or
 * all of them when it names none (`homeward --help`, or an unknown command, answered as before).
 */
export async function program(argv: string[] = []): Promise<Command> {
  const root = new Command('homeward')
    .description('Homeward from the command line: the same workspace as the app, without a window.')
    .option('--as <name>', "which of this laptop's people to act as, where several share it")
    .hook('preAction', (command) => actAs(command.opts<{ as?: string }>().as))
  const named = commandNamed(argv)
  const only = named !== undefined && COMMAND_NAMES.includes(named) ? named : undefined
  const wanted = COMMAND_MODULES.filter((module) => only === undefined || module.names.includes(only))
  for (const commands of await Promise.all(wanted.map((module) => module.load()))) {
    for (const command of commands) if (only === undefined || command.name() === only) root.addCommand(command)
  }
  return root
}

/** The top-level command in `argv` (after the global --as NAME; `help X` names X), if any. */
export function commandNamed(argv: string[]): string | undefined {
  const words: string[] = []
  for (let i = 0; i < argv.length && words.length < 2; i++) {
    const arg = argv[i]!
    if (arg === '--as') i++
    else if (arg.startsWith('--as=')) continue
    else if (arg.startsWith('-')) break
    else words.push(arg)
    if (words.length === 1 && words[0] !== 'help') break
  }
  return words[0] === 'help' ? words[1] : words[0]
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
  const root = await program(argv)
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
