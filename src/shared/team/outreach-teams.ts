import { foldForSearch } from '../search/fold'

/**
 * The outreach teams (referring organisations) the team keeps a list of, so that one organisation
 * is one entry however it is typed: the referral form offers the list, a new name joins it, and
 * the monitoring report counts referrals by it.
 */

/** An organisation's name as the list compares names: case, accents, spacing and punctuation aside. */
export function organisationKey(name: string): string {
  return foldForSearch(name.normalize('NFKC'))
    .replace(/&/g, ' and ')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim()
}

/**
 * An entry of the list: its spelling, and the other names it has had. A rename or a merge keeps
 * the old name as an alias rather than rewriting the cases that name it: what a caseworker typed
 * on a case stays as typed, and the report still counts it under the entry.
 */
export interface ListedOrganisation {
  name: string
  aliases?: readonly string[]
  kind?: ReferrerKind | undefined
}

/** The kinds of referring organisation the report counts referrals by. */
export const REFERRER_KINDS = [
  { value: 'outreach-team', label: 'Outreach team' },
  { value: 'day-centre', label: 'Day centre' },
  { value: 'hostel', label: 'Hostel' },
  { value: 'police', label: 'Police' },
  { value: 'probation', label: 'Probation' },
  { value: 'hospital', label: 'Hospital' },
  { value: 'council', label: 'Council' },
  { value: 'self-referral', label: 'Self-referral' },
  { value: 'other', label: 'Other' },
] as const
export type ReferrerKind = (typeof REFERRER_KINDS)[number]['value']

/** The client referring themselves: always a choice, whatever the team's list holds. */
export const SELF_REFERRAL = 'Self-referral'

/** The kind of the organisation a referral names, as the list records it ("Not recorded" when it does not). */
export function referrerKindLabel(list: readonly ListedOrganisation[], name: string | undefined): string {
  if (!name?.trim()) return 'Not recorded'
  if (organisationKey(name) === organisationKey(SELF_REFERRAL)) return 'Self-referral'
  const listed = list.find((entry) => entry.name === listedOrganisation(list, name))
  return REFERRER_KINDS.find((kind) => kind.value === listed?.kind)?.label ?? 'Not recorded'
}

/** The list's spelling of this organisation (by its name or one of its aliases), if the list has it. */
export function listedOrganisation(list: readonly ListedOrganisation[], name: string): string | undefined {
  const key = organisationKey(name)
  return key ? list.find((listed) => [listed.name, ...(listed.aliases ?? [])].some((known) => organisationKey(known) === key))?.name : undefined
}

/** The aliases an entry has after it takes in these other names: each kept once, never its own name. */
export function withAliases(entry: ListedOrganisation, names: readonly string[]): string[] {
  const own = organisationKey(entry.name)
  const kept = new Map<string, string>()
  for (const name of [...(entry.aliases ?? []), ...names]) {
    const key = organisationKey(name)
    if (key && key !== own && !kept.has(key)) kept.set(key, name.trim())
  }
  return [...kept.values()]
}

/**
 * Names grouped as one organisation each: the list's spelling where the list has it, else the
 * spelling most of the group used (the first of equals).
 */
export function groupByOrganisation<T>(items: readonly T[], nameOf: (item: T) => string, list: readonly ListedOrganisation[] = []): Map<string, T[]> {
  const byKey = new Map<string, { items: T[]; spellings: Map<string, number> }>()
  for (const item of items) {
    const name = nameOf(item).trim()
    // A name the list knows (an alias too) is grouped under the list's entry.
    const key = organisationKey(listedOrganisation(list, name) ?? name)
    const group = byKey.get(key) ?? { items: [] as T[], spellings: new Map<string, number>() }
    group.items.push(item)
    group.spellings.set(name, (group.spellings.get(name) ?? 0) + 1)
    byKey.set(key, group)
  }
  const groups = new Map<string, T[]>()
  for (const group of byKey.values()) {
    const [first] = [...group.spellings].sort((a, b) => b[1] - a[1])
    groups.set(listedOrganisation(list, first![0]) ?? first![0], group.items)
  }
  return groups
}
