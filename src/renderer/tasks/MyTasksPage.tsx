import { Link, useSearchParams } from 'react-router'
import { formatDayAndDate, formatUkDate } from '../../shared/dates'
import { TASK_KIND_LABELS, TASK_PLACES, taskTiming, type MyTasks, type Task, type TaskTiming } from '../../shared/tasks/my-tasks'
import { may } from '../../shared/team/permissions'
import { useSession } from '../app/contexts'
import { FilterSelect } from '../components/FilterSelect'
import { PageHeading } from '../components/PageHeading'
import { useApiQuery } from '../hooks/useApiQuery'
import { useToday } from '../hooks/useToday'

const GROUPS: { timing: TaskTiming; title: string; empty: string }[] = [
  { timing: 'overdue', title: 'Overdue', empty: 'Nothing overdue.' },
  { timing: 'today', title: 'Due today', empty: 'Nothing else due today.' },
  { timing: 'coming-up', title: 'Coming up', empty: 'Nothing due in the next two weeks.' },
]

/**
 * Where the signed-in person starts the day: what is due across their cases, overdue first, each
 * task a link to the place in the case where it is done. A manager can look at another person's.
 */
export function MyTasksPage() {
  const { profile } = useSession()
  const [params, setParams] = useSearchParams()
  const chosen = params.get('person') ?? undefined
  const mine = useApiQuery('myTasks', chosen ? { personId: chosen } : {}, 'index-changed', useToday())
  return (
    <>
      <PageHeading title="My tasks" />
      {mine.status === 'loading' && <p className="muted">Loading your tasks…</p>}
      {mine.status === 'failed' && <p className="banner banner--warning">The tasks could not be loaded: {mine.message}</p>}
      {mine.status === 'ready' && (
        <>
          {may(profile.role, 'see-others-tasks') && mine.data.people.length > 1 && (
            <form className="board-filters" aria-label="Whose tasks" onSubmit={(event) => event.preventDefault()}>
              <FilterSelect
                idPrefix="tasks"
                label="Whose tasks"
                name="person"
                value={mine.data.person.id}
                onChange={(id) => setParams(id === profile.id ? {} : { person: id }, { replace: true })}
              >
                {mine.data.people.map((person) => (
                  <option key={person.id} value={person.id}>
                    {person.id === profile.id ? `${person.name} (you)` : person.name}
                  </option>
                ))}
              </FilterSelect>
            </form>
          )}
          <TaskGroups mine={mine.data} own={mine.data.person.id === profile.id} />
        </>
      )}
    </>
  )
}

function TaskGroups({ mine, own }: { mine: MyTasks; own: boolean }) {
  return (
    <>
      <p className="lead">
        {own ? 'Your' : `${mine.person.name}'s`} tasks across cases, due before {formatUkDate(mine.dueBefore)}. Today is {formatDayAndDate(mine.today)}.
      </p>
      {GROUPS.map(({ timing, title, empty }) => {
        const tasks = mine.tasks.filter((task) => taskTiming(task.due, mine.today) === timing)
        const heading = `tasks-${timing}`
        return (
          <section key={timing} className="panel" aria-labelledby={heading}>
            <h2 id={heading}>
              {title} ({tasks.length})
            </h2>
            {tasks.length === 0 ? (
              <p className="muted">{empty}</p>
            ) : (
              <ul className="task-list">
                {tasks.map((task) => (
                  <TaskItem key={`${task.caseId}-${task.kind}-${task.due}-${task.what}`} task={task} />
                ))}
              </ul>
            )}
          </section>
        )
      })}
    </>
  )
}

function TaskItem({ task }: { task: Task }) {
  return (
    <li className="task-list__item">
      <Link to={`/cases/${task.caseId}/${TASK_PLACES[task.kind]}`}>
        {TASK_KIND_LABELS[task.kind]}: {task.clientName}
      </Link>
      <span className="task-list__due">Due {formatUkDate(task.due)}</span>
      <span className="task-list__what">{task.what}</span>
    </li>
  )
}

