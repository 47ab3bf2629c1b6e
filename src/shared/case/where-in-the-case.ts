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

function itemsOf(record: unknown, collection: string): object | undefined {
  const items: unknown = typeof record === 'object' && record !== null ? (record as Record<string, unknown>)[collection] : undefined
  return typeof items === 'object' && items !== null ? items : undefined
}
