import type { Person } from '../shared/people'
import type { TeamDevice } from '../shared/sync/team-api'

/**
 * A laptop several people share: the server attests a change or an audit entry as a person's, and
 * sends a restricted case to a laptop, only for the people it holds for that device.
 */

/** Everyone a device is the laptop of: its own person (none for a device from before people), then those added to it. */
export function devicePeople(device: TeamDevice): Person[] {
  return device.person ? [device.person, ...device.people] : device.people
}

/** The one of a device's people a laptop names (a shared laptop's person signed in), if they are one of them. */
export function devicePerson(device: TeamDevice, personId: string | undefined): Person | undefined {
  return personId === undefined ? undefined : devicePeople(device).find((person) => person.id === personId)
}
