import { Command, Option } from 'commander'
import { filterBoard, MARKER_FILTERS, sortBoard, type Board, type BoardFilter, type MarkerFilter } from '../../shared/board/board'
import { FLAG_KINDS, type FlagKind } from '../../shared/case/flags'
import { PHASE_NAMES, PHASES, type Phase } from '../../shared/case/phases'
import { formatUkDate } from '../../shared/dates'
import { CliError, withCommonOptions, withWorkspace, type CommonOptions } from './context'
import { printJson, printTable } from './output'

interface BoardOptions extends CommonOptions {
  caseworker?: string
  phase?: Phase
  flag?: FlagKind
  marker?: MarkerFilter
}

/** `homeward board`: every open case at a glance, and each caseworker's caseload. */
export function boardCommand(): Command {
  return withCommonOptions(
    new Command('board')
      .description('the caseload board: every open case with its phase, last contact, flags and next action, and each caseworker’s caseload')
      .option('--caseworker <name>', 'only the cases this caseworker leads (a name or member id; "unallocated" for none)')
      .addOption(new Option('--phase <phase>', 'only cases in this phase').choices(PHASES))
      .addOption(new Option('--flag <flag>', 'only cases with this flag').choices(FLAG_KINDS))
      .addOption(new Option('--marker <marker>', 'only cases with a current warning marker ("any") or one of this kind').choices(MARKER_FILTERS.map((marker) => marker.value))),
  ).action(async (options: BoardOptions) => {
    const board = await withWorkspace(options, async (workspace) => workspace.cases.board())
    const filter: BoardFilter = {
      ...(options.caseworker ? { caseworker: caseworkerId(board, options.caseworker) } : {}),
      ...(options.phase ? { phase: options.phase } : {}),
      ...(options.flag ? { flag: options.flag } : {}),
      ...(options.marker ? { marker: options.marker } : {}),
    }
    const rows = sortBoard(filterBoard(board.rows, filter), 'phase')
    if (options.json) {
      printJson({ ...board, rows })
      return
    }
    if (rows.length === 0) process.stdout.write('No open cases match.\n')
    else {
      printTable(
        ['ID', 'Client', 'Lead caseworker', 'Phase', 'Days in phase', 'Last contact', 'Flags', 'Next action'],
        rows.map((row) => [
          row.id,
          row.clientName,
          row.leadCaseworker?.name ?? 'Not allocated',
          PHASE_NAMES[row.phase],
          String(row.daysInPhase),
          row.lastContact ? formatUkDate(row.lastContact) : 'None',
          row.flags.map((flag) => flag.message).join('; '),
          row.nextAction ? `${row.nextAction.description} (by ${formatUkDate(row.nextAction.due)})` : '',
        ]),
      )
    }
    process.stdout.write('\nCaseloads (weighted by phase, Standard Caseload Equivalent):\n')
    printTable(
      ['Caseworker', 'Cases', 'Weighted'],
      board.caseloads.map((load) => [load.caseworker.name, String(load.cases), String(load.weighted)]),
    )
  })
}

/** A member named on the command line by id, by name (any case), or "unallocated". */
function caseworkerId(board: Board, given: string): string {
  if (given === 'unallocated') return given
  const wanted = given.trim().toLocaleLowerCase('en-GB')
  const match = board.caseloads.find((load) => load.caseworker.id === given || load.caseworker.name.toLocaleLowerCase('en-GB') === wanted)
  if (!match) throw new CliError(`no caseworker called "${given}" in the team`)
  return match.caseworker.id
}
