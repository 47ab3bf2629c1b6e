import { Command } from 'commander'
import { formatUkDate, type IsoDate } from '../../shared/dates'
import { TASK_KIND_LABELS, taskTiming, type MyTasks } from '../../shared/tasks/my-tasks'
import { samePersonName } from '../../shared/team/same-person-name'
import { CLI_DATE_FORMATS, cliDate } from './cli-date'
import { CliError, withCommonOptions, withWorkspace, type CommonOptions } from './context'
import { printJson, printTable } from './output'

interface TasksOptions extends CommonOptions {
  person?: string
  /** As cliDate read it. */
  dueBefore?: IsoDate
}

const TIMING_WORDS = { overdue: 'Overdue', today: 'Due today', 'coming-up': 'Coming up' } as const

/** `homeward tasks`: what is due and overdue for a person across cases ("My tasks" in the app). */
export function tasksCommand(): Command {
  return withCommonOptions(
    new Command('tasks')
      .description('what is due and overdue across cases for you, or (for a manager) another person: actions, actions agreed with partners, step down, the pack to email, contact expected in intensive support, the 3-month closure point, consent to record withdrawn, consent and support plan reviews, follow-up checks, referrals to allocate')
      .option('--person <name>', "whose tasks (a manager's choice; yours unless given)")
      .option('--due-before <date>', `only tasks due before this day, ${CLI_DATE_FORMATS} (two weeks ahead unless given; overdue tasks always shown)`, cliDate),
  ).action(async (options: TasksOptions) => {
    const { dueBefore } = options
    const mine = await withWorkspace(options, async (workspace) => {
      const own = workspace.cases.tasks({ dueBefore })
      if (options.person === undefined) return own
      const wanted = own.people.find((person) => samePersonName(person.name, options.person!) || person.id === options.person)
      if (!wanted) throw new CliError(`no one called "${options.person}" in the team`)
      return workspace.cases.tasks({ personId: wanted.id, dueBefore })
    })
    if (options.json) {
      printJson(mine.tasks.map(({ caseId, clientName, kind, due, person }) => ({ caseId, clientName, kind, due, person: person?.name ?? null })))
      return
    }
    printReadable(mine)
  })
}

function printReadable({ person, today, dueBefore, tasks }: MyTasks): void {
  const until = `before ${formatUkDate(dueBefore)}`
  if (tasks.length === 0) {
    process.stdout.write(`Nothing due for ${person.name} ${until}.\n`)
    return
  }
  process.stdout.write(`Tasks for ${person.name}, due ${until} (overdue first):\n\n`)
  printTable(
    ['When', 'Due', 'Client', 'Task', 'What to do', 'Case'],
    tasks.map((task) => [
      TIMING_WORDS[taskTiming(task.due, today)],
      formatUkDate(task.due),
      task.clientName,
      TASK_KIND_LABELS[task.kind],
      task.what,
      task.caseId,
    ]),
  )
}
