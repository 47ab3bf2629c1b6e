import { randomBytes } from 'node:crypto'
import * as Automerge from '@automerge/automerge'
import { afterEach, describe, expect, it } from 'vitest'
import { compactDocument } from '../../src/server/compaction'
import { ServerStore } from '../../src/server/store'
import { startSyncServer, type SyncServer } from '../../src/server/sync-server'
import type { ServerMessage } from '../../src/shared/sync/protocol'
import { TEST_SERVER_KEY } from '../support/passphrase'
import { createTeamOver, newDocumentId, rawClient } from '../support/raw-sync'
import { eventually } from '../support/sync-team'
import { tempDir } from '../support/temp-dir'

const MB = 1024 * 1024
/** Scanned documents of 1 MB (random: nothing compresses them) numbered before the case: its own chunks come last in the catch-up. */
const SCANS = 24

type Notes = { notes: string[] }

/**
 * A live edit goes to a laptop still catching up before the rest of its catch-up. The server
 * compacts a document into a chunk that takes the newest number it folds: when that is the live
 * edit already sent, the case's older chunks the catch-up had still to send are folded into a chunk
 * the laptop has had. It must still end up with every change.
 */
describe('a case compacted while a laptop catches up', () => {
  const dir = tempDir('compaction-during-catch-up')
  let server: SyncServer | undefined
  afterEach(async () => {
    await server?.close()
    dir.remove()
  })

  it('reaches the laptop whole though it was compacted into the live edit sent to it first, before the catch-up came to its older chunks', async () => {
    // No compaction of the server's own: the test compacts the case at the moment it chooses.
    server = await startSyncServer({ dataDir: dir.path, port: 0, key: TEST_SERVER_KEY, compactAt: 0 })
    const teamDocumentId = newDocumentId()
    const credential = await createTeamOver(server.url, server.setupCode!, teamDocumentId)
    const scans = Array.from({ length: SCANS }, newDocumentId)
    const caseId = newDocumentId()

    const office = rawClient(server.url, credential)
    expect(await office.opened).toBe(true)
    office.hello()
    await office.upload(teamDocumentId, Automerge.save(Automerge.from({ cases: Object.fromEntries([...scans, caseId].map((id) => [id, {}])) })))
    for (const id of scans) await office.upload(id, Automerge.save(Automerge.from({ scan: new Uint8Array(randomBytes(MB)) })))
    let doc = Automerge.from<Notes>({ notes: [] })
    await office.upload(caseId, Automerge.save(doc))
    for (let i = 0; i < 10; i++) {
      doc = Automerge.change(doc, (d) => void d.notes.push(`note ${i}`))
      await office.upload(caseId, Automerge.getLastLocalChange(doc)!)
    }

    // A laptop starts catching up and reads nothing for now; someone edits the case meanwhile.
    const laptop = rawClient(server.url, credential)
    expect(await laptop.opened).toBe(true)
    laptop.hello()
    await eventually(() => laptop.messages.some((message) => message.type === 'welcome'), 10_000, 'the welcome')
    laptop.ws.pause()
    doc = Automerge.change(doc, (d) => void d.notes.push('typed just now'))
    const live = await office.upload(caseId, Automerge.getLastLocalChange(doc)!)
    const ofCase = () => laptop.messages.flatMap((message) => (message.type === 'chunks' ? message.chunks.filter((chunk) => chunk.documentId === caseId) : []))
    // It reads until the live edit has come (ahead of the case's older chunks), then stops again.
    let stopped = false
    laptop.ws.on('message', () => {
      if (!stopped && ofCase().some((chunk) => chunk.seq === live.seq)) {
        stopped = true
        laptop.ws.pause()
      }
    })
    laptop.ws.resume()
    await eventually(() => stopped, 30_000, 'the live edit')
    expect(ofCase().map((chunk) => chunk.seq)).toEqual([live.seq])

    // The case is compacted now (as the server's start-up pass or an upload would): into the live edit's number.
    const other = ServerStore.open(dir.path, new Date(), TEST_SERVER_KEY)
    expect(compactDocument(other, caseId, new Date())).toMatchObject({ compacted: true, chunks: 12 })
    expect(other.seqsOf(caseId)).toEqual([live.seq])
    other.close()

    laptop.ws.resume()
    await eventually(() => laptop.messages.some((message) => message.type === 'caught-up'), 60_000, 'the catch-up to finish')
    const caughtUp = laptop.messages.find((message): message is Extract<ServerMessage, { type: 'caught-up' }> => message.type === 'caught-up')!
    let held = Automerge.init<Notes>()
    for (const chunk of ofCase()) held = Automerge.loadIncremental(held, chunk.data)
    expect(Automerge.getMissingDeps(held, [])).toEqual([])
    expect(held.notes).toEqual(doc.notes)
    // Sent before `caught-up`: a laptop told it has everything has it.
    const caughtUpAt = laptop.messages.indexOf(caughtUp)
    expect(laptop.messages.slice(caughtUpAt).some((message) => message.type === 'chunks' && message.chunks.some((chunk) => chunk.documentId === caseId))).toBe(false)
    for (const client of [office, laptop]) client.ws.terminate()
  }, 120_000)
})
