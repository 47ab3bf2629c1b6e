import { join } from 'node:path'
import * as Automerge from '@automerge/automerge'
import { Repo } from '@automerge/automerge-repo'
import { afterEach, describe, expect, it } from 'vitest'
import { openSqlite, type SqliteDatabase } from '../../src/node/sqlite'
import { SqliteStorageAdapter } from '../../src/main/core/storage/sqlite-adapter'
import { readCurrentDocument, readStoredDocument } from '../../src/main/core/storage/stored-documents'
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
})
