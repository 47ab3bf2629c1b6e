import { formatUkDate, type IsoDate } from '../dates'
import type { FieldIssue } from '../validation'

/**
 * An action still to do is due today or later when it is agreed (on the case or at a team case
 * review meeting): one due before today is overdue the moment it is made, nearly always a slip of
 * the date. An action recorded as already done may have been due earlier; an action's due date may
 * pass later, which is what makes it overdue.
 */
export function newActionDueBeforeToday(values: { due?: IsoDate | undefined; doneOn?: IsoDate | undefined }, today: IsoDate): FieldIssue | undefined {
  if (!values.due || values.doneOn || values.due >= today) return undefined
  return { field: 'due', message: `Due by (${formatUkDate(values.due)}) cannot be before today for a new action still to do` }
}
