import { randomUUID } from 'node:crypto'
import { hostname } from 'node:os'
import type { ChangeContext } from '../../../shared/case/changes'
import type { Person } from '../../../shared/people'
import type { JoinCode, TeamDevice } from '../../../shared/sync/team-api'
import { oncePerPerson, samePersonName } from '../../../shared/team/same-person-name'
import { requirePermission } from '../../../shared/team/permissions'
import type { ApiHandlers } from '../api/handlers'
import { ServerRefusedError } from '../errors'
import type { Membership, TeamMembership } from './membership'
import { normaliseServerAddress, serverApi } from './server-api'
import type { SyncClient } from './sync-client'

/** What creating or joining a team needs of the workspace. */
export interface TeamWorkspace {
  readonly membership: TeamMembership
  readonly teamDocumentId: string
  currentContext(): ChangeContext
  flush(): Promise<void>
  /** The people this workspace names (alone on a laptop, or a sample team): they become the team's. */
  readonly team: { members(): Person[]; addMembers(people: Person[]): void }
}

/** A laptop's name as the team's device list shows it, unless the person gives one. */
export function defaultDeviceName(context: ChangeContext): string {
  return `${context.author.name} (${hostname()})`.slice(0, 100)
}

/**
 * The manager's laptop creates the team on a new server: its team document (with every case
 * already on the laptop) becomes the team's, and the people it names the team's people, with
 * whoever creates it as their manager. Returns a join code for a caseworker's laptop.
 */
export async function createTeam(
  workspace: TeamWorkspace,
  input: { server: string; setupCode: string; name: string; deviceName?: string },
): Promise<{ joinCode: JoinCode; membership: Membership }> {
  const context = workspace.currentContext()
  requirePermission(context.role, 'create-team')
  refuseIfInTeam(workspace)
  const server = normaliseServerAddress(input.server)
  const deviceName = input.deviceName?.trim() || defaultDeviceName(context)
  // Whoever creates the team is its manager, named in the team document as the server will name them.
  const you: Person = { ...context.author, role: 'manager' }
  workspace.team.addMembers([you])
  await workspace.flush()
  const created = await serverApi.createTeam(server, {
    setupCode: input.setupCode.trim(),
    name: input.name.trim(),
    deviceName,
    teamDocumentId: workspace.teamDocumentId,
    you: context.author,
    // One person, one member: someone this laptop names twice (a sample team's Amina Okafor, and
    // Amina set up on it) goes to the team once, as whoever creates it.
    people: oncePerPerson([you, ...workspace.team.members()]).filter((person) => person.id !== you.id),
  })
  const membership: Membership = {
    server,
    team: created.team,
    teamDocumentId: created.teamDocumentId,
    deviceId: created.deviceId,
    deviceName,
    credential: created.credential,
    person: created.person,
    lastSeq: 0,
  }
  await workspace.membership.begin(membership)
  return { joinCode: created.joinCode, membership }
}

/**
 * A laptop joins the team with the code the manager gave: it receives a device credential and
 * becomes the laptop of the person the code was for (their name and role are the team's from now
 * on), and the cases already on it are sent to become the team's (once the team document has arrived).
 */
export async function joinTeam(workspace: TeamWorkspace, input: { server: string; code: string; deviceName?: string }): Promise<Membership> {
  const context = workspace.currentContext()
  refuseIfInTeam(workspace)
  const server = normaliseServerAddress(input.server)
  const deviceName = input.deviceName?.trim() || defaultDeviceName(context)
  await workspace.flush()
  const joined = await serverApi.join(server, { joinCode: input.code.trim(), deviceName, you: context.author })
  const membership: Membership = {
    server,
    team: joined.team,
    teamDocumentId: joined.teamDocumentId,
    deviceId: joined.deviceId,
    deviceName,
    credential: joined.credential,
    person: joined.person,
    lastSeq: 0,
  }
  await workspace.membership.begin(membership)
  return membership
}

/**
 * Someone else who uses this team's laptop: the laptop redeems the join code the manager made for
 * them (a code made for anyone names them by `name`), and the server records them among the
 * device's people. They are added to the laptop's people, to choose their PIN. Returns who they are.
 */
export async function addLaptopPerson(
  workspace: { membership: TeamMembership; session: { addPerson(person: Person): void } },
  input: { code: string; name?: string },
): Promise<Person> {
  const membership = requireMembership(workspace)
  const name = input.name?.trim()
  const you = name ? { you: { id: randomUUID(), name } } : {}
  const person = await serverApi.addDevicePerson(membership.server, membership.credential, { joinCode: input.code.trim(), ...you })
  workspace.session.addPerson(person)
  return person
}

/**
 * A manager takes someone off one of the team's laptops (the command line's way to it, by names):
 * the laptop by its name or id, the person by their name as the team has it. Not the laptop's own
 * person (revoke the laptop for that). The server checks the role again, and the laptop lets them
 * go when it next hears from it. Returns who was taken off which laptop.
 */
export async function takePersonOffLaptop(
  workspace: { membership: TeamMembership; currentContext(): ChangeContext },
  input: { name: string; laptop: string },
): Promise<{ person: Person; laptop: TeamDevice }> {
  const { role, author } = workspace.currentContext()
  requirePermission(role, 'take-people-off-laptops')
  const membership = requireMembership(workspace)
  const devices = (await serverApi.devices(membership.server, membership.credential)).filter((device) => !device.revoked)
  const wanted = input.laptop.trim()
  const byId = devices.find((device) => device.id === wanted)
  const byName = devices.filter((device) => device.name.trim().toLocaleLowerCase('en-GB') === wanted.toLocaleLowerCase('en-GB'))
  if (!byId && byName.length > 1) throw new ServerRefusedError(`Several of the team's laptops are named ${wanted}: give its id (homeward devices list)`)
  const laptop = byId ?? byName[0]
  if (!laptop) throw new ServerRefusedError(`The team has no laptop named ${wanted} (homeward devices list shows them)`)
  if (laptop.person && samePersonName(laptop.person.name, input.name)) {
    throw new ServerRefusedError(`${laptop.person.name} is the person ${laptop.name} belongs to: revoke the laptop instead (homeward devices revoke ${laptop.id})`)
  }
  const person = laptop.people.find((candidate) => samePersonName(candidate.name, input.name))
  if (!person) {
    const others = laptop.people.map((candidate) => candidate.name).join(', ')
    throw new ServerRefusedError(`${input.name.trim()} does not use ${laptop.name}${others ? ` (also used by ${others})` : ' (nobody else uses it)'}`)
  }
  await serverApi.removeDevicePerson(membership.server, membership.credential, laptop.id, person.id, author.id)
  return { person, laptop }
}

/** The membership, or a clear error for commands that need one. */
export function requireMembership(workspace: { membership: TeamMembership }): Membership {
  const membership = workspace.membership.get()
  if (!membership) throw new ServerRefusedError('This laptop is not in a team. Create one (homeward team create) or join one (homeward join).')
  return membership
}

function refuseIfInTeam(workspace: TeamWorkspace): void {
  const current = workspace.membership.get()
  if (current) throw new ServerRefusedError(`This laptop is already in the team "${current.team}". Leave it first to join another.`)
}

/** The window's part in the team sync: its state, creating or joining the team, and the manager's devices. */
export function teamSyncHandlers(
  workspace: TeamWorkspace & { readonly sync: SyncClient; readonly session: { addPerson(person: Person): void }; dismissTakenOffTeam(): void },
) {
  return {
    getSyncStatus: () => workspace.sync.status(),
    createTeam: async (input) => {
      const { joinCode } = await createTeam(workspace, input)
      await workspace.sync.restart()
      return joinCode
    },
    joinTeam: async (input) => {
      await joinTeam(workspace, input)
      await workspace.sync.restart()
      return {}
    },
    leaveTeam: async () => {
      await workspace.sync.stop()
      workspace.membership.leave()
      await workspace.sync.restart()
      return {}
    },
    listDevices: () => {
      const membership = requireMembership(workspace)
      return serverApi.devices(membership.server, membership.credential)
    },
    revokeDevice: async ({ deviceId }) => {
      const { role, author } = workspace.currentContext()
      requirePermission(role, 'revoke-devices')
      const membership = requireMembership(workspace)
      await serverApi.revoke(membership.server, membership.credential, deviceId, author.id)
      return {}
    },
    addLaptopPerson: async (input) => {
      const person = await addLaptopPerson(workspace, input)
      return { id: person.id, name: person.name }
    },
    removeDevicePerson: async ({ deviceId, personId }) => {
      const { role, author } = workspace.currentContext()
      requirePermission(role, 'take-people-off-laptops')
      const membership = requireMembership(workspace)
      await serverApi.removeDevicePerson(membership.server, membership.credential, deviceId, personId, author.id)
      return {}
    },
    dismissTakenOffTeam: () => {
      workspace.dismissTakenOffTeam()
      return {}
    },
    newJoinCode: (forWhom) => {
      const { role, author } = workspace.currentContext()
      requirePermission(role, 'issue-join-codes')
      const membership = requireMembership(workspace)
      return serverApi.newJoinCode(membership.server, membership.credential, forWhom, author.id)
    },
  } satisfies Partial<ApiHandlers>
}
