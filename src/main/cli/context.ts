import { userInfo } from 'node:os'
import { resolve } from 'node:path'
import type { Command } from 'commander'
import { defaultDataDir } from '../core/data-dir'
import { cliPassphrase } from './passphrase'
import type { Workspace } from '../core/workspace'
import type { Role } from '../../shared/people'

/** A failure the person at the command line can act on: printed as one line, exit code 1. */
export class CliError extends Error {}

export interface CommonOptions {
  data: string
  json?: boolean
}

/** The global --as NAME: which of the laptop's people the command acts as, where several share it. */
let actingAs: string | undefined

/** Set from the command line's global --as, before the command runs. */
export function actAs(name: string | undefined): void {
  actingAs = name
}

/** Every command takes --data and --json. */
export function withCommonOptions(command: Command): Command {
  return command
    .option('--data <dir>', 'the workspace folder', defaultDataDir())
    .option('--json', 'print JSON instead of text')
}

/**
 * Opens the workspace for one command and closes it after. Changes are signed by the laptop's
 * person (its team's person, or the one set up at the first run; with several, the one --as names),
 * as the window's are. No PIN is asked: the command line's access is the workspace passphrase's
 * (HOMEWARD_PASSPHRASE, or asked on the terminal). With nobody
 * set up, they are signed by the operating-system user, marked as made at the command line (an IT
 * volunteer creating the team or a sample workspace), unless the command makes something a person
 * is answerable for (`fallback: 'nobody'`): then it is refused before anything is made.
 */
export async function withWorkspace<T>(
  options: CommonOptions,
  work: (workspace: Workspace) => Promise<T>,
  /** Creating the team is the manager's: whoever holds the server's setup code acts as one. */
  fallback: { role: Role } | 'nobody' = { role: 'caseworker' },
): Promise<T> {
  const user = safeUserName()
  // Loaded on demand: --help and usage errors need none of it.
  const { openWorkspace } = await import('../core/workspace')
  const dataDir = resolve(options.data)
  const workspace = await openWorkspace({
    dataDir,
    passphrase: await cliPassphrase(dataDir),
    ...(fallback === 'nobody' ? {} : { fallbackUser: { id: `command-line:${user}`, name: `${user} (command line)`, role: fallback.role } }),
  })
  try {
    // The laptop's person; where several share the laptop, --as says which (refused without it).
    workspace.session.actAs(actingAs)
    // Nobody set up: the core's NoProfileError, one line, before any file is written.
    if (fallback === 'nobody') workspace.currentContext()
    return await work(workspace)
  } finally {
    await workspace.close()
  }
}

function safeUserName(): string {
  try {
    return userInfo().username
  } catch {
    return 'unknown user'
  }
}
