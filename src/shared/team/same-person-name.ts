/**
 * A person's name as the team compares names: one person is one member, so a name typed again
 * with other capitals, spacing or accents ("amína  OKAFOR") is the same name as Amina Okafor.
 * Compatibility forms are folded and invisible characters (zero-width spaces, joiners, variation
 * selectors) dropped, so a name that only looks the same is the same; blank-looking characters
 * (the braille blank, Hangul fillers) count as spaces.
 */
export function personNameKey(name: string): string {
  return name
    .normalize('NFKC')
    .replace(/[\u2800\u3164\uFFA0\u115F\u1160]/g, ' ')
    .replace(/[\p{Cf}\p{Default_Ignorable_Code_Point}]/gu, '')
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .trim()
    .replace(/\s+/g, ' ')
    .toLocaleLowerCase('en-GB')
}

/** Whether two names are one person's name, as the team compares them (see personNameKey). */
export function samePersonName(a: string, b: string): boolean {
  return personNameKey(a) === personNameKey(b)
}

/** People listed once each: by id, and then by name (the first of a name stands for the rest). */
export function oncePerPerson<T extends { id: string; name: string }>(people: readonly T[]): T[] {
  const ids = new Set<string>()
  const names = new Set<string>()
  return people.filter((person) => {
    const key = personNameKey(person.name)
    if (ids.has(person.id) || names.has(key)) return false
    ids.add(person.id)
    names.add(key)
    return true
  })
}
