import type { DocHandle } from '@automerge/automerge-repo'
import { toPlain } from '../../../shared/automerge/registers'
import type { Person } from '../../../shared/people'
import { mapIn, type TeamDoc } from '../../../shared/team/team-doc'
import type { LocalSettings } from '../storage/workspace-files'
import { savedMembership, teamPerson } from '../sync/membership'
import { savedProfile } from '../team/team'

/** The people added to this laptop after its own person (local settings, never synced). */
const SETTING_LAPTOP_PEOPLE = 'laptop-people'

/**
 * The people of this laptop: who may sign in on it. Its own person (the team's person it joined
 * as, or the one set up at the first run) first, then anyone added to it since, once each. Where
 * the team document has a person, their name and role are the team's.
 */
export function laptopPeople(settings: LocalSettings, team: DocHandle<TeamDoc>): Person[] {
  const own = teamPerson(savedMembership(settings), team) ?? savedProfile(settings)
  const added = settings.get<Person[]>(SETTING_LAPTOP_PEOPLE) ?? []
  const members = mapIn(team.doc().members)
  const people: Person[] = []
  for (const person of own ? [own, ...added] : added) {
    if (people.some((known) => known.id === person.id)) continue
    const member = members[person.id]
    people.push(member ? { id: person.id, ...toPlain<{ name: string; role: Person['role'] }>(member) } : person)
  }
  return people
}

/** Adds a person to this laptop's people (someone else who shares it); once each. */
export function addLaptopPerson(settings: LocalSettings, person: Person): void {
  const added = settings.get<Person[]>(SETTING_LAPTOP_PEOPLE) ?? []
  if (added.some((known) => known.id === person.id)) return
  settings.set(SETTING_LAPTOP_PEOPLE, [...added, person])
}

/**
 * The people the team's server holds for this laptop besides its own person: the laptop's list
 * becomes theirs. Says whether it changed, and who it had that is no longer on it (a manager took them off).
 */
export function followServerPeople(settings: LocalSettings, others: readonly Person[]): { changed: boolean; takenOff: Person[] } {
  const added = settings.get<Person[]>(SETTING_LAPTOP_PEOPLE) ?? []
  const takenOff = added.filter((person) => !others.some((other) => other.id === person.id))
  const changed = takenOff.length > 0 || others.some((other) => !added.some((person) => person.id === other.id))
  if (changed) settings.set(SETTING_LAPTOP_PEOPLE, [...others])
  return { changed, takenOff }
}
