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

function itemsOf(record: unknown, collection: string): object | undefined {
  const items: unknown = typeof record === 'object' && record !== null ? (record as Record<string, unknown>)[collection] : undefined
  return typeof items === 'object' && items !== null ? items : undefined
}
