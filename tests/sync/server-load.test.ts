import { randomBytes } from 'node:crypto'
import { writeFileSync } from 'node:fs'
import * as Automerge from '@automerge/automerge'
import { afterEach, beforeAll, describe, expect, it } from 'vitest'
import { builtEntry } from '../support/built'
import { createTeamOver, memoryOf, newDocumentId, rawClient, serverProcess } from '../support/raw-sync'
import { eventually } from '../support/sync-team'
import { tempDir } from '../support/temp-dir'

const MB = 1024 * 1024
/** The store: this many listed documents of 1 MB (random bytes, so nothing compresses them). */
const STORED = 48
/** Uploaded while the slow readers hang on: they go live to every laptop. */
const LIVE = 8
const SLOW_READERS = 8
/**
 * What the server may grow by with eight readers that never read. Each connection holds at most
 * its in-flight allowance (1 MB, IN_FLIGHT_BYTES in sync-server.ts) and one batch (1 MB, or one
 * chunk if larger; here 1 MB chunks): 3 MB with the chunk being written. Eight of them are 24 MB; 100 MB more for what the
 * garbage collector has not yet given back and SQLite's cache. Before backpressure each slow
 * reader was sent the whole store (48 MB) into memory: 8 × 48 MB = 384 MB and more.
 */
const BOUND = SLOW_READERS * 3 * MB + 100 * MB

describe('the sync server under slow readers', () => {
  const dir = tempDir('server-load')
  let server: Awaited<ReturnType<typeof serverProcess>> | undefined
  beforeAll(() => builtEntry('server'))
  afterEach(() => {
    server?.child.kill('SIGKILL')
    dir.remove()
  })

  it('keeps its memory within a bound while eight connections never read, and another laptop syncs everything', async () => {
    server = await serverProcess(dir.path)
    const pid = server.child.pid!
    const teamDocumentId = newDocumentId()
    const credential = await createTeamOver(server.url, server.setupCode!, teamDocumentId)
    const caseIds = Array.from({ length: STORED + LIVE }, newDocumentId)
    // One 1 MB document, stored under each case's id (making each anew takes Automerge 0.2 s).
    const scan = Automerge.save(Automerge.from({ scan: new Uint8Array(randomBytes(MB)) }))
    const bigCase = () => scan

    const uploader = rawClient(server.url, credential)
    expect(await uploader.opened).toBe(true)
    uploader.hello()
    uploader.send({ type: 'upload', ref: 1, documentId: teamDocumentId, data: Automerge.save(Automerge.from({ cases: Object.fromEntries(caseIds.map((id) => [id, {}])) })) })
    caseIds.slice(0, STORED).forEach((documentId, index) => uploader.send({ type: 'upload', ref: index + 2, documentId, data: bigCase() }))
    await uploader.acked(STORED + 1)

    // A laptop catches up once, so the baseline includes what serving the store costs at all.
    const warmUp = rawClient(server.url, credential)
    expect(await warmUp.opened).toBe(true)
    warmUp.hello()
    await eventually(() => warmUp.messages.some((message) => message.type === 'caught-up'), 30_000, 'the first catch-up')
    expect(warmUp.documents().size).toBe(STORED + 1)
    warmUp.ws.close()
    await new Promise((resolve) => setTimeout(resolve, 500))
    const baseline = memoryOf(pid).rss
    // Resets the peak (VmHWM) to now, so the peak below is the attack's (Linux 4.0 and later).
    writeFileSync(`/proc/${pid}/clear_refs`, '5')

    // Eight connections authenticate, say hello and never read a byte.
    const slow = Array.from({ length: SLOW_READERS }, () => rawClient(server!.url, credential))
    for (const reader of slow) {
      expect(await reader.opened).toBe(true)
      reader.hello()
      reader.ws.pause()
    }
    // Another laptop syncs meanwhile, and more arrives live.
    const laptop = rawClient(server.url, credential)
    expect(await laptop.opened).toBe(true)
    laptop.hello()
    caseIds.slice(STORED).forEach((documentId, index) => uploader.send({ type: 'upload', ref: STORED + 2 + index, documentId, data: bigCase() }))
    await uploader.acked(STORED + 1 + LIVE)
    await eventually(() => laptop.documents().size === STORED + LIVE + 1, 30_000, 'the laptop to have every document')
    // Time for the server to send the slow readers all it would.
    await new Promise((resolve) => setTimeout(resolve, 1000))

    const { rss, peak } = memoryOf(pid)
    console.log(`server memory: baseline ${(baseline / MB).toFixed(0)} MB, after ${(rss / MB).toFixed(0)} MB, peak ${(peak / MB).toFixed(0)} MB, bound ${((baseline + BOUND) / MB).toFixed(0)} MB`)
    expect(peak).toBeLessThan(baseline + BOUND)
    expect(laptop.documents()).toEqual(new Set([teamDocumentId, ...caseIds]))
    for (const client of [uploader, laptop, ...slow]) client.ws.terminate()
  }, 90_000)
})
