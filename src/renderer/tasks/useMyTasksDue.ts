import { useApiQuery } from '../hooks/useApiQuery'
import { useToday } from '../hooks/useToday'

/**
 * "My tasks (3)": the in-app reminder in the main navigation, counting what is overdue or due
 * today, refreshed as cases change and when the day does (a window left open overnight).
 */
export function useMyTasksDue(): number | undefined {
  const mine = useApiQuery('myTasks', {}, 'index-changed', useToday())
  if (mine.status !== 'ready') return undefined
  return mine.data.tasks.filter((task) => task.due <= mine.data.today).length
}
