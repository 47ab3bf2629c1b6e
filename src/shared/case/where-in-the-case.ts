import { z } from 'zod'
import { lower } from '../forms/fields'
import type { FieldIssue } from '../validation'
import type { CaseCollection } from './changes'

/** One item of each of a case's lists, as a person names it. */
const ITEM_NAMES: Record<CaseCollection, string> = {
  sharingConsents: 'Consent to share',
  addresses: 'Address',
  employment: 'Employment',
  family: 'Family member',
  special: 'Special circumstance',
  actions: 'Action',
  expenses: 'Expense',
  goals: 'Goal',
  onwardReferrals: 'Onward referral',
  partnerActions: 'Action agreed with a partner',
  followUps: 'Follow-up check',
  reviews: 'Support plan review',
  markers: 'Warning marker',
}

/**
 * Where in a case file a problem is, in words a person finds it by: an item of a list by its
 * place in the file ("Address 1", not its id `addresses.k3v9…`), anything else by its path.
 */
export function whereInTheCase(path: readonly PropertyKey[], record: unknown): string {
  const [collection, id] = path
  const items = typeof collection === 'string' && Object.hasOwn(ITEM_NAMES, collection) ? itemsOf(record, collection) : undefined
  const place = items && typeof id === 'string' ? Object.keys(items).indexOf(id) : -1
  if (place >= 0) return `${ITEM_NAMES[collection as CaseCollection]} ${place + 1}`
  return path.map(String).join('.') || 'case'
}

/**
 * A problem found by a rule over a whole case (the date rules give paths, `addresses.k3v9.to`),
 * its place named as above. After an item's name the message reads on as one sentence
 * ("Address 2: until (01/01/2025) cannot be before the start (01/05/2026)").
 */
export function namedIssue(issue: FieldIssue, record: unknown): FieldIssue {
  const field = whereInTheCase(issue.field.split('.'), record)
  return { field, message: field === issue.field ? issue.message : lower(issue.message) }
}

/**
 * A problem as one line a person reads: the item first for a problem in an item of a list
 * ("Address 2: until …", named by `whereInTheCase`), else the message alone. It names its field by
 * the label the form shows ("Date of referral"), so a key such as `referralDate` before it would
 * only be a word the person does not know.
 */
export function issueInWords(issue: FieldIssue): string {
  if (ITEM_PLACE.test(issue.field)) return `${issue.field}: ${issue.message}`
  // A stored schema's message reads on after a place ("the local authority is missing").
  return issue.message.charAt(0).toUpperCase() + issue.message.slice(1)
}

const ITEM_PLACE = new RegExp(`^(${Object.values(ITEM_NAMES).join('|')}) \\d+$`)

/**
 * How a whole case's parse words zod's own messages, which name no field ("Invalid input: expected
 * string, received undefined"), unlike the schema's own ("the local authority is missing"): after
 * the key path ("In allocation.leadCaseworker.name: …"; inside the item where `whereInTheCase`
 * names one, "Address 1: in from: …"), so a file edited by hand says where.
 */
export function keyedZodMessages(record: unknown): z.core.$ZodErrorMap {
  const english = z.locales.en().localeError
  return (issue) => {
    const path = issue.path ?? []
    const said = issue.code === 'invalid_type' ? typeInWords(issue.expected, issue.input) : english(issue)
    const message = typeof said === 'string' ? said : (said?.message ?? 'not a value a case can hold')
    const inside = whereInTheCase(path, record) === path.map(String).join('.') ? path : path.slice(2)
    return inside.length > 0 ? `in ${inside.map(String).join('.')}: ${message}` : message
  }
}

/** What a file's value should have been, in words ("Invalid input: expected record" says nothing to a person). */
const KINDS: Record<string, string> = {
  string: 'text',
  number: 'a number',
  boolean: 'true or false',
  record: 'a set of named entries, { … }',
  object: 'a set of named entries, { … }',
  array: 'a list, [ … ]',
}

function typeInWords(expected: string, input: unknown): string {
  return input === undefined ? 'missing' : `should be ${KINDS[expected] ?? 'another kind of value'}`
}

function itemsOf(record: unknown, collection: string): object | undefined {
  const items: unknown = typeof record === 'object' && record !== null ? (record as Record<string, unknown>)[collection] : undefined
  return typeof items === 'object' && items !== null ? items : undefined
}
