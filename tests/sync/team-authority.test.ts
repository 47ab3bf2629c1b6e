import * as Automerge from '@automerge/automerge'
import type { DocumentId } from '@automerge/automerge-repo'
import { afterEach, describe, expect, it } from 'vitest'
import { serverApi } from '../../src/main/core/sync/server-api'
import { joinTeam } from '../../src/main/core/sync/team-setup'
import { toStored } from '../../src/shared/automerge/registers'
import type { TeamDoc } from '../../src/shared/team/team-doc'
import { markedPng } from '../support/fixtures'
import { AMINA, JO, referral } from '../support/people'
import { rawClient } from '../support/raw-sync'
import { eventually, TestTeam, type Laptop } from '../support/sync-team'

/** Every case and scanned document a laptop holds, as its team document lists them and its case list shows them. */
function holdings(laptop: Laptop) {
  const team = laptop.workspace.teamDoc()
  return {
    listedCases: Object.keys(team.cases).sort(),
    listedScans: Object.keys(team.attachments).sort(),
    caseList: laptop.workspace.cases.list().map((entry) => entry.id).sort(),
  }
}

/** The laptop's own team document, edited behind the app's back (an insider with the laptop's files). */
function tamper(laptop: Laptop, edit: (team: TeamDoc) => void): void {
  const handle = laptop.workspace.repo.handles[laptop.workspace.teamDocumentId as DocumentId]!
  handle.change((team) => edit(team as TeamDoc))
}

describe('the server decides which documents are the team’s, who is in it and in what role', () => {
  let team: TestTeam | undefined
  afterEach(async () => {
    await team?.cleanup()
    team = undefined
  })

  async function teamWithCasesAndScans() {
    team = await TestTeam.start()
    const manager = await team.create()
    const cases = [await manager.workspace.cases.create(referral()), await manager.workspace.cases.create(referral({ clientName: 'Aoife Byrne', chainNumber: '555111', dateOfBirth: '1990-02-03' }))]
    const scan = await manager.workspace.attachments.add(cases[0]!, { fileName: 'id.png', bytes: markedPng('plain'), details: { type: 'identity', date: '2026-11-01', shareInPack: 'yes' } })
    await manager.sync.syncOnce()
    const caseworker = await team.join(AMINA)
    await caseworker.sync.syncOnce()
    const expected = { listedCases: [...cases].sort(), listedScans: [scan], caseList: [...cases].sort() }
    expect(holdings(caseworker)).toEqual(expected)
    return { team, manager, caseworker, expected }
  }

  it('puts back a caseworker laptop’s change that unlists every case and scan: every laptop, the sender too, still holds them, and a laptop joining later receives them', async () => {
    const { team, manager, caseworker, expected } = await teamWithCasesAndScans()
    tamper(caseworker, (doc) => {
      for (const id of Object.keys(doc.cases)) delete doc.cases[id]
      for (const id of Object.keys(doc.attachments)) delete doc.attachments[id]
    })
    expect(Object.keys(caseworker.workspace.teamDoc().cases)).toEqual([])
    await caseworker.sync.syncOnce()

    // The sender comes back to the server's view, and is told in words.
    await eventually(async () => {
      await caseworker.sync.syncOnce()
      return JSON.stringify(holdings(caseworker)) === JSON.stringify(expected)
    }, 10_000, 'the caseworker’s laptop back to the server’s view')
    // Its own copy of the scan is still there: unlisting it on this laptop deleted nothing.
    const scan = expected.listedScans[0]!
    await expect(caseworker.workspace.attachments.read(caseworker.workspace.teamDoc().attachments[scan]!.caseId.val, scan)).resolves.toMatchObject({ fileName: 'id.png' })
    expect(caseworker.sync.status().notice).toMatch(/^The server put back part of a change from this laptop: it took 3 documents out of the team, which only a manager can do\.$/)
    await manager.sync.syncOnce()
    expect(holdings(manager)).toEqual(expected)

    const fresh = await team.join(JO)
    await fresh.sync.syncOnce()
    expect(holdings(fresh)).toEqual(expected)
    const [withScan] = expected.listedCases.filter((id) => id in manager.workspace.teamDoc().cases)
    expect(withScan).toBeDefined()
    const scanId = expected.listedScans[0]!
    await expect(fresh.workspace.attachments.read(manager.workspace.teamDoc().attachments[scanId]!.caseId.val, scanId)).resolves.toBeDefined()
  })

  it('puts back a raw client’s change that makes its person a manager, adds a member or removes one', async () => {
    const { team, manager, caseworker } = await teamWithCasesAndScans()
    await manager.sync.syncOnce()
    const peopleBefore = manager.workspace.team.members()
    expect(peopleBefore.map((person) => [person.name, person.role])).toEqual([
      ['Amina Okafor', 'caseworker'],
      ['Derek Hall', 'manager'],
    ])

    // Written by hand, on top of the team document as the caseworker's laptop holds it.
    const held = Automerge.clone(caseworker.workspace.teamDoc() as Automerge.Doc<TeamDoc>)
    const tampered = Automerge.change(held, (doc) => {
      doc.members[AMINA.id]!.role = toStored<'manager'>('manager')
      doc.members['intruder'] = toStored({ name: 'Someone Else', role: 'manager' })
      delete doc.members['member-derek']
    })
    const client = rawClient(team.server.url, caseworker.workspace.membership.get()!.credential)
    expect(await client.opened).toBe(true)
    client.hello()
    const ack = await client.upload(caseworker.workspace.teamDocumentId, Automerge.getLastLocalChange(tampered)!)
    expect(ack.undone).toBe('The server put back part of a change from this laptop: it changed who is in the team or a role, which the server decides.')
    client.ws.close()

    for (const laptop of [manager, caseworker]) {
      await laptop.sync.syncOnce()
      expect(laptop.workspace.team.members()).toEqual(peopleBefore)
    }
    // The caseworker's laptop still acts as a caseworker: the role is the server's.
    expect(caseworker.workspace.currentContext().role).toBe('caseworker')
    expect(caseworker.workspace.team.profile).toEqual(AMINA)
    const answer = await serverApi.team(team.server.url, caseworker.workspace.membership.get()!.credential)
    expect(answer.you).toEqual(AMINA)
    expect(answer.people.map((person) => person.name)).toEqual(['Amina Okafor', 'Derek Hall'])
  })

  it('lets a join code in once, for 7 days, and never after a revocation; a revoked laptop receives nothing made after', async () => {
    let clock = new Date('2026-11-29T09:00:00Z')
    team = await TestTeam.start({ now: () => clock })
    const manager = await team.create()
    await manager.sync.syncOnce()
    const code = await team.joinCode({ for: AMINA.name })
    const first = await team.open(AMINA)
    await joinTeam(first.workspace, { server: team.server.url, code })
    expect(first.workspace.membership.get()!.person).toEqual(AMINA)

    // The same code again, from another laptop: refused.
    const second = await team.open(JO)
    await expect(joinTeam(second.workspace, { server: team.server.url, code })).rejects.toThrow('That join code is not right, has been used, or has expired. Ask the team manager for a new one.')

    // Seven days on, an unused code has expired.
    const old = await team.joinCode({ for: JO.name })
    clock = new Date('2026-12-06T09:00:01Z')
    await expect(joinTeam(second.workspace, { server: team.server.url, code: old })).rejects.toThrow('has expired')

    // Revoked: every code not yet used is void, and the laptop cannot come back with any it has seen.
    const seen = [await team.joinCode(), await team.joinCode({ for: 'Sam Reed', role: 'caseworker' }), await team.joinCode({ for: AMINA.name })]
    const { deviceId } = first.workspace.membership.get()!
    await serverApi.revoke(team.server.url, manager.workspace.membership.get()!.credential, deviceId)
    const returning = await team.open(AMINA)
    for (const again of [code, ...seen]) {
      await expect(joinTeam(returning.workspace, { server: team.server.url, code: again })).rejects.toThrow('Ask the team manager for a new one.')
    }
    const afterRevocation = await manager.workspace.cases.create(referral({ clientName: 'Aoife Byrne', chainNumber: '777000', dateOfBirth: '1991-04-04' }))
    await manager.sync.syncOnce()
    // The revoked laptop is told so, with the server's proof, and deletes the team's data (tests/sync/lost-laptop.test.ts).
    await expect(first.sync.syncOnce()).rejects.toThrow('This laptop was taken off the team on 06/12/2026')
    expect(first.sync.status().takenOffTeam).toBe(clock.toISOString())
    expect(returning.workspace.cases.list().map((entry) => entry.id)).not.toContain(afterRevocation)
    expect(returning.workspace.cases.list()).toEqual([])
  })

  it('makes the laptop its named person’s, with their role; never someone else’s by a name typed on the laptop', async () => {
    team = await TestTeam.start()
    const manager = await team.create()
    await manager.sync.syncOnce()

    // A code for anyone, used on a laptop whose user calls themselves the manager: refused, and the code is not used up.
    const forAnyone = await team.joinCode()
    const impostor = await team.open({ id: 'someone', name: 'derek  HALL', role: 'manager' })
    await expect(joinTeam(impostor.workspace, { server: team.server.url, code: forAnyone })).rejects.toThrow(
      'Derek Hall is already in the team. Ask the team manager for a join code for you by name.',
    )
    const jo = await team.open(JO)
    await joinTeam(jo.workspace, { server: team.server.url, code: forAnyone })
    expect(jo.workspace.membership.get()!.person).toEqual(JO)

    // A manager's code for a second manager, by name: that laptop is a manager's.
    const deputy = await team.open({ id: 'laptop-own-id', name: 'Priya Shah', role: 'caseworker' })
    await joinTeam(deputy.workspace, { server: team.server.url, code: await team.joinCode({ for: 'Priya Shah', role: 'manager' }) })
    expect(deputy.workspace.currentContext().role).toBe('manager')
    // A code for someone already in the team is for them, in their role: Jo's second laptop is Jo's.
    await expect(team.joinCode({ for: 'jo price', role: 'manager' })).rejects.toThrow('Jo Price is already in the team as a caseworker: a join code does not change a role.')
    const second = await team.open({ id: 'another-id', name: 'Jo P', role: 'caseworker' })
    await joinTeam(second.workspace, { server: team.server.url, code: await team.joinCode({ for: 'Jo Price' }) })
    expect(second.workspace.currentContext().author).toEqual({ id: JO.id, name: JO.name })
    await manager.sync.syncOnce()
    expect(manager.workspace.team.members().map((person) => `${person.name}: ${person.role}`)).toEqual(['Derek Hall: manager', 'Jo Price: caseworker', 'Priya Shah: manager'])

    // Set up alone, a laptop's person is its manager; joined as a caseworker, it is a caseworker at
    // once (before the team's document has arrived) and stays one, and its name is the team's to say.
    const alone = await team.open(undefined)
    expect(alone.workspace.team.setProfile({ name: 'Sam Reed' }).role).toBe('manager')
    expect(alone.workspace.currentContext().role).toBe('manager')
    await joinTeam(alone.workspace, { server: team.server.url, code: await team.joinCode({ role: 'caseworker' }) })
    expect(alone.workspace.currentContext()).toMatchObject({ author: { name: 'Sam Reed' }, role: 'caseworker' })
    await alone.sync.syncOnce()
    expect(alone.workspace.team.profile).toMatchObject({ name: 'Sam Reed', role: 'caseworker' })
    expect(() => alone.workspace.team.setProfile({ name: 'Sam Reed' })).toThrow('your name and role come from the team')

    // Only a manager's laptop issues codes.
    await expect(serverApi.newJoinCode(team.server.url, jo.workspace.membership.get()!.credential, {})).rejects.toThrow('Only a team manager can do that.')
  })

  it('puts back a team document whose lists or members a raw client replaced with something that is not a map, and goes on working', async () => {
    const { team, manager, caseworker, expected } = await teamWithCasesAndScans()
    await manager.sync.syncOnce()
    const peopleBefore = manager.workspace.team.members()
    const client = rawClient(team.server.url, caseworker.workspace.membership.get()!.credential)
    expect(await client.opened).toBe(true)
    client.hello()
    // Each made on top of the team document as the caseworker's laptop holds it, with the server's corrections so far.
    const tamper = async (edit: (doc: Record<string, unknown>) => void) => {
      await caseworker.sync.syncOnce()
      const held = Automerge.change(Automerge.clone(caseworker.workspace.teamDoc() as Automerge.Doc<TeamDoc>), (doc) => edit(doc as unknown as Record<string, unknown>))
      return client.upload(caseworker.workspace.teamDocumentId, Automerge.getLastLocalChange(held)!)
    }
    for (const edit of [
      (doc: Record<string, unknown>) => void (doc.cases = 5),
      (doc: Record<string, unknown>) => void (doc.cases = new Date(0)),
      (doc: Record<string, unknown>) => void (doc.attachments = []),
      (doc: Record<string, unknown>) => void (doc.attachments = new Uint8Array(2)),
      (doc: Record<string, unknown>) => void delete doc.members,
      (doc: Record<string, unknown>) => void (doc.members = 7),
      (doc: Record<string, unknown>) => void (doc.members = new Automerge.Counter(1)),
      (doc: Record<string, unknown>) => void (doc.members = new Date(0)),
    ]) {
      const ack = await tamper(edit)
      expect(ack.undone).toMatch(/^The server put back part of a change from this laptop/)
      expect(ack.refused).toBeUndefined()
    }
    client.ws.close()

    // Every laptop, and one joining now, holds the team as it was, and the team document still syncs.
    const fresh = await team.join(JO)
    for (const laptop of [manager, caseworker, fresh]) {
      await laptop.sync.syncOnce()
      await laptop.sync.syncOnce()
      expect(holdings(laptop)).toEqual(expected)
    }
    expect(manager.workspace.team.members()).toEqual([...peopleBefore, JO].sort((a, b) => a.name.localeCompare(b.name)))
    const later = await manager.workspace.cases.create(referral({ clientName: 'Aoife Byrne', chainNumber: '777000', dateOfBirth: '1991-04-04' }))
    await manager.sync.syncOnce()
    await fresh.sync.syncOnce()
    expect(fresh.workspace.cases.list().map((entry) => entry.id)).toContain(later)
    // And after a restart the server still knows every document of the team.
    await team.restartServer()
    const afterRestart = await team.join({ id: 'member-sam', name: 'Sam Reed', role: 'caseworker' })
    await afterRestart.sync.syncOnce()
    expect(holdings(afterRestart).listedCases).toEqual([...expected.listedCases, later].sort())
  })

  it('refuses a joining laptop’s person id that cannot be a key, a look-alike name, and a code’s name taken since it was made', async () => {
    team = await TestTeam.start()
    const manager = await team.create()
    await manager.sync.syncOnce()
    const join = (code: string, you: { id: string; name: string }) =>
      fetch(`${team!.server.url}/api/join`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ joinCode: code, deviceName: 'Laptop', you }) })

    const code = await team.joinCode()
    const proto = await join(code, { id: '__proto__', name: 'Proto Person' })
    expect(proto.status).toBe(400)
    for (const lookAlike of [
      'Derek Hall\u200b',
      'D\u0435rek Hall',
      'Ｄｅｒｅｋ Ｈａｌｌ',
      'Der\u034Fek Hall',
      'Derek\uFE0F Hall',
      'Derek\u3164Hall',
      'Derek Hall\u2800',
      'Derek Ha\u180Bll',
      'Derek \u041D\u0430\u04CF\u04CF',
    ]) {
      const answer = await join(code, { id: 'someone-else', name: lookAlike })
      expect(answer.status).toBe(409)
    }
    // None of these used the code up.
    expect((await join(code, { id: 'member-jo', name: 'Jo Price' })).status).toBe(200)

    // A code for a new person by name, then someone with a code for anyone names themselves so first.
    const forPriya = await team.joinCode({ for: 'Priya Shah', role: 'manager' })
    expect((await join(await team.joinCode(), { id: 'impostor', name: 'priya shah' })).status).toBe(200)
    const taken = await join(forPriya, { id: 'member-priya', name: 'Priya Shah' })
    expect(taken.status).toBe(409)
    expect(((await taken.json()) as { error: string }).error).toBe('priya shah joined the team after this code was made. Ask the team manager for a new one.')
    await manager.sync.syncOnce()
    expect(manager.workspace.team.members().map((person) => `${person.name}: ${person.role}`)).toEqual(['Derek Hall: manager', 'Jo Price: caseworker', 'priya shah: caseworker'])
  })
})
