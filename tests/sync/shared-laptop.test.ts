import { randomUUID } from 'node:crypto'
import * as Automerge from '@automerge/automerge'
import { afterEach, describe, expect, it } from 'vitest'
import { addLaptopPerson } from '../../src/main/core/sync/team-setup'
import { serverApi } from '../../src/main/core/sync/server-api'
import type { AuditEntry } from '../../src/shared/audit/audit-entry'
import type { DocumentId } from '@automerge/automerge-repo'
import { authoredBy } from '../../src/shared/authorship'
import * as change from '../../src/shared/case/changes'
import type { CaseDoc } from '../../src/shared/case/record'
import { AMINA, DEREK, JO, referral } from '../support/people'
import { rawClient } from '../support/raw-sync'
import { chunksOnDisk, eventually, type Laptop, syncAll, TestTeam } from '../support/sync-team'



/** Laptops' credentials, kept to connect as them after they are closed. */
const credentials = new WeakMap<Laptop, string>()

/** The documents a raw client with a laptop's credential is sent catching up from the start. */
async function catchUp(team: TestTeam, laptop: Laptop): Promise<Set<string>> {
  const client = rawClient(team.server.url, credentials.get(laptop) ?? laptop.workspace.membership.get()!.credential)
  await client.opened
  client.hello()
  await eventually(() => client.messages.some((message) => message.type === 'caught-up'), 10_000, 'catching up')
  client.ws.close()
  return client.documents()
}

const ref = (person: { id: string; name: string }) => ({ id: person.id, name: person.name })

describe('several people share one laptop, each attested as themselves by the server', () => {
  let team: TestTeam | undefined
  afterEach(async () => {
    await team?.cleanup()
    team = undefined
  })

  /** The manager's laptop, and Amina's, to which Jo is added with a join code made for Jo. */
  async function aminaAndJoShareALaptop() {
    team = await TestTeam.start()
    const manager = await team.create(DEREK)
    const caseId = await manager.workspace.cases.create(referral())
    await manager.sync.syncOnce()
    const shared = await team.join(AMINA)
    await shared.sync.syncOnce()
    const code = await team.joinCode({ for: JO.name, role: JO.role })
    const jo = await addLaptopPerson(shared.workspace, { code })
    return { team, manager, shared, caseId, jo, code }
  }

  const credentialOf = (laptop: Laptop) => laptop.workspace.membership.get()!

  it('adds Jo with a code made for Jo: the laptop’s people and the server’s record of the device both name her; the code is used up; a manager can take her off', async () => {
    const { team, manager, shared, jo, code } = await aminaAndJoShareALaptop()
    expect(jo).toEqual({ ...JO, id: expect.any(String) })
    expect(shared.workspace.session.people().map((person) => person.name)).toEqual([AMINA.name, JO.name])
    // She has no PIN yet: she chooses it at her first sign-in.
    expect(shared.workspace.session.hasPin(jo.id)).toBe(false)
    await shared.workspace.session.setFirstPin(jo.id, '482913')
    expect(shared.workspace.session.person()).toMatchObject({ name: JO.name })
    const { server, credential, deviceId } = credentialOf(manager)
    const device = (await serverApi.devices(server, credential)).find((candidate) => candidate.id === credentialOf(shared).deviceId)!
    expect(device.person).toMatchObject({ name: AMINA.name })
    expect(device.people.map((person) => person.name)).toEqual([JO.name])
    // A code lets one person in, once.
    await expect(addLaptopPerson(shared.workspace, { code })).rejects.toThrow(/has been used/)
    // A caseworker's laptop cannot take anyone off a device.
    await expect(serverApi.removeDevicePerson(credentialOf(shared).server, credentialOf(shared).credential, device.id, jo.id)).rejects.toThrow(/Only a team manager/)
    await serverApi.removeDevicePerson(server, credential, device.id, jo.id)
    expect((await serverApi.devices(server, credential)).find((candidate) => candidate.id === device.id)!.people).toEqual([])
    // The device's own person is not taken off this way (the manager revokes the laptop).
    await expect(serverApi.removeDevicePerson(server, credential, deviceId, DEREK.id)).rejects.toThrow(/revoking/)
    expect(team.laptops).toHaveLength(2)
  })

  it('makes a manager’s and a lead caseworker’s server calls as the person signed in on a shared laptop, if one of its people', async () => {
    team = await TestTeam.start()
    const manager = await team.create(DEREK)
    const caseId = await manager.workspace.cases.create(referral())
    await manager.sync.syncOnce()
    const shared = await team.join(AMINA)
    await shared.sync.syncOnce()
    // A second manager shares Amina's laptop.
    const priya = await addLaptopPerson(shared.workspace, { code: await team.joinCode({ for: 'Priya Shah', role: 'manager' }) })
    const { server, credential } = credentialOf(shared)
    await expect(serverApi.newJoinCode(server, credential, {}, AMINA.id)).rejects.toThrow(/Only a team manager/)
    await expect(serverApi.newJoinCode(server, credential, {}, priya.id)).resolves.toMatchObject({ role: 'caseworker' })
    // Naming a manager who does not use the laptop is refused, not taken as the laptop's own person.
    await expect(serverApi.newJoinCode(server, credential, {}, DEREK.id)).rejects.toThrow(/does not use this laptop/)
    // Signed in as Priya, the laptop restricts as her: the server checked her role, and its audit names her.
    shared.workspace.session.actAs('Priya Shah')
    await expect(shared.workspace.restrictedCases.restrict(caseId, [])).resolves.toEqual({ to: [priya.id] })
    await manager.sync.syncOnce()
    await manager.workspace.audit.settled()
    expect(manager.workspace.audit.ofCase(caseId).filter((entry) => entry.action === 'restricted').map((entry) => entry.who)).toEqual(['Priya Shah'])
  })

  it('attests Jo’s change and Jo’s view as Jo’s on the manager’s laptop, not as the laptop’s first person’s', async () => {
    const { manager, shared, caseId } = await aminaAndJoShareALaptop()
    shared.workspace.session.actAs(JO.name)
    await shared.workspace.cases.change(caseId, (doc, context) =>
      change.addNote(doc, { date: '2026-11-20', type: 'face-to-face', text: 'Met at the day centre.' }, { ...context, id: randomUUID() }),
    )
    shared.workspace.audit.windowAsked(caseId)
    await shared.sync.syncOnce()
    await shared.workspace.audit.settled()
    await manager.sync.syncOnce()
    await manager.workspace.audit.settled()
    const { changes } = await manager.workspace.cases.changes(caseId)
    const newest = changes.find((entry) => entry.declaredAuthor?.id === JO.id || entry.attestedBy?.name === JO.name)
    expect(newest).toMatchObject({ declaredAuthor: { name: JO.name }, attestedBy: { name: JO.name }, mismatch: false, attestation: 'server' })
    const views = manager.workspace.audit.ofCase(caseId).filter((entry) => entry.action === 'viewed')
    expect(views).toEqual([expect.objectContaining({ who: JO.name, caseId, device: credentialOf(shared).deviceName, forged: false })])
  })

  it('does not attest a person who is not among the device’s people: a raw client’s upload and audit entry naming the manager are Amina’s, shown forged', async () => {
    const { team, manager, shared, caseId, jo } = await aminaAndJoShareALaptop()
    const { credential } = credentialOf(shared)
    // The audit: an entry naming the manager, sent from Amina and Jo's laptop.
    const forged: AuditEntry = { id: randomUUID(), caseId, action: 'viewed', detail: '', personId: DEREK.id, personName: DEREK.name, at: new Date().toISOString() }
    const sent = await fetch(`${team.server.url}/api/audit`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${credential}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({ entries: [forged] }),
    })
    expect(sent.status).toBe(200)
    await manager.sync.syncOnce()
    await manager.workspace.audit.settled()
    expect(manager.workspace.audit.ofCase(caseId).find((entry) => entry.id === forged.id)).toMatchObject({ who: DEREK.name, forged: true })
    // A change to the case declared as the manager's, its upload naming the manager: the server
    // attests the device's own person, as for any laptop; one naming Jo is attested as Jo's.
    await shared.workspace.cases.read(caseId)
    const copy = () => Automerge.clone(shared.workspace.repo.handles[caseId as DocumentId]!.doc() as Automerge.Doc<CaseDoc>)
    const asDerek = Automerge.change(copy(), authoredBy(ref(DEREK)), (doc) =>
      change.updateSection(doc, 'referral', { referrerName: 'Written as Derek' }, { author: ref(DEREK), role: 'manager', now: new Date(), today: '2026-11-29' }),
    )
    const asJo = Automerge.change(copy(), authoredBy(ref(jo)), (doc) =>
      change.updateSection(doc, 'referral', { referrerName: 'Written by Jo' }, { author: ref(jo), role: 'caseworker', now: new Date(), today: '2026-11-29' }),
    )
    const client = rawClient(team.server.url, credential)
    expect(await client.opened).toBe(true)
    client.hello()
    client.send({ type: 'upload', ref: 41, documentId: caseId, data: Automerge.getLastLocalChange(asDerek)!, by: DEREK.id })
    client.send({ type: 'upload', ref: 42, documentId: caseId, data: Automerge.getLastLocalChange(asJo)!, by: jo.id })
    await client.acked(41)
    await client.acked(42)
    client.ws.close()
    await manager.sync.syncOnce()
    const { changes } = await manager.workspace.cases.changes(caseId)
    expect(changes.find((entry) => entry.hash === Automerge.getHeads(asDerek)[0])).toMatchObject({ declaredAuthor: ref(DEREK), attestedBy: ref(AMINA), mismatch: true })
    expect(changes.find((entry) => entry.hash === Automerge.getHeads(asJo)[0])).toMatchObject({ declaredAuthor: ref(jo), attestedBy: ref(jo), mismatch: false, attestation: 'server' })
  })

  it('holds a restricted case on a shared laptop only if every one of its people may: a case restricted to Amina leaves her laptop when Jo is added to it, and never reaches it while Jo shares it', async () => {
    team = await TestTeam.start()
    const manager = await team.create(DEREK)
    const caseId = await manager.workspace.cases.create(referral({ clientName: 'Zofia Wiśniewska', chainNumber: '918273' }))
    await manager.sync.syncOnce()
    const shared = await team.join(AMINA)
    const other = await team.join({ id: 'member-sam', name: 'Sam Reed', role: 'caseworker' })
    await syncAll(shared, other)
    const { server, credential } = credentialOf(manager)
    const { deviceId } = credentialOf(shared)
    credentials.set(shared, credentialOf(shared).credential)
    await serverApi.restrict(server, credential, { caseId, to: [AMINA.id] })
    await syncAll(shared, other)
    await eventually(() => other.workspace.cases.list().length === 0, 10_000, 'Sam’s laptop to let the case go')
    // Amina alone on her laptop holds it.
    expect(shared.workspace.cases.list().map((entry) => entry.id)).toEqual([caseId])
    // Jo is added: whoever signs in there would see it, so the laptop deletes its copy.
    const jo = await addLaptopPerson(shared.workspace, { code: await team.joinCode({ for: JO.name, role: JO.role }) })
    await eventually(() => shared.workspace.cases.list().length === 0, 10_000, 'the shared laptop’s list without the case')
    expect(shared.workspace.cases.search('Wiśniewska')).toEqual([])
    // On disk too, not only hidden (read once the laptop has closed its store).
    await team.closeLaptop(shared)
    expect(chunksOnDisk(shared, caseId)).toBe(0)
    // And the server does not send it there (a laptop catching up from the start is not sent it).
    expect(await catchUp(team, shared)).not.toContain(caseId)
    // Restricted to both Amina and Jo: the shared laptop may hold it; Sam's still may not.
    await serverApi.restrict(server, credential, { caseId, to: [AMINA.id, jo.id] })
    expect(await catchUp(team, shared)).toContain(caseId)
    expect(await catchUp(team, other)).not.toContain(caseId)
    // Restricted to Jo alone, and Jo taken off the laptop by the manager: Amina's laptop is not sent it.
    await serverApi.restrict(server, credential, { caseId, to: [jo.id] })
    expect(await catchUp(team, shared)).not.toContain(caseId)
    await serverApi.removeDevicePerson(server, credential, deviceId, jo.id)
    expect(await catchUp(team, shared)).not.toContain(caseId)
  })
})
