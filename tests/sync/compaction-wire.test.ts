import { randomUUID } from 'node:crypto'
import { join } from 'node:path'
import * as Automerge from '@automerge/automerge'
import { afterEach, describe, expect, it } from 'vitest'
import { startSyncServer, type SyncServer, type SyncServerOptions } from '../../src/server/sync-server'
import { SYNC_PROTOCOL, type ClientMessage, type ServerMessage } from '../../src/shared/sync/protocol'
import { encodeMessage } from '../../src/node/sync-codec'
import { createTeamWithCode, joinOver, newDocumentId, rawClient } from '../support/raw-sync'
import { eventually, SERVER_FILE } from '../support/sync-team'
import { tempDir } from '../support/temp-dir'
import { openEncrypted, TEST_SERVER_KEY } from '../support/passphrase'

type Client = ReturnType<typeof rawClient>
type Chunks = Extract<ServerMessage, { type: 'chunks' }>['chunks']

/** A case edited `edits` times, each edit its own chunk after the document saved whole. */
function edited(edits: number, from: Automerge.Doc<{ notes: string[] }> = Automerge.from({ notes: [] as string[] })) {
  let doc = from
  const chunks = from.notes.length === 0 ? [Automerge.save(doc)] : []
  for (let i = 0; i < edits; i++) {
    doc = Automerge.change(doc, (d) => void d.notes.push(`note ${d.notes.length}`))
    chunks.push(Automerge.getLastLocalChange(doc)!)
  }
  return { doc, chunks }
}

describe('a compacted document on the wire', () => {
  const dir = tempDir('compaction-wire')
  let server: SyncServer | undefined
  const clients: Client[] = []
  afterEach(async () => {
    for (const client of clients.splice(0)) client.ws.terminate()
    await server?.close()
    server = undefined
    dir.remove()
  })

  const start = async (options: Partial<SyncServerOptions>) => (server = await startSyncServer({ dataDir: dir.path, port: 0, key: TEST_SERVER_KEY, ...options }))
  const connect = async (credential: string) => {
    const client = rawClient(server!.url, credential)
    clients.push(client)
    expect(await client.opened).toBe(true)
    return client
  }
  const hello = (client: Client, since = 0, sinceMark?: string) => client.send({ type: 'hello', protocol: SYNC_PROTOCOL, since, ...(sinceMark ? { sinceMark } : {}) })
  const caughtUp = async (client: Client) => {
    await eventually(() => client.messages.some((message) => message.type === 'caught-up'), 20_000, 'catching up')
    return client.messages.find((message) => message.type === 'caught-up') as Extract<ServerMessage, { type: 'caught-up' }>
  }
  const received = (client: Client, documentId: string): Chunks =>
    client.messages.flatMap((message) => (message.type === 'chunks' ? message.chunks.filter((chunk) => chunk.documentId === documentId) : []))
  const chunksStored = (documentId: string) => {
    const db = openEncrypted(join(dir.path, SERVER_FILE), { readonly: true })
    try {
      return db.prepare('SELECT COUNT(*) FROM chunks WHERE document_id = ?').pluck().get(documentId) as number
    } finally {
      db.close()
    }
  }

  /** A team with one case of 1 + `edits` chunks uploaded by the manager's laptop; the server does not compact. */
  async function teamWithCase(edits: number) {
    await start({ compactAt: 0 })
    const teamDocumentId = newDocumentId()
    const caseId = newDocumentId()
    const { credential, joinCode } = await createTeamWithCode(server!.url, server!.setupCode!, teamDocumentId)
    const manager = await connect(credential)
    hello(manager)
    await caughtUp(manager)
    await manager.upload(teamDocumentId, Automerge.save(Automerge.from({ cases: { [caseId]: {} } })))
    const { doc, chunks } = edited(edits)
    const acks = []
    for (const chunk of chunks) acks.push(await manager.upload(caseId, chunk))
    return { credential, joinCode, caseId, doc, chunks, acks }
  }

  it('is not sent to a laptop that held the chunks it replaced; a laptop behind is sent it once, and merges it; a fresh one is sent it alone', async () => {
    const { credential, joinCode, caseId, doc, chunks, acks } = await teamWithCase(30)
    const other = await joinOver(server!.url, joinCode)
    // A laptop that has everything, and one that had caught up half way (its mark the 11th chunk's).
    const upToDate = await connect(other)
    hello(upToDate)
    const mark = await caughtUp(upToDate)
    expect(received(upToDate, caseId)).toHaveLength(31)
    const halfWay = acks[10]!
    await server!.close()

    // The server starts again and compacts the case at start-up.
    const lines: string[] = []
    await start({ compactAt: 10, log: (line) => lines.push(line) })
    await eventually(() => lines.some((line) => line.includes('compacted at start-up')), 20_000, 'compaction at start-up')
    expect(lines).toEqual([expect.stringMatching(/^compaction: 1 documents compacted at start-up, 31 chunks into 1, /)])
    expect(chunksStored(caseId)).toBe(1)

    const again = await connect(other)
    hello(again, mark.seq, mark.mark)
    const welcome = () => again.messages.find((message) => message.type === 'welcome') as Extract<ServerMessage, { type: 'welcome' }> | undefined
    await caughtUp(again)
    expect(welcome()?.restored).toBeUndefined()
    expect(received(again, caseId)).toEqual([])

    const behind = await connect(other)
    hello(behind, halfWay.seq!, halfWay.mark)
    await caughtUp(behind)
    const [compacted, ...more] = received(behind, caseId)
    expect(more).toEqual([])
    expect(compacted!.seq).toBe(acks[30]!.seq)
    // Every chunk was the manager's laptop's: so is the compacted one, told by its one head.
    const managerChunk = received(upToDate, caseId)[0]!
    expect(compacted!.by).toBe(managerChunk.by)
    expect(compacted!.authors).toEqual([{ by: managerChunk.by, andBefore: true, hashes: expect.any(Uint8Array) }])
    expect(compacted!.authors![0]!.hashes).toHaveLength(32)
    let held = Automerge.load<{ notes: string[] }>(new Uint8Array(Buffer.concat(chunks.slice(0, 11))))
    held = Automerge.loadIncremental(held, compacted!.data)
    expect(Automerge.getHeads(held)).toEqual(Automerge.getHeads(doc))
    expect(held.notes).toHaveLength(30)

    const fresh = await connect(credential)
    hello(fresh)
    await caughtUp(fresh)
    expect(received(fresh, caseId).map((chunk) => chunk.data)).toEqual([compacted!.data])
    expect(compacted!.data.length).toBeLessThan(chunks.reduce((sum, chunk) => sum + chunk.length, 0))
  })

  it('compacts a document once it passes the count, live, and what arrives after stays apart', async () => {
    const { credential, caseId, doc } = await teamWithCase(3)
    await server!.close()
    await start({ compactAt: 8 })
    const manager = await connect(credential)
    hello(manager)
    await caughtUp(manager)
    const more = edited(6, doc)
    for (const chunk of more.chunks.slice(0, 4)) await manager.upload(caseId, chunk)
    await eventually(() => chunksStored(caseId) === 1, 10_000, 'the case compacted')
    await manager.upload(caseId, more.chunks[4]!)
    expect(chunksStored(caseId)).toBe(2)
  })

  it('a laptop cannot name who sent what, nor have a document it cannot complete loaded at every upload', async () => {
    const { credential, joinCode, caseId } = await teamWithCase(3)
    const otherCredential = await joinOver(server!.url, joinCode, { id: randomUUID(), name: 'Ann Other' })
    await server!.close()
    const lines: string[] = []
    await start({ compactAt: 6, log: (line) => lines.push(line) })
    const intruder = await connect(otherCredential)
    hello(intruder)
    await caughtUp(intruder)
    // An upload claiming authors of its own (not part of what a laptop may send), and `by` someone not of its laptop.
    const forged = { type: 'upload', ref: 1, documentId: caseId, data: edited(1, Automerge.load(Automerge.save(Automerge.from({ notes: ['x'] })))).chunks[0]!, by: 'person-someone-else', authors: [{ by: 'person-someone-else', hashes: new Uint8Array(32) }] }
    intruder.ws.send(encodeMessage(forged as unknown as ClientMessage))
    await intruder.acked(1)
    // A change whose earlier change never reaches the server: the document cannot be completed.
    const dangling = edited(2)
    await intruder.upload(caseId, dangling.chunks[2]!)
    await eventually(() => lines.length === 1, 10_000, 'a compaction tried')
    expect(lines).toEqual([`compaction: document ${caseId} needs changes its chunks do not hold; left as it is`])
    // Fewer new chunks than the count: not loaded again (a compaction would be done by the time a laptop has caught up).
    for (let i = 0; i < 4; i++) await intruder.upload(caseId, edited(1).chunks[1]!)
    const reader = await connect(credential)
    hello(reader)
    await caughtUp(reader)
    expect(lines).toHaveLength(1)
    const chunks = received(reader, caseId)
    expect(chunks.length).toBeGreaterThan(1)
    for (const chunk of chunks) expect(chunk.authors).toBeUndefined()
    const sender = chunks.find((chunk) => Buffer.from(chunk.data).equals(Buffer.from(forged.data)))!.by
    expect(sender).toBeDefined()
    expect(sender).not.toBe('person-someone-else')
  })
})
