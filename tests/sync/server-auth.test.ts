import * as Automerge from '@automerge/automerge'
import { generateAutomergeUrl, parseAutomergeUrl } from '@automerge/automerge-repo'
import { afterEach, describe, expect, it } from 'vitest'
import { encodeMessage } from '../../src/node/sync-codec'
import { CLOSE_CODES, SYNC_PROTOCOL, type ServerMessage } from '../../src/shared/sync/protocol'
import { AMINA, referral } from '../support/people'
import { rawClient } from '../support/raw-sync'
import { eventually, TestTeam } from '../support/sync-team'

const chunkIds = (messages: ServerMessage[]) => messages.flatMap((message) => (message.type === 'chunks' ? message.chunks.map((chunk) => chunk.documentId) : []))

describe('the sync server lets in only the team’s devices, and serves only the team’s documents', () => {
  let team: TestTeam | undefined
  afterEach(async () => {
    await team?.cleanup()
    team = undefined
  })

  it('refuses a connection with no credential, a wrong one, or a revoked one, with the reason', async () => {
    team = await TestTeam.start()
    const manager = await team.create()
    await manager.workspace.cases.create(referral())
    await manager.sync.syncOnce()
    const caseworker = await team.join(AMINA)
    const { credential, deviceId } = caseworker.workspace.membership.get()!

    for (const wrong of [undefined, 'not-a-credential', `${deviceId}.${'0'.repeat(43)}`]) {
      const client = rawClient(team.server.url, wrong)
      expect(await client.opened).toBe(false)
      await client.closed
      expect(client.refusal()).toEqual({ status: 401, body: 'This laptop is not (or no longer) a device of the team.' })
      expect(chunkIds(client.messages)).toEqual([])
    }
    const devicesWithout = await fetch(`${team.server.url}/api/devices`)
    expect(devicesWithout.status).toBe(401)

    // Revoked while connected: closed with the reason, and refused from then on (the laptop, then
    // told so with the server's proof, deletes the team's data: tests/sync/lost-laptop.test.ts).
    caseworker.sync.start()
    await eventually(() => caseworker.sync.status().state === 'connected')
    const reasons: (string | undefined)[] = []
    caseworker.sync.onStatus((status) => reasons.push(status.reason))
    const revoke = await fetch(`${team.server.url}/api/devices/${deviceId}/revoke`, { method: 'POST', headers: { Authorization: `Bearer ${manager.workspace.membership.get()!.credential}` } })
    expect(revoke.status).toBe(200)
    await eventually(() => caseworker.sync.status().takenOffTeam !== undefined)
    expect(reasons).toContain('This laptop was removed from the team.')
    const afterwards = rawClient(team.server.url, credential)
    expect(await afterwards.opened).toBe(false)
    await afterwards.closed
    expect(afterwards.refusal().status).toBe(401)
  })

  it('tells a caller without a credential only that it is up, and the team’s devices more', async () => {
    team = await TestTeam.start()
    const manager = await team.create()
    const health = async (authorization?: string) => (await fetch(`${team!.server.url}/health`, authorization ? { headers: { Authorization: authorization } } : {})).json()
    expect(await health()).toEqual({ ok: true })
    expect(await health('Bearer not-a-credential')).toEqual({ ok: true })
    expect(await health(`Bearer ${manager.workspace.membership.get()!.credential}`)).toEqual({ ok: true, team: 'Safe Connections North', connected: 0 })
  })

  it('never sends a document the team document does not list, whoever uploads it', async () => {
    team = await TestTeam.start()
    const manager = await team.create()
    await manager.sync.syncOnce()
    const caseworker = await team.join(AMINA)
    await caseworker.sync.syncOnce()
    const listener = rawClient(team.server.url, manager.workspace.membership.get()!.credential)
    expect(await listener.opened).toBe(true)
    listener.ws.send(encodeMessage({ type: 'hello', protocol: SYNC_PROTOCOL, since: 0 }))
    await eventually(() => listener.messages.some((message) => message.type === 'caught-up'))

    // A device uploads a document under an id of its choosing: stored, acknowledged, sent to no one.
    const uploader = rawClient(team.server.url, caseworker.workspace.membership.get()!.credential)
    expect(await uploader.opened).toBe(true)
    const stray = parseAutomergeUrl(generateAutomergeUrl()).documentId
    uploader.ws.send(encodeMessage({ type: 'hello', protocol: SYNC_PROTOCOL, since: 0 }))
    uploader.ws.send(encodeMessage({ type: 'upload', ref: 1, documentId: stray, data: Automerge.save(Automerge.from({ secret: 'not the team’s' })) }))
    await eventually(() => uploader.messages.some((message) => message.type === 'ack' && message.ref === 1))
    await new Promise((resolve) => setTimeout(resolve, 200))
    expect(chunkIds(listener.messages)).not.toContain(stray)

    const newcomer = rawClient(team.server.url, manager.workspace.membership.get()!.credential)
    expect(await newcomer.opened).toBe(true)
    newcomer.ws.send(encodeMessage({ type: 'hello', protocol: SYNC_PROTOCOL, since: 0 }))
    await eventually(() => newcomer.messages.some((message) => message.type === 'caught-up'))
    expect(chunkIds(newcomer.messages)).not.toContain(stray)
    expect(chunkIds(newcomer.messages)).toContain(manager.workspace.teamDocumentId)
    for (const client of [listener, uploader, newcomer]) client.ws.close()
  })

  it('closes a connection that sends a malformed or oversized message, and goes on serving the others', async () => {
    team = await TestTeam.start()
    const manager = await team.create()
    const caseId = await manager.workspace.cases.create(referral())
    const caseworker = await team.join(AMINA)
    await manager.sync.syncOnce()
    caseworker.sync.start()
    await eventually(() => caseworker.workspace.cases.list().length === 1)

    const credential = manager.workspace.membership.get()!.credential
    const garbled = rawClient(team.server.url, credential)
    expect(await garbled.opened).toBe(true)
    garbled.ws.send(Buffer.from('this is not a message'))
    expect((await garbled.closed).code).toBe(CLOSE_CODES.malformed)

    const wrongShape = rawClient(team.server.url, credential)
    expect(await wrongShape.opened).toBe(true)
    wrongShape.ws.send(encodeMessage({ type: 'upload', ref: -1, documentId: '../../etc/passwd', data: new Uint8Array(1) } as never))
    expect((await wrongShape.closed).code).toBe(CLOSE_CODES.malformed)

    const oversized = rawClient(team.server.url, credential)
    expect(await oversized.opened).toBe(true)
    oversized.ws.send(new Uint8Array(33 * 1024 * 1024))
    expect((await oversized.closed).code).toBe(1009)

    // An upload before the hello: refused whole, the connection closed (hello first is the protocol).
    const hasty = rawClient(team.server.url, credential)
    expect(await hasty.opened).toBe(true)
    const before = await manager.workspace.cases.open(caseId)
    const hastyChange = Automerge.change(Automerge.clone(before.doc()), (doc) => void ((doc as unknown as { updatedAt: string }).updatedAt = '2030-01-01T00:00:00.000Z'))
    hasty.ws.send(encodeMessage({ type: 'upload', ref: 3, documentId: caseId, data: Automerge.getLastLocalChange(hastyChange)! }))
    expect(await hasty.closed).toEqual({ code: CLOSE_CODES.malformed, reason: 'A laptop says hello before it sends anything else.' })
    expect(hasty.messages).toEqual([])

    const garbage = rawClient(team.server.url, credential)
    expect(await garbage.opened).toBe(true)
    garbage.ws.send(encodeMessage({ type: 'hello', protocol: SYNC_PROTOCOL, since: 0 }))
    garbage.ws.send(encodeMessage({ type: 'upload', ref: 7, documentId: caseId, data: new Uint8Array([1, 2, 3, 4]) }))
    await eventually(() => garbage.messages.some((message) => message.type === 'ack' && message.ref === 7))
    expect(garbage.messages.find((message) => message.type === 'ack')).toMatchObject({ refused: 'not an Automerge document' })
    garbage.ws.close()

    await manager.workspace.cases.addNote(caseId, { date: '2026-11-23', type: 'phone', text: 'Still here after the bad messages.' })
    await manager.sync.syncOnce()
    await eventually(async () => (await caseworker.workspace.cases.read(caseId)).notes.length === 1)
    expect((await caseworker.workspace.cases.read(caseId)).updatedAt).not.toBe('2030-01-01T00:00:00.000Z')
  })
})
