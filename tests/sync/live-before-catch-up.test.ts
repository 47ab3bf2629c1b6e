import { randomBytes } from 'node:crypto'
import * as Automerge from '@automerge/automerge'
import { afterEach, describe, expect, it } from 'vitest'
import { startSyncServer, type SyncServer } from '../../src/server/sync-server'
import type { ServerMessage } from '../../src/shared/sync/protocol'
import { TEST_SERVER_KEY } from '../support/passphrase'
import { createTeamOver, newDocumentId, rawClient } from '../support/raw-sync'
import { eventually } from '../support/sync-team'
import { tempDir } from '../support/temp-dir'

const MB = 1024 * 1024
/**
 * Documents of 1 MB (random bytes: nothing compresses them) in the store: far more than a
 * connection that is not read can hold in flight (4 MB and a batch of 4 MB, and the sockets'
 * buffers), so the laptop's catch-up cannot finish while it is paused.
 */
const STORED = 24

describe('a live edit and a laptop catching up', () => {
  const dir = tempDir('live-before-catch-up')
  let server: SyncServer | undefined
  afterEach(async () => {
    await server?.close()
    dir.remove()
  })

  it('sends a live edit to a laptop still catching up before the rest of its catch-up, once, and the catch-up still completes', async () => {
    server = await startSyncServer({ dataDir: dir.path, port: 0, key: TEST_SERVER_KEY })
    const teamDocumentId = newDocumentId()
    const credential = await createTeamOver(server.url, server.setupCode!, teamDocumentId)
    const caseIds = Array.from({ length: STORED }, newDocumentId)
    const scan = Automerge.save(Automerge.from({ scan: new Uint8Array(randomBytes(MB)) }))

    const office = rawClient(server.url, credential)
    expect(await office.opened).toBe(true)
    office.hello()
    await office.upload(teamDocumentId, Automerge.save(Automerge.from({ cases: Object.fromEntries(caseIds.map((id) => [id, {}])) })))
    for (const id of caseIds) await office.upload(id, scan)

    // A laptop joins and starts catching up; it stops reading once the server has begun.
    const joining = rawClient(server.url, credential)
    expect(await joining.opened).toBe(true)
    joining.hello()
    await eventually(() => joining.messages.some((message) => message.type === 'welcome'), 10_000, 'the welcome')
    joining.ws.pause()
    // Someone edits a case meanwhile: stored (acknowledged), so passed on to every other laptop.
    const edit = await office.upload(caseIds[0]!, Automerge.save(Automerge.from({ note: 'typed just now' })))
    expect(edit.seq).toBeDefined()

    joining.ws.resume()
    await eventually(() => joining.messages.some((message) => message.type === 'caught-up'), 30_000, 'the catch-up to finish')

    const chunkMessages = joining.messages.filter((message): message is Extract<ServerMessage, { type: 'chunks' }> => message.type === 'chunks')
    const carrying = chunkMessages.filter((message) => message.chunks.some((chunk) => chunk.seq === edit.seq))
    // Sent once, before the catch-up's last chunks: it did not wait behind them.
    expect(carrying).toHaveLength(1)
    const live = chunkMessages.indexOf(carrying[0]!)
    const lastOfCatchUp = chunkMessages.findLastIndex((message) => message.chunks.some((chunk) => chunk.seq !== edit.seq))
    expect(live).toBeLessThan(lastOfCatchUp)
    // Without `upTo`: the laptop does not yet have everything before it, and must not say it has.
    expect(carrying[0]!.upTo).toBeUndefined()
    // The catch-up itself is whole, and says the laptop has everything up to where it began.
    expect(joining.documents()).toEqual(new Set([teamDocumentId, ...caseIds]))
    const caughtUp = joining.messages.find((message) => message.type === 'caught-up')!
    expect(caughtUp.seq).toBe(edit.seq! - 1)
    for (const client of [office, joining]) client.ws.terminate()
  }, 60_000)
})
