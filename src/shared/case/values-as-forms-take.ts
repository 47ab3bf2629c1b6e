import type { IsoDate } from '../dates'
import { checkStoredValues } from '../forms/fields'
import type { FieldIssue } from '../validation'
import { CASE_COLLECTIONS, CASE_SECTIONS } from './changes'
import { contradictoryFollowUpAnswers } from './follow-up-answers'
import type { CaseRecord } from './record'

/**
 * Every value of a whole case that arrives from a file (`case add --json-file`), checked as its
 * form checks what a person types: a phone number's shape, an email, a postcode, a choice, a
 * length. The record's schema only checks a value's type (it also reads documents already held,
 * which must not become unreadable when a form's rule is tightened); a file is outside input, and
 * nothing gets into a case through it that a form would refuse, nor answers a form refuses together
 * (a follow-up check both still accommodated and returned to rough sleeping). Each problem by its
 * path (`contact.phone`, `addresses.ID.postcode`).
 */
export function valuesFormsRefuse(record: CaseRecord, today: IsoDate): FieldIssue[] {
  const issues: FieldIssue[] = []
  const check = (path: string, fields: Parameters<typeof checkStoredValues>[0], values: Record<string, unknown>) => {
    const checked = checkStoredValues(fields, values, today)
    if (!checked.ok) issues.push(...checked.issues.map((issue) => ({ field: `${path}.${issue.field}`, message: issue.message })))
  }
  for (const [section, fields] of Object.entries(CASE_SECTIONS)) check(section, fields, record[section as keyof CaseRecord] as Record<string, unknown>)
  for (const [collection, fields] of Object.entries(CASE_COLLECTIONS)) {
    for (const [id, item] of Object.entries(record[collection as keyof CaseRecord] as Record<string, Record<string, unknown>>)) check(`${collection}.${id}`, fields, item)
  }
  // An agreed action is added on one of the case's onward referrals: a file's must name one it holds.
  for (const [id, action] of Object.entries(record.partnerActions)) {
    if (!Object.hasOwn(record.onwardReferrals, action.referral)) issues.push({ field: `partnerActions.${id}.referral`, message: 'The onward referral it was agreed on is not in this case' })
  }
  for (const [id, followUp] of Object.entries(record.followUps)) {
    issues.push(...contradictoryFollowUpAnswers(followUp).map((issue) => ({ field: `followUps.${id}.${issue.field}`, message: issue.message })))
  }
  return issues
}
