import { afterEach, describe, expect, it } from 'vitest'
import { seedWorkspace } from '../../src/main/core/seed/seed'
import { createTeam, joinTeam } from '../../src/main/core/sync/team-setup'
import { TEAM_API } from '../../src/shared/sync/team-api'
import { referral } from '../support/people'
import { newDocumentId } from '../support/raw-sync'
import { eventually, TestTeam } from '../support/sync-team'

/** Names of the team's people as a laptop lists them (lead caseworker picker, board, meeting attendees). */
function names(people: { name: string }[]): string[] {
  return people.map((person) => person.name)
}

describe('one person, one member', () => {
  let team: TestTeam | undefined
  afterEach(async () => {
    await team?.cleanup()
    team = undefined
  })

  it('sets up a laptop as an existing team member without making a second Amina Okafor, however her name is typed', async () => {
    team = await TestTeam.start()
    // The manager's laptop has the sample team, Amina Okafor among them, and creates the team.
    const manager = await team.open(undefined)
    manager.workspace.team.setProfile({ name: 'Derek Hall' })
    await seedWorkspace(manager.workspace, { cases: 2, today: '2026-11-20' })
    await createTeam(manager.workspace, { server: team.server.url, setupCode: team.server.setupCode!, name: 'Safe Connections North' })
    team.manager = manager
    const amina = manager.workspace.team.members().find((person) => person.name === 'Amina Okafor')!

    // Amina's laptop: set up alone under her name, a case added, then joined.
    const laptop = await team.open({ id: 'amina-own-laptop-id', name: 'Amina Okafor', role: 'manager' })
    await laptop.workspace.cases.create(referral())
    // With a code for anyone, her typed name is not made a second person: the server says so.
    await expect(joinTeam(laptop.workspace, { server: team.server.url, code: await team.joinCode() })).rejects.toThrow(
      'Amina Okafor is already in the team. Ask the team manager for a join code for you by name.',
    )
    await expect(joinTeam(laptop.workspace, { server: team.server.url, code: await team.joinCode({ for: 'Amína  OKAFOR' }) })).resolves.toBeDefined()
    // With the code the manager made for her (her name typed with an accent), the laptop is hers: the same id.
    expect(laptop.workspace.currentContext().author).toEqual({ id: amina.id, name: 'Amina Okafor' })
    await laptop.sync.syncOnce()
    await manager.sync.syncOnce()
    await eventually(async () => {
      await laptop.sync.syncOnce()
      return laptop.workspace.team.members().length > 1
    })
    for (const workspace of [manager.workspace, laptop.workspace]) {
      expect(names(workspace.team.members()).filter((name) => name === 'Amina Okafor')).toHaveLength(1)
      const board = workspace.cases.board()
      expect(board.caseloads.filter((load) => load.caseworker.name === 'Amina Okafor')).toHaveLength(1)
    }
  })

  it('the server refuses to make a person whose name an existing one has, and says so, to any client', async () => {
    team = await TestTeam.start()
    const post = (path: string, body: unknown) =>
      fetch(`${team!.server.url}${path}`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) })
    const twice = await post(TEAM_API.createTeam.path, {
      setupCode: team.server.setupCode,
      name: 'Safe Connections North',
      deviceName: 'Manager laptop',
      teamDocumentId: newDocumentId(),
      you: { id: 'manager-1', name: 'Derek Hall' },
      people: [
        { id: 'amina-1', name: 'Amina Okafor', role: 'caseworker' },
        { id: 'amina-2', name: 'amina okáfor', role: 'caseworker' },
      ],
    })
    expect(twice.status).toBe(409)
    expect(((await twice.json()) as { error: string }).error).toBe("amina okáfor is named twice among the team's people. Each person can be in the team only once.")

    // The setup code still works: the team is made with each person once.
    const created = await post(TEAM_API.createTeam.path, {
      setupCode: team.server.setupCode,
      name: 'Safe Connections North',
      deviceName: 'Manager laptop',
      teamDocumentId: newDocumentId(),
      you: { id: 'manager-1', name: 'Derek Hall' },
      people: [{ id: 'amina-1', name: 'Amina Okafor', role: 'caseworker' }],
    })
    expect(created.status).toBe(200)
    const { joinCode } = ((await created.json()) as { joinCode: { joinCode: string } }).joinCode
    const joined = await post(TEAM_API.join.path, { joinCode, deviceName: 'Laptop', you: { id: 'someone', name: 'AMÍNA Okafor' } })
    expect(joined.status).toBe(409)
    expect(((await joined.json()) as { error: string }).error).toBe('Amina Okafor is already in the team. Ask the team manager for a join code for you by name.')
  })

  it('names a laptop’s person once when it is seeded with the sample team after being set up under a sample name', async () => {
    team = await TestTeam.start()
    const laptop = await team.open(undefined)
    laptop.workspace.team.setProfile({ name: 'Amina Okafor' })
    await seedWorkspace(laptop.workspace, { cases: 1, today: '2026-11-20' })
    expect(names(laptop.workspace.team.members()).filter((name) => name === 'Amina Okafor')).toHaveLength(1)
  })
})
