import { randomBytes } from 'node:crypto'
import { join } from 'node:path'
import * as Automerge from '@automerge/automerge'
import { afterEach, describe, expect, it } from 'vitest'
import { startSyncServer, type SyncServer } from '../../src/server/sync-server'
import { createTeamWithCode, joinOver, newDocumentId, rawClient } from '../support/raw-sync'
import { eventually, SERVER_FILE, TestTeam } from '../support/sync-team'
import { referral } from '../support/people'
import { tempDir } from '../support/temp-dir'
import { openEncrypted, TEST_SERVER_KEY } from '../support/passphrase'

const KB = 1024
const QUOTA = 300 * KB
const HOUR = 60 * 60 * 1000

/** A document of about `size` bytes that nothing compresses. */
const sized = (size: number) => Automerge.save(Automerge.from({ scan: new Uint8Array(randomBytes(size)) }))

describe('uploads under documents the team does not list', () => {
  const dir = tempDir('server-quota')
  let server: SyncServer | undefined
  let team: TestTeam | undefined
  afterEach(async () => {
    await server?.close()
    server = undefined
    await team?.cleanup()
    team = undefined
    dir.remove()
  })

  const storedChunks = (documentId: string) => storedChunksIn(dir.path, documentId)
  /** How many chunks of a document the server's file holds. */
  const storedChunksIn = (serverDir: string, documentId: string) => {
    const db = openEncrypted(join(serverDir, SERVER_FILE), { readonly: true })
    try {
      return db.prepare('SELECT COUNT(*) FROM chunks WHERE document_id = ?').pluck().get(documentId) as number
    } finally {
      db.close()
    }
  }

  it('are kept up to an allowance per device, refused beyond it with the reason, and dropped a day on if still unlisted', async () => {
    let clock = new Date('2026-11-30T09:00:00Z')
    const options = { dataDir: dir.path, port: 0, now: () => clock, unlistedQuotaBytes: QUOTA, sweepIntervalMs: 50, key: TEST_SERVER_KEY }
    server = await startSyncServer(options)
    const teamDocumentId = newDocumentId()
    const { credential, joinCode } = await createTeamWithCode(server.url, server.setupCode!, teamDocumentId)
    const manager = rawClient(server.url, credential)
    expect(await manager.opened).toBe(true)
    manager.hello()
    let teamDoc = Automerge.from<{ cases: Record<string, object> }>({ cases: {} })
    expect((await manager.upload(teamDocumentId, Automerge.save(teamDoc))).refused).toBeUndefined()

    // A new case, uploaded before the change that lists it: kept, within the allowance.
    const [early, second, third, late] = [newDocumentId(), newDocumentId(), newDocumentId(), newDocumentId()]
    expect(await manager.upload(early, sized(200 * KB))).toMatchObject({ seq: expect.any(Number) })
    const over = await manager.upload(second, sized(200 * KB))
    expect(over.refused).toBe('over this laptop’s 300 KB allowance for documents the team does not list')
    expect(over.later).toBe(true)
    expect(over.seq).toBeUndefined()
    expect(storedChunks(second)).toBe(0)

    // Another device has its own allowance.
    const other = rawClient(server.url, await joinOver(server.url, joinCode))
    expect(await other.opened).toBe(true)
    other.hello()
    expect((await other.upload(second, sized(200 * KB))).refused).toBeUndefined()

    // Once the team document lists the first case, it no longer counts: there is room again.
    teamDoc = Automerge.change(teamDoc, (doc) => (doc.cases[early] = {}))
    expect((await manager.upload(teamDocumentId, Automerge.save(teamDoc))).refused).toBeUndefined()
    expect((await manager.upload(third, sized(200 * KB))).refused).toBeUndefined()
    // A case listed is never over the allowance.
    expect((await manager.upload(early, sized(400 * KB))).refused).toBeUndefined()

    // A day on, what is still unlisted is gone; the listed case and the team document stay.
    clock = new Date(clock.getTime() + 23 * HOUR)
    await new Promise((resolve) => setTimeout(resolve, 200))
    expect(storedChunks(third)).toBe(1)
    expect(storedChunks(second)).toBe(1)
    clock = new Date(clock.getTime() + 2 * HOUR)
    await eventually(() => storedChunks(third) === 0 && storedChunks(second) === 0, 5000, 'the unlisted uploads to be dropped')
    expect(storedChunks(early)).toBe(2)
    expect(storedChunks(teamDocumentId)).toBe(2)

    // Dropped on start too; and a laptop whose last upload was dropped is not taken for one that
    // saw a server since restored from a backup.
    const lastAck = await manager.upload(late, sized(10 * KB))
    for (const client of [manager, other]) client.ws.close()
    await server.close()
    clock = new Date(clock.getTime() + 25 * HOUR)
    server = await startSyncServer({ ...options, port: 0, sweepIntervalMs: HOUR })
    expect(storedChunks(late)).toBe(0)
    const back = rawClient(server.url, credential)
    expect(await back.opened).toBe(true)
    back.send({ type: 'hello', protocol: 1, since: lastAck.seq!, sinceMark: lastAck.mark, seen: lastAck.seq!, seenMark: lastAck.mark })
    await eventually(() => back.messages.some((message) => message.type === 'welcome'))
    expect(back.messages.find((message) => message.type === 'welcome')).not.toHaveProperty('restored')
    back.ws.close()
  })

  it('refused for now, waits on the laptop: sent again once listed, and never sent round and round', async () => {
    team = await TestTeam.start({ unlistedQuotaBytes: 1 })
    const manager = await team.create()
    // A new case's document goes up before the team document's change that lists it: refused for
    // now, then sent again once that change has gone through.
    const caseId = await manager.workspace.cases.create(referral())
    await manager.sync.syncOnce()
    expect(storedChunksIn(team.serverDir, caseId)).toBeGreaterThan(0)
    expect(manager.sync.status().pending).toBe(0)

    // An upload under a document the team never lists: refused each time; the sync still finishes,
    // and the laptop keeps it to offer on its next connection.
    const stray = newDocumentId()
    manager.workspace.membership.outbox.record(stray, sized(KB))
    await manager.sync.syncOnce()
    expect(manager.sync.status().pending).toBe(1)
    await manager.sync.syncOnce()
    expect(manager.sync.status().pending).toBe(1)
    expect(storedChunksIn(team.serverDir, stray)).toBe(0)
    expect(manager.workspace.cases.list().map((entry) => entry.id)).toEqual([caseId])
  })
})
