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
/** Scanned documents of 1 MB (random: nothing compresses them), sent to the laptop before the case's notes: it reads slowly. */
const SCANS = 24

type Notes = { notes: string[] }

/**
 * The server does not send a laptop's own upload back to it. It compacts a document into a chunk
 * that takes the newest number it folds: when that is the laptop's own upload, and others' notes
 * to the case were still waiting to be sent to it, those notes are folded into that chunk. Found by
 * the seeded three-laptop run (convergence.test.ts) under load: one laptop never had another's notes.
 */
describe('a case compacted into a laptop’s own upload', () => {
  const dir = tempDir('compaction-into-own-upload')
  let server: SyncServer | undefined
  afterEach(async () => {
    await server?.close()
    dir.remove()
  })

  it('still brings the laptop the notes others wrote that were waiting to be sent to it', async () => {
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
    const start = Automerge.from<Notes>({ notes: [] })
    await office.upload(caseId, Automerge.save(start))

    // The laptop has the case, then reads nothing for a while.
    const laptop = rawClient(server.url, credential)
    expect(await laptop.opened).toBe(true)
    laptop.hello()
    await eventually(() => laptop.messages.some((message) => message.type === 'caught-up'), 10_000, 'the catch-up')
    laptop.ws.pause()

    // The office sends scans, then writes notes: they wait behind the scans to be sent to the laptop.
    for (const id of scans) await office.upload(id, Automerge.save(Automerge.from({ scan: new Uint8Array(randomBytes(MB)) })))
    let officeCopy = Automerge.load<Notes>(Automerge.save(start))
    for (let i = 0; i < 10; i++) {
      officeCopy = Automerge.change(officeCopy, (d) => void d.notes.push(`office note ${i}`))
      await office.upload(caseId, Automerge.getLastLocalChange(officeCopy)!)
    }

    // The laptop writes a note of its own, and reads until the server has stored it.
    let own = Automerge.change(Automerge.load<Notes>(Automerge.save(start)), (d) => void d.notes.push('laptop note'))
    laptop.send({ type: 'upload', ref: 1, documentId: caseId, data: Automerge.getLastLocalChange(own)! })
    let stopped = false
    laptop.ws.on('message', () => {
      if (!stopped && laptop.messages.some((message) => message.type === 'ack' && message.ref === 1)) {
        stopped = true
        laptop.ws.pause()
      }
    })
    laptop.ws.resume()
    await eventually(() => stopped, 30_000, 'the ack of the laptop’s note')
    const ack = laptop.messages.find((message): message is Extract<ServerMessage, { type: 'ack' }> => message.type === 'ack' && message.ref === 1)!
    expect(ack.seq).toEqual(expect.any(Number))
    const ofCase = () => laptop.messages.flatMap((message) => (message.type === 'chunks' ? message.chunks.filter((chunk) => chunk.documentId === caseId) : []))
    // The office's notes have not reached it yet: they wait behind the scans.
    expect(ofCase().filter((chunk) => chunk.seq > ack.seq! - 11)).toEqual([])

    // The case is compacted now (as an upload or the server's start-up would): into the laptop's own note's number.
    const other = ServerStore.open(dir.path, new Date(), TEST_SERVER_KEY)
    expect(compactDocument(other, caseId, new Date())).toMatchObject({ compacted: true, chunks: 12 })
    expect(other.seqsOf(caseId)).toEqual([ack.seq])
    other.close()

    // One more note from the office: once it has come, everything before it has.
    officeCopy = Automerge.change(officeCopy, (d) => void d.notes.push('office note last'))
    const last = await office.upload(caseId, Automerge.getLastLocalChange(officeCopy)!)
    laptop.ws.resume()
    await eventually(() => ofCase().some((chunk) => chunk.seq === last.seq), 60_000, 'the office’s last note')

    for (const chunk of ofCase()) own = Automerge.loadIncremental(own, chunk.data)
    expect(Automerge.getMissingDeps(own, [])).toEqual([])
    expect([...own.notes].sort()).toEqual([...Array.from({ length: 10 }, (_, i) => `office note ${i}`), 'laptop note', 'office note last'].sort())
    for (const client of [office, laptop]) client.ws.terminate()
  }, 120_000)
})
