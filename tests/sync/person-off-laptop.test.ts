import { afterEach, describe, expect, it } from 'vitest'
import { serverApi } from '../../src/main/core/sync/server-api'
import { addLaptopPerson } from '../../src/main/core/sync/team-setup'
import { PERSON_HEADER } from '../../src/shared/sync/team-api'
import { AMINA, DEREK, JO, referral } from '../support/people'
import { chunksOnDisk, eventually, TestTeam, type Laptop } from '../support/sync-team'

const credentialOf = (laptop: Laptop) => laptop.workspace.membership.get()!

describe('a manager takes a person off a laptop they share', () => {
  let team: TestTeam | undefined
  afterEach(async () => {
    await team?.cleanup()
    team = undefined
  })

  /** The manager's laptop, and Amina's, which Jo shares (both with a PIN; Jo signed in). */
  async function aminaAndJoShareALaptop() {
    team = await TestTeam.start()
    const manager = await team.create(DEREK)
    const shared = await team.join(AMINA)
    await shared.sync.syncOnce()
    const jo = await addLaptopPerson(shared.workspace, { code: await team.joinCode({ for: JO.name, role: JO.role }) })
    const amina = shared.workspace.session.people()[0]!
    await shared.workspace.session.setPin(amina.id, '736251')
    await shared.workspace.session.setFirstPin(jo.id, '482913')
    const { deviceId } = credentialOf(shared)
    /** Jo taken off the shared laptop, by the manager. */
    const takeJoOff = () => {
      const { server, credential } = credentialOf(manager)
      return serverApi.removeDevicePerson(server, credential, deviceId, jo.id, DEREK.id)
    }
    return { team, manager, shared, jo, amina, takeJoOff }
  }

  it('while the laptop is connected: Jo, signed in, is signed out (the app locks, offering nobody), her PIN hash is deleted and she cannot sign in there again', async () => {
    const { shared, jo, amina, takeJoOff } = await aminaAndJoShareALaptop()
    expect(shared.workspace.session.person()?.name).toBe(JO.name)
    shared.sync.start()
    await eventually(() => shared.sync.status().state === 'connected', 10_000, 'the laptop to connect')
    await takeJoOff()
    await eventually(() => shared.workspace.session.people().length === 1, 10_000, 'the laptop to let Jo go')
    const session = shared.workspace.session
    expect(session.people().map((person) => person.name)).toEqual([AMINA.name])
    expect(session.isOpen()).toBe(false)
    expect(session.view()).toMatchObject({ profile: null, lockedFor: null, people: [{ id: amina.id, name: AMINA.name, hasPin: true }] })
    expect(session.hasPin(jo.id)).toBe(false)
    await expect(session.signIn(jo.id, '482913')).rejects.toThrow('That person does not use this laptop')
    // Amina, still on it, signs in as before.
    await session.signIn(amina.id, '736251')
    expect(session.person()?.name).toBe(AMINA.name)
  })

  it('while the laptop is away: it lets Jo go when it next connects, and a manager adding her again gives her a PIN to choose afresh', async () => {
    const { team, shared, jo, takeJoOff } = await aminaAndJoShareALaptop()
    shared.workspace.session.lock()
    expect(shared.workspace.session.view().lockedFor).toBe(jo.id)
    await takeJoOff()
    expect(shared.workspace.session.people().map((person) => person.name)).toEqual([AMINA.name, JO.name])
    await shared.sync.syncOnce()
    expect(shared.workspace.session.people().map((person) => person.name)).toEqual([AMINA.name])
    expect(shared.workspace.session.hasPin(jo.id)).toBe(false)
    // The sign-in page no longer offers her first.
    expect(shared.workspace.session.view().lockedFor).toBeNull()
    const again = await addLaptopPerson(shared.workspace, { code: await team.joinCode({ for: JO.name, role: JO.role }) })
    expect(again.id).toBe(jo.id)
    expect(shared.workspace.session.hasPin(jo.id)).toBe(false)
  })

  it('a caseworker cannot: the server refuses a raw request with her laptop’s credential (403, one line), and Jo stays on the laptop', async () => {
    const { team, manager, shared, jo } = await aminaAndJoShareALaptop()
    const { credential, deviceId } = credentialOf(shared)
    for (const as of [{}, { [PERSON_HEADER]: AMINA.id }, { [PERSON_HEADER]: jo.id }] as Record<string, string>[]) {
      const refused = await fetch(`${team.server.url}/api/devices/${deviceId}/people/${encodeURIComponent(jo.id)}/remove`, {
        method: 'POST',
        headers: { Authorization: `Bearer ${credential}`, ...as },
      })
      expect(refused.status).toBe(403)
      expect(await refused.json()).toEqual({ error: 'Only a team manager can do that.' })
    }
    const devices = await serverApi.devices(credentialOf(manager).server, credentialOf(manager).credential)
    expect(devices.find((device) => device.id === deviceId)!.people.map((person) => person.name)).toEqual([JO.name])
  })

  it('a case restricted to Amina, which the laptop she shares with Jo never held, reaches it once Jo is taken off: at once while connected, or when it next connects', async () => {
    const { team, manager, shared, takeJoOff } = await aminaAndJoShareALaptop()
    const caseId = await manager.workspace.cases.create(referral({ clientName: 'Zofia Wiśniewska', chainNumber: '918273' }))
    await manager.sync.syncOnce()
    const { server, credential } = credentialOf(manager)
    await serverApi.restrict(server, credential, { caseId, to: [AMINA.id] })
    await manager.sync.syncOnce()
    await shared.sync.syncOnce()
    // The laptop is away while Jo is taken off it.
    expect(shared.workspace.cases.list()).toEqual([])
    await team.closeLaptop(shared)
    expect(chunksOnDisk(shared, caseId)).toBe(0)
    await takeJoOff()
    const back = await team.open(undefined, shared.dataDir)
    await back.sync.syncOnce()
    await eventually(() => back.workspace.cases.list().some((entry) => entry.id === caseId), 10_000, 'the case to reach the laptop')
    expect(back.workspace.cases.search('Wiśniewska').map((entry) => entry.id)).toEqual([caseId])
    expect((await back.workspace.cases.read(caseId)).referral.clientName).toBe('Zofia Wiśniewska')
    // Connected this time: Sam is added to the laptop, and a second case restricted to Amina stays off it until he is taken off.
    back.sync.start()
    await eventually(() => back.sync.status().state === 'connected', 10_000, 'the laptop to connect')
    const sam = await addLaptopPerson(back.workspace, { code: await team.joinCode({ for: 'Sam Reed', role: 'caseworker' }) })
    const second = await manager.workspace.cases.create(referral({ clientName: 'Aoife Byrne', chainNumber: '555111', dateOfBirth: '1990-02-03' }))
    await manager.sync.syncOnce()
    await serverApi.restrict(server, credential, { caseId: second, to: [AMINA.id] })
    await manager.sync.syncOnce()
    await eventually(() => back.workspace.cases.list().length === 0, 10_000, 'the first case to leave while Sam shares the laptop')
    await serverApi.removeDevicePerson(server, credential, credentialOf(back).deviceId, sam.id, DEREK.id)
    await eventually(() => back.workspace.cases.list().length === 2, 10_000, 'both cases to reach the laptop')
    await back.sync.stop()
  })
})
