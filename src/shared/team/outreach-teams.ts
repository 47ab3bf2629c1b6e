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

/** The list's spelling of this organisation, if the list has it. */
export function listedOrganisation(list: readonly string[], name: string): string | undefined {
  const key = organisationKey(name)
  return key ? list.find((listed) => organisationKey(listed) === key) : undefined
}

/**
 * Names grouped as one organisation each: the list's spelling where the list has it, else the
 * spelling most of the group used (the first of equals).
 */
export function groupByOrganisation<T>(items: readonly T[], nameOf: (item: T) => string, list: readonly string[] = []): Map<string, T[]> {
  const byKey = new Map<string, { items: T[]; spellings: Map<string, number> }>()
  for (const item of items) {
    const name = nameOf(item).trim()
    const key = organisationKey(name)
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
