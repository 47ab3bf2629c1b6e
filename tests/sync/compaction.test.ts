import Database from 'better-sqlite3-multiple-ciphers'
import * as Automerge from '@automerge/automerge'
import { afterEach, describe, expect, it } from 'vitest'
import { applyCompaction, compactDocument, Compactor, planCompaction } from '../../src/server/compaction'
import { ServerStore } from '../../src/server/store'
import { ChangeAttestations } from '../../src/main/core/sync/attestations'
import { newDocumentId } from '../support/raw-sync'
import { tempDir } from '../support/temp-dir'

const AT = new Date('2026-11-30T10:00:00Z')
const AMINA = { id: 'person-amina', name: 'Amina Okafor', role: 'caseworker' as const }
const DEREK = { id: 'person-derek', name: 'Derek Hall', role: 'manager' as const }

type Note = {
  notes: string[]
  phase: string
}

/**
 * A case's history as a team's laptops upload it: the document saved whole first, then each edit
 * as its own change, from whichever laptop made it (`who` for each edit).
 */
function history(who: string[]): { chunks: Uint8Array[]; doc: Automerge.Doc<Note> } {
  const actors = new Map<string, string>()
  const actorOf = (person: string) => actors.get(person) ?? actors.set(person, (actors.size + 1).toString(16).padStart(32, '0')).get(person)!
  let doc = Automerge.from<Note>({ notes: [], phase: 'referral' }, { actor: actorOf(who[0]!) as Automerge.ActorId })
  const chunks = [Automerge.save(doc)]
  who.forEach((person, i) => {
    doc = Automerge.change(Automerge.clone(doc, { actor: actorOf(person) as Automerge.ActorId }), (d) => {
      d.notes.push(`note ${i}`)
      if (i % 7 === 0) d.phase = `phase ${i}`
    })
    chunks.push(Automerge.getLastLocalChange(doc)!)
  })
  return { chunks, doc }
}

describe('compacting a document on the server', () => {
  const dir = tempDir('compaction')
  let store: ServerStore | undefined
  afterEach(() => {
    store?.close()
    store = undefined
    dir.remove()
  })

  /** A store with Amina's and Derek's laptops, and a listed case of these chunks, each from the laptop of `senders[i]`. */
  function seeded(chunks: Uint8Array[], senders: string[]) {
    store = ServerStore.open(dir.path, AT)
    for (const person of [AMINA, DEREK]) store.addPerson(person, AT)
    const devices = new Map([AMINA, DEREK].map((person) => [person.id, store!.addDevice(`${person.name}'s laptop`, person, AT).device.id]))
    const caseId = newDocumentId()
    store.setListed(new Set([caseId]), 0)
    const seqs = chunks.map((data, i) => store!.addChunk(caseId, data, { deviceId: devices.get(senders[i]!)!, at: AT })!)
    return { store, caseId, seqs, devices }
  }

  it('folds every chunk into one holding every change (same heads, same content), numbered and marked as the newest it replaced', () => {
    const senders = [AMINA.id, ...Array.from({ length: 30 }, (_, i) => (i % 3 === 0 ? DEREK.id : AMINA.id))]
    const { chunks, doc } = history(senders.slice(1))
    const { store, caseId, seqs } = seeded(chunks, senders)
    const newest = Math.max(...seqs)
    const markBefore = store.markAt(newest)
    const bytesBefore = chunks.reduce((sum, chunk) => sum + chunk.length, 0)

    const done = compactDocument(store, caseId, AT)

    expect(done).toMatchObject({ compacted: true, chunks: 31, bytesBefore })
    const [only, ...rest] = store.chunksOf(caseId)
    expect(rest).toEqual([])
    expect(only!.seq).toBe(newest)
    expect(store.markAt(newest)).toBe(markBefore)
    expect(only!.data.length).toBeLessThan(bytesBefore)
    const compacted = Automerge.load<Note>(only!.data)
    expect(Automerge.getHeads(compacted)).toEqual(Automerge.getHeads(doc))
    expect(Automerge.toJS(compacted)).toEqual(Automerge.toJS(doc))
    expect(Automerge.getAllChanges(compacted).length).toBe(Automerge.getAllChanges(doc).length)
    // Sent by two people: the chunk as a whole is nobody's; each change's sender is in `authors`.
    expect(only!.by).toBeUndefined()
    expect(new Set(only!.authors!.map((group) => group.by))).toEqual(new Set([AMINA.id, DEREK.id]))
  })

  it.each([
    ['each run of one person’s chunks told by its newest change', false],
    ['change by change, where a device of before people attested nothing in between', true],
  ])('tells a laptop who sent each change exactly as the chunks it replaced did: %s', (_, unattested) => {
    const senders = [DEREK.id, ...Array.from({ length: 20 }, (_, i) => (i % 4 === 1 ? DEREK.id : AMINA.id))]
    const { chunks, doc } = history(senders.slice(1))
    const { store, caseId, seqs } = seeded(chunks, senders)
    // A device from before people (no person): its chunk attests nothing, to the chunks one by one or compacted.
    if (unattested) {
      store.forget([caseId])
      chunks.forEach((data, i) => store.addChunk(caseId, data, { deviceId: i === 10 ? 'device-before-people' : store.devices().find((device) => device.person?.id === senders[i])!.id, at: AT }))
    }
    const original = store.chunksOf(caseId)
    expect(original).toHaveLength(seqs.length)
    compactDocument(store, caseId, AT)
    const [compacted] = store.chunksOf(caseId)

    // Two laptops' records of who sent what: one took in the chunks one by one, the other the compacted one.
    const attested = (takeIn: (attestations: ChangeAttestations) => void) => {
      const db = new Database(':memory:')
      try {
        const attestations = new ChangeAttestations(db, () => undefined)
        takeIn(attestations)
        return Object.fromEntries([...attestations.of(caseId, Automerge.getAllChanges(doc).map((change) => Automerge.decodeChange(change)))].map(([hash, a]) => [hash, a.personId]))
      } finally {
        db.close()
      }
    }
    const oneByOne = attested((attestations) => original.forEach((chunk) => attestations.fromServer(caseId, chunk.data, chunk.by)))
    const fromCompacted = attested((attestations) => attestations.fromServer(caseId, compacted!.data, compacted!.by, compacted!.authors))
    expect(Object.keys(oneByOne)).toHaveLength(unattested ? 20 : 21)
    expect(fromCompacted).toEqual(oneByOne)
    expect(Object.values(fromCompacted).filter((person) => person === DEREK.id)).toHaveLength(unattested ? 5 : 6)
    // Told by runs: one hash for each run of one person's chunks (12 runs); else one for each change.
    const told = compacted!.authors!.reduce((sum, group) => sum + group.hashes.length / 32, 0)
    expect(told).toBe(unattested ? 20 : 12)
  })

  it('keeps a held-back chunk as it is, apart, and folds only what is sent', () => {
    const senders = [AMINA.id, AMINA.id, AMINA.id, DEREK.id, AMINA.id]
    const { chunks } = history(senders.slice(1))
    const { store, caseId, devices } = seeded(chunks.slice(0, 4), senders)
    // Derek's laptop is not allowed the case: its change is kept, never sent.
    const held = store.addChunk(caseId, chunks[4]!, { deviceId: devices.get(DEREK.id)!, at: AT, heldBack: true })!

    expect(compactDocument(store, caseId, AT)).toMatchObject({ compacted: true, chunks: 4 })

    const after = store.chunksOf(caseId)
    expect(after).toHaveLength(2)
    expect(after.find((chunk) => chunk.seq === held)).toMatchObject({ heldBack: true, data: chunks[4] })
    const sent = after.find((chunk) => !chunk.heldBack)!
    expect(Automerge.getAllChanges(Automerge.load(sent.data)).length).toBe(4)
  })

  it('keeps a chunk that arrives while the document is being compacted', () => {
    const senders = [AMINA.id, AMINA.id, AMINA.id, AMINA.id]
    const { chunks, doc } = history([...senders.slice(1), DEREK.id])
    const { store, caseId, devices } = seeded(chunks.slice(0, 4), senders)

    const plan = planCompaction(store, caseId)!
    const arrived = store.addChunk(caseId, chunks[4]!, { deviceId: devices.get(DEREK.id)!, at: AT })!
    expect(applyCompaction(store, plan, AT)).toBe(true)

    const after = store.chunksOf(caseId)
    expect(after.map((chunk) => chunk.seq)).toEqual([Math.max(...plan.seqs), arrived])
    expect(after[1]!.data).toEqual(chunks[4])
    const merged = Automerge.load<Note>(new Uint8Array(Buffer.concat(after.map((chunk) => chunk.data))))
    expect(Automerge.getHeads(merged)).toEqual(Automerge.getHeads(doc))
  })

  it('writes nothing back for a document erased while it was being compacted', () => {
    const { chunks } = history([AMINA.id, AMINA.id])
    const { store, caseId } = seeded(chunks, [AMINA.id, AMINA.id, AMINA.id])
    const plan = planCompaction(store, caseId)!
    store.forget([caseId])
    expect(applyCompaction(store, plan, AT)).toBe(false)
    expect(store.chunksOf(caseId)).toEqual([])
  })

  it('leaves chunks that do not load as they are, with one line naming only the document', () => {
    const { chunks } = history([AMINA.id, AMINA.id, AMINA.id])
    const garbled = new Uint8Array([0x85, 0x6f, 0x4a, 0x83, 1, 2, 3, 4, 1, 5, 9, 9, 9, 9, 9])
    const { store, caseId, seqs } = seeded([...chunks, garbled], [AMINA.id, AMINA.id, AMINA.id, AMINA.id, AMINA.id])
    const lines: string[] = []

    expect(compactDocument(store, caseId, AT, (line) => lines.push(line))).toMatchObject({ compacted: true, chunks: 4 })

    expect(lines).toEqual([`compaction: 1 chunk(s) of document ${caseId} do not load; left as they are`])
    const after = store.chunksOf(caseId)
    expect(after.map((chunk) => chunk.seq)).toEqual([seqs[3], seqs[4]])
    expect(after[1]!.data).toEqual(garbled)
  })

  it('leaves a document whose changes need one its sent chunks do not hold', () => {
    const { chunks } = history([AMINA.id, AMINA.id, AMINA.id])
    // The second edit never reached the server: the third depends on it.
    const { store, caseId } = seeded([chunks[0]!, chunks[1]!, chunks[3]!], [AMINA.id, AMINA.id, AMINA.id])
    const lines: string[] = []
    expect(compactDocument(store, caseId, AT, (line) => lines.push(line))).toEqual({ compacted: false, why: 'nothing to fold' })
    expect(lines).toEqual([`compaction: document ${caseId} needs changes its chunks do not hold; left as it is`])
    expect(store.chunksOf(caseId)).toHaveLength(3)
  })

  it('never folds an upload the team does not list: it still counts against its laptop, and still goes a day after it came', async () => {
    const { chunks } = history(Array.from({ length: 70 }, () => AMINA.id))
    const { store, devices } = seeded([], [])
    const upload = newDocumentId()
    const amina = devices.get(AMINA.id)!
    for (const data of chunks) store.addChunk(upload, data, { deviceId: amina, at: AT })
    const team = newDocumentId()
    const counted = store.unlistedBytes(amina, team)
    expect(counted).toBeGreaterThan(0)

    // As an upload would: the compactor is told of each chunk stored.
    const compactor = new Compactor(store, { now: () => new Date('2026-12-01T09:00:00Z'), atLeast: 64 })
    compactor.stored(upload)
    await new Promise((resolve) => setImmediate(resolve))
    compactor.stop()
    expect(compactDocument(store, upload, AT)).toEqual({ compacted: false, why: 'nothing to fold' })
    expect(store.chunksOf(upload)).toHaveLength(chunks.length)
    expect(store.unlistedBytes(amina, team)).toBe(counted)
    expect(store.dropUnlisted(new Date('2026-12-01T11:00:00Z'), team)).toBe(chunks.length)
  })

  it('leaves a document whose chunks hold more than one chunk may, with one line naming only the document', () => {
    const { chunks } = history([AMINA.id, AMINA.id, AMINA.id])
    const { store, caseId } = seeded(chunks, [AMINA.id, AMINA.id, AMINA.id, AMINA.id])
    const bytes = chunks.reduce((sum, chunk) => sum + chunk.length, 0)
    const lines: string[] = []
    expect(compactDocument(store, caseId, AT, (line) => lines.push(line), bytes - 1)).toEqual({ compacted: false, why: 'nothing to fold' })
    expect(lines).toEqual([`compaction: document ${caseId} holds ${(bytes / 1e6).toFixed(1)} MB, more than one chunk may; left as it is`])
    expect(store.chunksOf(caseId)).toHaveLength(4)
    // At its size or above, it is folded.
    expect(compactDocument(store, caseId, AT, undefined, bytes)).toMatchObject({ compacted: true, chunks: 4 })
  })
})
