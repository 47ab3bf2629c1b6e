import { createInterface } from 'node:readline/promises'
import { Command } from 'commander'
import { formatUkDate } from '../../shared/dates'
import { ServerRefusedError } from '../core/errors'
import { CliError, withCommonOptions, withWorkspace, type CommonOptions } from './context'
import { printJson } from './output'
import { catchUpIfOnline, catchUpWithAuthority, sendToTeam } from './team-server'

/**
 * `erase ID --reason TEXT` (a manager's): the case, its history and scans, gone from this laptop,
 * the server and every laptop of the team; its figures kept anonymised for the monitoring report.
 * `retention --due` lists the closed cases past the team's retention period; `retention --apply`
 * erases (or anonymises) them, after a confirmation (`--yes` for scripts).
 */
export function eraseCommands(): Command[] {
  const erase = withCommonOptions(
    new Command('erase')
      .description('erase a case from this laptop, the server and every laptop of the team, for ever (a manager’s); its report figures are kept without a name')
      .argument('<id>', 'the case id')
      .requiredOption('--reason <text>', 'why it is erased (kept in the team’s record: no personal data)'),
  ).action(async (id: string, options: CommonOptions & { reason: string }) => {
    if (options.reason.trim() === '') throw new CliError('--reason is empty: give the reason for erasing the case')
    const inTeam = await withWorkspace(options, async (workspace) => {
      // The team's people and roles as the server last said; then the erasure, here and on the server.
      await catchUpWithAuthority(workspace, 'nothing was erased', 'the team’s server erases a case')
      await refusedInWords(async () => {
        await workspace.erasedCases.erase(id, options.reason.trim())
        await sendToTeam(workspace)
      })
      return workspace.membership.get() !== undefined
    })
    if (options.json) printJson({ id, erased: true })
    else process.stdout.write(`Case ${id} is erased: gone from this laptop${inTeam ? ' and the team’s server, and from every other laptop when it next syncs' : ''}.\n`)
  })

  const retention = withCommonOptions(
    new Command('retention')
      .description('the closed cases past the team’s retention period (--due), or erase or anonymise them (--apply; a manager’s)')
      .option('--due', 'list the cases due, with the day each closed and became due')
      .option('--apply', 'erase or anonymise the cases due, as the team’s setting says, after a confirmation')
      .option('--yes', 'with --apply: do not ask (for scripts)'),
  ).action(async (options: CommonOptions & { due?: boolean; apply?: boolean; yes?: boolean }) => {
    if (Boolean(options.due) === Boolean(options.apply)) throw new CliError('give either --due or --apply')
    await withWorkspace(options, async (workspace) => {
      if (options.apply) await catchUpWithAuthority(workspace, 'nothing was erased', 'the team’s server erases the cases due')
      // Only reading: offline, the cases this laptop holds, said to be perhaps behind the team's.
      const { caughtUp } = options.due ? await catchUpIfOnline(workspace) : { caughtUp: true }
      if (!caughtUp) process.stderr.write('The team’s server cannot be reached: this is from what this laptop holds, which may be behind the team’s.\n')
      const setting = workspace.erasedCases.retention()
      const due = workspace.erasedCases.due()
      if (options.due) {
        if (options.json) printJson({ retention: setting, due, mayBeBehind: !caughtUp })
        else if (due.length === 0) process.stdout.write(`No closed case is due: the team keeps closed cases ${setting.years} years, then ${setting.action === 'erase' ? 'erases' : 'anonymises'} them.\n`)
        else for (const c of due) process.stdout.write(`${c.id}  ${c.clientName}  closed ${formatUkDate(c.closedOn)}  due ${formatUkDate(c.dueOn)}  (${c.action})\n`)
        return
      }
      if (due.length === 0) {
        if (options.json) printJson({ applied: [] })
        else process.stdout.write('No closed case is due.\n')
        return
      }
      if (!options.yes) await confirm(`${setting.action === 'erase' ? 'Erase' : 'Anonymise'} ${due.length} closed case${due.length === 1 ? '' : 's'} for good? This cannot be undone. Type yes: `)
      const applied = await refusedInWords(async () => {
        const ids = await workspace.erasedCases.applyRetention()
        await sendToTeam(workspace)
        return ids
      })
      if (options.json) printJson({ applied })
      else process.stdout.write(`${setting.action === 'erase' ? 'Erased' : 'Anonymised'} ${applied.length} closed case${applied.length === 1 ? '' : 's'}.\n`)
    })
  })
  return [erase, retention]
}

/** A refusal from the server, or this person's role, in one line. */
async function refusedInWords<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work()
  } catch (error) {
    if (error instanceof ServerRefusedError) throw new CliError(`nothing was erased: ${error.message}`)
    throw error
  }
}

/** Asks on a terminal; without one (or without "yes"), refuses in one line. */
async function confirm(question: string): Promise<void> {
  if (!process.stdin.isTTY) throw new CliError('nothing was erased: confirm on a terminal, or add --yes')
  const terminal = createInterface({ input: process.stdin, output: process.stderr })
  try {
    if ((await terminal.question(question)).trim().toLowerCase() !== 'yes') throw new CliError('nothing was erased')
  } finally {
    terminal.close()
  }
}
