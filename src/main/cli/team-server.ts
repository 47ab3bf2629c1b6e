import { ServerRefusedError } from '../core/errors'
import type { Workspace } from '../core/workspace'
import { CliError } from './context'

/**
 * What erasing and correcting need of the team's server, as the app does them. A laptop on its own
 * (in no team) does them itself, with no server to ask. In a team the server does them (it is the
 * authority: it alone writes the erasure or the correction into the team document, and refuses the
 * old id from then on), so this laptop catches up with it first, and without it nothing is done.
 */
export async function catchUpWithAuthority(workspace: Workspace, nothingDone: string, whatTheServerDoes: string): Promise<void> {
  if (!workspace.membership.get()) return
  try {
    await workspace.sync.syncOnce()
  } catch (error) {
    if (error instanceof ServerRefusedError) throw new CliError(`${nothingDone}: ${error.message} In a team, ${whatTheServerDoes}: try again when this laptop can reach it.`)
    throw error
  }
}

/** After the work: what it changed here goes to the team's server (in a team), so that every laptop follows. */
export async function sendToTeam(workspace: Workspace): Promise<void> {
  if (workspace.membership.get()) await workspace.sync.syncOnce()
}

/**
 * For a read only command (`retention --due`): catches up with the team's server when it can; offline,
 * goes on from what this laptop holds. Says whether it did catch up.
 */
export async function catchUpIfOnline(workspace: Workspace): Promise<{ caughtUp: boolean }> {
  if (!workspace.membership.get()) return { caughtUp: true }
  try {
    await workspace.sync.syncOnce()
    return { caughtUp: true }
  } catch (error) {
    if (error instanceof ServerRefusedError) return { caughtUp: false }
    throw error
  }
}
