import { join } from 'node:path'
import * as Automerge from '@automerge/automerge'
import { Repo } from '@automerge/automerge-repo'
import { afterEach, describe, expect, it } from 'vitest'
import { openSqlite, type SqliteDatabase } from '../../src/node/sqlite'
import { SqliteStorageAdapter } from '../../src/main/core/storage/sqlite-adapter'
import { loadStoredDocument, readCurrentDocument, readCurrentPlain, readStoredDocument } from '../../src/main/core/storage/stored-documents'
import { DamagedDocumentError } from '../../src/main/core/errors'
import { readCase, readPlainCase, type CaseDoc } from '../../src/shared/case/case-doc'
import { toPlain } from '../../src/shared/automerge/registers'
import { addLearningPoint, markLearningPointsReviewed } from '../../src/shared/case/learning-points'
import { CASEWORKER, MANAGER, newCase } from '../support/cases'
import { realisticCase } from '../bench/sync/common'
import { tempDir } from '../support/temp-dir'

type Named = { name?: string }

describe('reading a document as it is now', () => {
  const cleanup: (() => void)[] = []
  afterEach(() => cleanup.splice(0).forEach((done) => done()))

  async function savedDocument(): Promise<{ db: SqliteDatabase; storage: SqliteStorageAdapter; id: string }> {
    const dir = tempDir()
    const db = openSqlite(join(dir.path, 's.sqlite'))
    cleanup.push(() => dir.remove(), () => db.close())
    const storage = new SqliteStorageAdapter(db)
    const writer = new Repo({ storage, network: [] })
    const handle = writer.create<Named>()
    handle.change((doc) => (doc.name = 'on disk'))
    await writer.shutdown()
    return { db, storage, id: handle.documentId }
  }

  it('reads one from disk for the call only, and frees it once read (Automerge memory is not the collector’s)', async () => {
    const { storage, id } = await savedDocument()
    const repo = new Repo({ storage, network: [] })
    let seen: Automerge.Doc<Named> | undefined
    const name = await readCurrentDocument<Named, string | undefined>(repo, storage, id, (doc) => {
      seen = doc
      return doc.name
    })
    expect(name).toBe('on disk')
    expect(() => Automerge.getHeads(seen!)).toThrow()
    await repo.shutdown()
  })

  it('reads the repo’s copy where it has one, with its latest edits, and leaves it usable', async () => {
    const { storage, id } = await savedDocument()
    const repo = new Repo({ storage, network: [] })
    const handle = await repo.find<Named>(id as never)
    handle.change((doc) => (doc.name = 'edited in the repo'))
    const name = await readCurrentDocument<Named, string | undefined>(repo, storage, id, (doc) => doc.name)
    expect(name).toBe('edited in the repo')
    expect(Automerge.getHeads(handle.doc())).toHaveLength(1)
    expect(handle.doc().name).toBe('edited in the repo')
    await repo.shutdown()
  })

  it('reads a document stored as a snapshot and many chunks, overlapping and concurrent, as the repo reads it', async () => {
    const { storage, id } = await savedDocument()
    const stored = await readStoredDocument(storage, id, (doc: Named) => Automerge.save(doc))
    let doc = Automerge.load<Named & { notes?: string[] }>(stored!)
    doc = Automerge.change(doc, (d) => (d.notes = []))
    await storage.save([id, 'snapshot', 'later'], Automerge.save(doc))
    for (let n = 0; n < 12; n++) {
      const before = Automerge.getHeads(doc)
      doc = Automerge.change(doc, (d) => d.notes!.push(`note ${n}`))
      await storage.save([id, 'incremental', `note-${n}`], Automerge.saveSince(doc, before))
    }
    // The same changes again (a chunk saved twice), and one made concurrently on another laptop.
    await storage.save([id, 'incremental', 'again'], Automerge.save(doc))
    const elsewhere = Automerge.change(Automerge.clone(doc, { actor: 'ab'.repeat(16) }), (d) => (d.name = 'renamed elsewhere'))
    const mine = Automerge.change(doc, (d) => d.notes!.push('note 12'))
    await storage.save([id, 'incremental', 'elsewhere'], Automerge.saveSince(elsewhere, Automerge.getHeads(doc)))
    await storage.save([id, 'incremental', 'mine'], Automerge.saveSince(mine, Automerge.getHeads(doc)))

    const read = await readStoredDocument(storage, id, (d: Named & { notes?: string[] }) => ({ name: d.name, notes: [...d.notes!], heads: Automerge.getHeads(d).sort() }))
    const repo = new Repo({ storage, network: [] })
    const viaRepo = (await repo.find<Named & { notes?: string[] }>(id as never)).doc()
    expect(read).toEqual({ name: viaRepo.name, notes: [...viaRepo.notes!], heads: Automerge.getHeads(viaRepo).sort() })
    expect(read!.name).toBe('renamed elsewhere')
    expect(read!.notes).toHaveLength(13)
    expect(read!.heads).toHaveLength(2)
    await repo.shutdown()
  })

  it('reads a document whose last chunk is damaged as far as it parses, as the repo does', async () => {
    const { storage, id } = await savedDocument()
    await storage.save([id, 'incremental', 'damaged'], new Uint8Array([0x85, 0x6f, 0x4a, 0x83, 1, 2, 3]))
    expect(await readStoredDocument(storage, id, (doc: Named) => doc.name)).toBe('on disk')
    const repo = new Repo({ storage, network: [] })
    expect((await repo.find<Named>(id as never)).doc().name).toBe('on disk')
    await repo.shutdown()
  })

  it('gives undefined for a document not stored, without calling the reader', async () => {
    const { storage } = await savedDocument()
    const repo = new Repo({ storage, network: [] })
    let called = false
    expect(await readCurrentDocument(repo, storage, '4NMNnkMhL8jXrkKqcpB9eKu3AAE', () => (called = true))).toBeUndefined()
    expect(called).toBe(false)
    await repo.shutdown()
  })

  describe('plain (the case index’s way, readCurrentPlain)', () => {
    async function storedCase(doc: Automerge.Doc<unknown>): Promise<{ storage: SqliteStorageAdapter; repo: Repo; id: string }> {
      const { storage } = await savedDocument()
      const id = '3VTC1TqzTS8Fxr6JiaP8SjjBdqBN'
      storage.saveMany([{ key: [id, 'snapshot', 'whole'], data: Automerge.save(doc) }], { local: false })
      const repo = new Repo({ storage, network: [] })
      cleanup.push(() => void repo.shutdown())
      return { storage, repo, id }
    }

    it('reads a case from disk as readCase reads the loaded document: the same record, value and heads, registers as plain strings', async () => {
      const doc = realisticCase(3)
      const { storage, repo, id } = await storedCase(doc)
      const read = await readCurrentPlain(repo, storage, id, (plain) => ({ kind: plain.kind, value: plain.value, heads: plain.heads, record: readPlainCase(plain) }))
      expect(read!.kind).toBe('homeward/case')
      expect(read!.value).toEqual(toPlain(doc as never))
      expect(read!.heads).toEqual(Automerge.getHeads(doc))
      expect(read!.record).toEqual(readCase(doc as Automerge.Doc<CaseDoc>))
      expect(read!.record.notes).toHaveLength(40)
    })

    it('gives a learning point’s copies written on two laptops apart, so a review either copy has is kept', async () => {
      const shared = newCase()
      const point = { text: 'Her sister in Leeds was the key', by: CASEWORKER.author, at: '2026-11-20T10:00:00.000Z' }
      const onLaptop = (actor: string) => Automerge.change(Automerge.clone(shared, { actor: actor.repeat(32) }), (d) => addLearningPoint(d, 'lp-1', point, CASEWORKER))
      const reviewed = Automerge.change(onLaptop('a'), (d) => markLearningPointsReviewed(d, ['lp-1'], MANAGER))
      for (const merged of [Automerge.merge(reviewed, onLaptop('b')), Automerge.merge(onLaptop('b'), reviewed)]) {
        const { storage, repo, id } = await storedCase(merged)
        const read = await readCurrentPlain(repo, storage, id, (plain) => ({ copies: plain.conflicts(['learningPoints'], 'lp-1'), none: plain.conflicts(['learningPoints'], 'lp-2'), record: readPlainCase(plain) }))
        expect(read!.copies).toHaveLength(2)
        expect(read!.copies.map((copy) => (copy as { reviewedAt?: string }).reviewedAt).sort()).toEqual([MANAGER.now.toISOString(), undefined])
        expect(read!.none).toEqual([])
        expect(read!.record.learningPoints['lp-1']!.reviewedAt).toBe(MANAGER.now.toISOString())
        expect(read!.record).toEqual(readCase(merged))
      }
    })

    it('reads what only a hostile or broken laptop would write as the repo’s copy is read: a counter, a `__proto__` key, a kind that is no string', async () => {
      const counted = Automerge.change(realisticCase(4), (d) => void ((d as unknown as Record<string, unknown>).schemaVersion = new Automerge.Counter(5)))
      // Automerge's proxies refuse a key named `__proto__`; a laptop writing to the backend does not.
      const written = Automerge.getBackend(Automerge.clone(realisticCase(5)))
      written.put(written.putObject('_root', '__proto__', {}), 'mergedInto', 'another-case')
      const prototyped = Automerge.load(written.save())
      for (const doc of [counted, prototyped]) {
        const { storage, repo, id } = await storedCase(doc)
        let fromDisk: unknown
        let inHand: unknown
        try {
          fromDisk = await readCurrentPlain(repo, storage, id, (plain) => readPlainCase(plain))
        } catch (error) {
          fromDisk = (error as Error).message
        }
        try {
          inHand = readCase(doc as Automerge.Doc<CaseDoc>)
        } catch (error) {
          inHand = (error as Error).message
        }
        expect(fromDisk).toEqual(inHand)
      }
      const oddKind = Automerge.from<Record<string, unknown>>({ kind: { toString: 'not a case' } })
      const { storage, repo, id } = await storedCase(oddKind)
      expect(await readCurrentPlain(repo, storage, id, (plain) => plain.kind)).toBeUndefined()
    })

    it('reads a damaged tail as far as it parses, and refuses a document damaged further in, as loadStoredDocument does', async () => {
      const { storage, id } = await savedDocument()
      const repo = new Repo({ storage, network: [] })
      cleanup.push(() => void repo.shutdown())
      await storage.save([id, 'incremental', 'damaged'], new Uint8Array([0x85, 0x6f, 0x4a, 0x83, 1, 2, 3]))
      expect(await readCurrentPlain(repo, storage, id, (plain) => plain.value.name)).toBe('on disk')

      const [whole] = await storage.loadRange([id])
      const flipped = Uint8Array.from(whole!.data!)
      flipped[Math.floor(flipped.length / 2)]! ^= 0xff
      await storage.removeRange([id])
      await storage.save([id, 'snapshot', 'flipped'], flipped)
      await expect(loadStoredDocument(storage, id)).rejects.toThrow(DamagedDocumentError)
      await expect(readCurrentPlain(repo, storage, id, (plain) => plain.value)).rejects.toThrow(DamagedDocumentError)
    })
  })
})
