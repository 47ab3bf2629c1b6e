import type { IsoDate } from '../../dates'
import type { Field } from '../../forms/fields'
import type { FieldIssue } from '../../validation'
import type { CaseRecord } from '../record'
import { beforeDateOfBirth, formDatesBeforeBirth } from './after-date-of-birth'
import { arrivalBeforeReconnection } from './arrival-after-reconnection'
import { endsBeforeItStarts } from './ends-after-it-starts'
import { followUpBeforeClosure } from './follow-up-after-closure'
import { afterToday } from './happened-by-today'
import { markerEndedBeforeRaised } from './marker-ended-after-raised'
import { packSentBeforeReferral } from './pack-sent-after-referral'
import { partnerActionBeforeReferral } from './partner-action-after-referral'
import { reconnectionBeforeReferral } from './reconnection-after-referral'
import { outcomeBeforeReferral } from './referral-outcome-after-referral'
import { stepDownBeforeReconnection } from './step-down-after-reconnection'
import { toldAfterTheDay } from './told-about-the-day-before-it'

/** The case's forms and lists, each with its field catalogue (`CASE_SECTIONS`, `CASE_COLLECTIONS` in changes.ts). */
export interface Catalogues {
  sections: Record<string, readonly Field[]>
  collections: Record<string, readonly Field[]>
}

/**
 * Lists whose dates are not events in the client's life: an action's dates are the team's tasks
 * (and its due date is planned).
 */
const NOT_ABOUT_THE_CLIENT = new Set(['actions'])

/** Every date of a case that cannot be true, each by its path (`addresses.a.to`), in one order. */
export function dateErrors(record: CaseRecord, today: IsoDate, catalogues: Catalogues): FieldIssue[] {
  const errors = datesAfterToday(record, today, catalogues)
  errors.push(...datesBeforeBirth(record, catalogues))
  for (const collection of ['addresses', 'employment'] as const) {
    for (const [id, period] of Object.entries(record[collection])) {
      const issue = endsBeforeItStarts(period)
      if (issue) errors.push({ field: `${collection}.${id}.${issue.field}`, message: issue.message })
    }
  }
  const { referral, reconnectionDay, stepDown } = record
  const inSection = (section: string, issue: FieldIssue | undefined) => (issue ? [{ field: `${section}.${issue.field}`, message: issue.message }] : [])
  const inItems = <T>(collection: string, items: Record<string, T>, ...rules: ((item: T) => FieldIssue | undefined)[]) =>
    Object.entries(items).flatMap(([id, item]) => rules.flatMap((rule) => inSection(`${collection}.${id}`, rule(item))))
  errors.push(
    ...inItems('markers', record.markers, markerEndedBeforeRaised),
    ...inItems('onwardReferrals', record.onwardReferrals, outcomeBeforeReferral, (referral) => partnerActionBeforeReferral(referral)),
    ...inItems('partnerActions', record.partnerActions, (action) => partnerActionBeforeReferral(record.onwardReferrals[action.referral] ?? {}, action)),
    ...inItems('followUps', record.followUps, (followUp) => followUpBeforeClosure(followUp, record)),
  )
  errors.push(
    ...inSection('reconnectionDay', reconnectionBeforeReferral(referral, reconnectionDay)),
    ...inSection('reconnectionDay', arrivalBeforeReconnection(reconnectionDay)),
    ...inSection('reconnectionDay', toldAfterTheDay(reconnectionDay)),
    ...inSection('reconnectionDay', packSentBeforeReferral(referral, reconnectionDay)),
    ...inSection('stepDown', stepDownBeforeReconnection(referral, reconnectionDay, stepDown)),
  )
  return errors
}

function datesBeforeBirth(record: CaseRecord, catalogues: Catalogues): FieldIssue[] {
  const client = record.referral
  const issues = [beforeDateOfBirth('referral.receivedOn', 'Referral received on', client.receivedOn, client)].filter((issue) => issue !== undefined)
  for (const [section, fields] of Object.entries(catalogues.sections)) {
    issues.push(...formDatesBeforeBirth(fields, record[section as keyof CaseRecord] as Record<string, unknown>, client, `${section}.`))
  }
  for (const [collection, fields] of Object.entries(catalogues.collections)) {
    if (NOT_ABOUT_THE_CLIENT.has(collection)) continue
    for (const [id, item] of Object.entries(record[collection as keyof CaseRecord] as Record<string, Record<string, unknown>>)) {
      issues.push(...formDatesBeforeBirth(fields, item, client, `${collection}.${id}.`))
    }
  }
  return issues
}

/** Every date of a whole case that records something done and is after today, each by its path. */
function datesAfterToday(record: CaseRecord, today: IsoDate, catalogues: Catalogues): FieldIssue[] {
  const issues: (FieldIssue | undefined)[] = []
  const catalogued = (path: string, fields: readonly Field[], values: Record<string, unknown>) => {
    for (const field of fields) {
      if (field.kind === 'date' && field.notFuture) issues.push(afterToday(`${path}.${field.name}`, field.label, values[field.name] as IsoDate | undefined, today))
    }
  }
  for (const [section, fields] of Object.entries(catalogues.sections)) catalogued(section, fields, record[section as keyof CaseRecord] as Record<string, unknown>)
  for (const [collection, fields] of Object.entries(catalogues.collections)) {
    for (const [id, item] of Object.entries(record[collection as keyof CaseRecord] as Record<string, Record<string, unknown>>)) catalogued(`${collection}.${id}`, fields, item)
  }
  issues.push(
    afterToday('referral.receivedOn', 'Referral received on', record.referral.receivedOn, today),
    afterToday('referral.decidedOn', 'Date of decision', record.referral.decidedOn, today),
    afterToday('allocation.allocatedOn', 'Allocated on', record.allocation.allocatedOn, today),
    afterToday('outcome.closedOn', 'Case closed on', record.outcome?.closedOn, today),
    afterToday('wellbeing.start.on', 'Wellbeing scored on', record.wellbeing.start?.on, today),
    afterToday('wellbeing.closure.on', 'Wellbeing scored on', record.wellbeing.closure?.on, today),
    afterToday('closure.learningPointsLoggedOn', 'Learning points logged on', record.closure.learningPointsLoggedOn, today),
    ...record.notes.map((note, i) => afterToday(`notes.${i}.date`, 'Date of contact', note.date, today)),
    // A moment (UTC): its date is never later than the day in the UK, so a day after today is wrong.
    ...record.phaseHistory.map((entry, i) => afterToday(`phaseHistory.${i}.at`, 'Recorded in the phase history on', entry.at.slice(0, 10), today)),
  )
  return issues.filter((issue) => issue !== undefined)
}
