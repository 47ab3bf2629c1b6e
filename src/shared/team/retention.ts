import { addYears, parseISO } from 'date-fns'
import { z } from 'zod'
import { toPlain, toStored } from '../automerge/registers'
import type { ClosedAs } from '../case/closed-label'
import { isoDateOf, type IsoDate } from '../dates'
import { ValidationError } from '../validation'
import { isMap, type TeamDoc } from './team-doc'

/**
 * How long the team keeps a closed case (UK GDPR Article 5(1)(e), storage limitation), and what
 * happens then. "erase": the case is erased, as a manager erases one by hand. "anonymise": the
 * same deletion of everything that names the person, but the case's anonymised record (dates,
 * phase reached, closure type, area, costs) stays listed for the manager under "Anonymised cases"
 * (the retention page, `RetentionPage.tsx`, with its dates and no name).
 * Either way the monitoring report goes on counting it.
 */
export const RETENTION_ACTIONS = [
  { value: 'erase', label: 'Erase the case' },
  { value: 'anonymise', label: 'Anonymise the case (keep its figures, listed without a name)' },
] as const
export type RetentionAction = (typeof RETENTION_ACTIONS)[number]['value']

export const retentionSchema = z.object({
  action: z.enum(['erase', 'anonymise']),
  years: z.number({ message: 'Enter a number of years' }).int('Enter a whole number of years').min(1, 'Keep closed cases at least 1 year').max(50, 'Keep closed cases at most 50 years'),
})
export type Retention = z.infer<typeof retentionSchema>

/** The default: closed cases erased 6 years after closure (the usual period for records of this kind). */
export const DEFAULT_RETENTION: Retention = { action: 'erase', years: 6 }

/** The team's retention setting, or the default (a stored value that is not one reads as the default). */
export function retentionOf(doc: TeamDoc): Retention {
  const settings = isMap(doc.settings) ? doc.settings : undefined
  const stored = settings?.retention
  const parsed = retentionSchema.safeParse(stored === undefined ? undefined : toPlain(stored as never))
  return parsed.success ? parsed.data : DEFAULT_RETENTION
}

/** Sets the team's retention (the manager's; checked here, refused in words). */
export function setRetention(doc: TeamDoc, value: unknown): void {
  const checked = retentionSchema.safeParse(value)
  if (!checked.success) throw new ValidationError(checked.error.issues.map((issue) => ({ field: String(issue.path[0] ?? 'retention'), message: issue.message })))
  doc.settings.retention = toStored(checked.data)
}

/** A closed case past its retention period: when it closed, and the day it became due. */
export interface RetentionDue {
  id: string
  clientName: string
  closedOn: IsoDate
  dueOn: IsoDate
  /** How it closed (the manager reviews the list before applying it). */
  closedAs?: ClosedAs
  action: RetentionAction
}

/**
 * The closed cases due for retention on `today`: closed `years` or more ago (the day it closed plus
 * the years, on or before today), oldest first. An open case, or a reopened one, is never due.
 */
export function dueForRetention(
  cases: readonly { id: string; clientName: string; status: string; closedOn?: IsoDate | undefined; closedAs?: ClosedAs | null }[],
  retention: Retention,
  today: IsoDate,
): RetentionDue[] {
  return cases
    .flatMap((c) => {
      if (c.status !== 'closed' || !c.closedOn) return []
      const dueOn = isoDateOf(addYears(parseISO(c.closedOn), retention.years))
      if (dueOn > today) return []
      return [{ id: c.id, clientName: c.clientName, closedOn: c.closedOn, dueOn, ...(c.closedAs ? { closedAs: c.closedAs } : {}), action: retention.action }]
    })
    .sort((a, b) => a.dueOn.localeCompare(b.dueOn) || a.id.localeCompare(b.id))
}
