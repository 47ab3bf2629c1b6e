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
/** Scanned documents of 1 MB (random: nothing compresses them): a laptop reading slowly has them to read before the case. */
const SCANS = 24

type Notes = { notes: string[] }
type Client = ReturnType<typeof rawClient>

/**
 * The server compacts a document into a chunk that takes the newest number it folds. Chunks of a
 * case still waiting to be sent to a laptop are folded too: the laptop must be sent the compacted
 * chunk, even where its number is one it was sent already, or will never be sent.
 */
describe('a case compacted while its chunks wait to be sent to a laptop', () => {
  const dir = tempDir('compaction-while-sending')
  let server: SyncServer | undefined
  afterEach(async () => {
    await server?.close()
    dir.remove()
  })

  /** A team listing the scans and a case; the office's laptop connected. The server never compacts of its own: each test compacts the case when it chooses. */
  async function team(): Promise<{ credential: string; scans: string[]; caseId: string; office: Client }> {
    server = await startSyncServer({ dataDir: dir.path, port: 0, key: TEST_SERVER_KEY, compactAt: 0 })
    const teamDocumentId = newDocumentId()
    const credential = await createTeamOver(server.url, server.setupCode!, teamDocumentId)
    const scans = Array.from({ length: SCANS }, newDocumentId)
    const caseId = newDocumentId()
    const office = rawClient(server.url, credential)
    expect(await office.opened).toBe(true)
    office.hello()
    await office.upload(teamDocumentId, Automerge.save(Automerge.from({ cases: Object.fromEntries([...scans, caseId].map((id) => [id, {}])) })))
    return { credential, scans, caseId, office }
  }

  const uploadScans = async (office: Client, scans: string[]) => {
    for (const id of scans) await office.upload(id, Automerge.save(Automerge.from({ scan: new Uint8Array(randomBytes(MB)) })))
  }

  /** Lets a paused laptop read until `until` holds, then pauses it again. */
  async function readUntil(laptop: Client, until: () => boolean, what: string): Promise<void> {
    let stopped = false
    laptop.ws.on('message', () => {
      if (!stopped && until()) {
        stopped = true
        laptop.ws.pause()
      }
    })
    laptop.ws.resume()
    await eventually(() => stopped, 30_000, what)
  }

  /** Compacts the case now (as an upload or the server's start-up would), and says what number the compacted chunk took. */
  function compactNow(caseId: string, chunks: number): number[] {
    const other = ServerStore.open(dir.path, new Date(), TEST_SERVER_KEY)
    try {
      expect(compactDocument(other, caseId, new Date())).toMatchObject({ compacted: true, chunks })
      return other.seqsOf(caseId)
    } finally {
      other.close()
    }
  }

  const ofCase = (laptop: Client, caseId: string) => laptop.messages.flatMap((message) => (message.type === 'chunks' ? message.chunks.filter((chunk) => chunk.documentId === caseId) : []))

  it('reaches a laptop catching up whole, though it was compacted into the live edit sent to it first, before the catch-up came to its older chunks', async () => {
    const { credential, scans, caseId, office } = await team()
    // The scans numbered before the case: its own chunks come last in the catch-up.
    await uploadScans(office, scans)
    let doc = Automerge.from<Notes>({ notes: [] })
    await office.upload(caseId, Automerge.save(doc))
    for (let i = 0; i < 10; i++) {
      doc = Automerge.change(doc, (d) => void d.notes.push(`note ${i}`))
      await office.upload(caseId, Automerge.getLastLocalChange(doc)!)
    }

    // A laptop starts catching up and reads nothing for now; someone edits the case meanwhile.
    const laptop = rawClient(server!.url, credential)
    expect(await laptop.opened).toBe(true)
    laptop.hello()
    await eventually(() => laptop.messages.some((message) => message.type === 'welcome'), 10_000, 'the welcome')
    laptop.ws.pause()
    doc = Automerge.change(doc, (d) => void d.notes.push('typed just now'))
    const live = await office.upload(caseId, Automerge.getLastLocalChange(doc)!)
    // It reads until the live edit has come (ahead of the case's older chunks).
    await readUntil(laptop, () => ofCase(laptop, caseId).some((chunk) => chunk.seq === live.seq), 'the live edit')
    expect(ofCase(laptop, caseId).map((chunk) => chunk.seq)).toEqual([live.seq])

    expect(compactNow(caseId, 12)).toEqual([live.seq])

    laptop.ws.resume()
    await eventually(() => laptop.messages.some((message) => message.type === 'caught-up'), 60_000, 'the catch-up to finish')
    const caughtUp = laptop.messages.find((message): message is Extract<ServerMessage, { type: 'caught-up' }> => message.type === 'caught-up')!
    let held = Automerge.init<Notes>()
    for (const chunk of ofCase(laptop, caseId)) held = Automerge.loadIncremental(held, chunk.data)
    expect(Automerge.getMissingDeps(held, [])).toEqual([])
    expect(held.notes).toEqual(doc.notes)
    // Sent before `caught-up`: a laptop told it has everything has it.
    const caughtUpAt = laptop.messages.indexOf(caughtUp)
    expect(laptop.messages.slice(caughtUpAt).some((message) => message.type === 'chunks' && message.chunks.some((chunk) => chunk.documentId === caseId))).toBe(false)
    for (const client of [office, laptop]) client.ws.terminate()
  }, 120_000)

  // Found by the seeded three-laptop run (convergence.test.ts) under load: one laptop never had another's notes.
  it('brings a laptop the notes others wrote that were waiting to be sent to it, though they were compacted into its own upload (not sent back to it)', async () => {
    const { credential, scans, caseId, office } = await team()
    const start = Automerge.from<Notes>({ notes: [] })
    await office.upload(caseId, Automerge.save(start))

    // The laptop has the case, then reads nothing for a while.
    const laptop = rawClient(server!.url, credential)
    expect(await laptop.opened).toBe(true)
    laptop.hello()
    await eventually(() => laptop.messages.some((message) => message.type === 'caught-up'), 10_000, 'the catch-up')
    laptop.ws.pause()

    // The office sends scans, then writes notes: they wait behind the scans to be sent to the laptop.
    await uploadScans(office, scans)
    let officeCopy = Automerge.load<Notes>(Automerge.save(start))
    for (let i = 0; i < 10; i++) {
      officeCopy = Automerge.change(officeCopy, (d) => void d.notes.push(`office note ${i}`))
      await office.upload(caseId, Automerge.getLastLocalChange(officeCopy)!)
    }

    // The laptop writes a note of its own, and reads until the server has stored it.
    let own = Automerge.change(Automerge.load<Notes>(Automerge.save(start)), (d) => void d.notes.push('laptop note'))
    laptop.send({ type: 'upload', ref: 1, documentId: caseId, data: Automerge.getLastLocalChange(own)! })
    await readUntil(laptop, () => laptop.messages.some((message) => message.type === 'ack' && message.ref === 1), 'the ack of the laptop’s note')
    const ack = laptop.messages.find((message): message is Extract<ServerMessage, { type: 'ack' }> => message.type === 'ack' && message.ref === 1)!
    expect(ack.seq).toEqual(expect.any(Number))
    // The office's notes have not reached it yet: they wait behind the scans.
    expect(ofCase(laptop, caseId).filter((chunk) => chunk.seq > ack.seq! - 11)).toEqual([])

    expect(compactNow(caseId, 12)).toEqual([ack.seq])

    // One more note from the office: once it has come, everything before it has.
    officeCopy = Automerge.change(officeCopy, (d) => void d.notes.push('office note last'))
    const last = await office.upload(caseId, Automerge.getLastLocalChange(officeCopy)!)
    laptop.ws.resume()
    await eventually(() => ofCase(laptop, caseId).some((chunk) => chunk.seq === last.seq), 60_000, 'the office’s last note')

    for (const chunk of ofCase(laptop, caseId)) own = Automerge.loadIncremental(own, chunk.data)
    expect(Automerge.getMissingDeps(own, [])).toEqual([])
    expect([...own.notes].sort()).toEqual([...Array.from({ length: 10 }, (_, i) => `office note ${i}`), 'laptop note', 'office note last'].sort())
    for (const client of [office, laptop]) client.ws.terminate()
  }, 120_000)
})
