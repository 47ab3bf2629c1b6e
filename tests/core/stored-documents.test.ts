import { join } from 'node:path'
import * as Automerge from '@automerge/automerge'
import { Repo } from '@automerge/automerge-repo'
import { afterEach, describe, expect, it } from 'vitest'
import { openSqlite, type SqliteDatabase } from '../../src/main/core/storage/sqlite'
import { SqliteStorageAdapter } from '../../src/main/core/storage/sqlite-adapter'
import { readCurrentDocument } from '../../src/main/core/storage/stored-documents'
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

  it('gives undefined for a document not stored, without calling the reader', async () => {
    const { storage } = await savedDocument()
    const repo = new Repo({ storage, network: [] })
    let called = false
    expect(await readCurrentDocument(repo, storage, '4NMNnkMhL8jXrkKqcpB9eKu3AAE', () => (called = true))).toBeUndefined()
    expect(called).toBe(false)
    await repo.shutdown()
  })
})
