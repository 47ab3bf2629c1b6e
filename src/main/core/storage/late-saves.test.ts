import { randomBytes } from 'node:crypto'
import { join } from 'node:path'
import { Repo } from '@automerge/automerge-repo'
import { afterEach, describe, expect, it } from 'vitest'
import { tempDir } from '../../../../tests/support/temp-dir'
import { openSqlite } from '../../../node/sqlite'
import { SyncOutbox } from '../sync/outbox'
import { SqliteStorageAdapter } from './sqlite-adapter'

/** Longer than the repo's wait between saves of a document (automerge-repo's saveDebounceRate, 100 ms). */
const PAST_THE_REPO_TIMER_MS = 400

const cleanups: (() => void)[] = []
afterEach(() => cleanups.splice(0).reverse().forEach((cleanup) => cleanup()))

/** A workspace's store as the core opens it: an encrypted SQLite file, its outbox on (a team's laptop). */
function store() {
  const dir = tempDir('late-saves')
  const db = openSqlite(join(dir.path, 'homeward.sqlite'), { key: randomBytes(32) })
  cleanups.push(dir.remove, () => db.close())
  const outbox = new SyncOutbox(db)
  outbox.enabled = true
  const storage = new SqliteStorageAdapter(db, { outbox })
  const rowsOf = (id: string) => db.prepare("SELECT COUNT(*) FROM automerge_chunks WHERE json_extract(key, '$[0]') = ?").pluck().get(id) as number
  const unsentOf = (id: string) => db.prepare('SELECT COUNT(*) FROM sync_outbox WHERE document_id = ?').pluck().get(id) as number
  return { storage, outbox, rowsOf, unsentOf }
}

function repoOn(storage: SqliteStorageAdapter): Repo {
  const repo = new Repo({ storage, network: [] })
  cleanups.push(() => void repo.shutdown().catch(() => {}))
  return repo
}

const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

describe('a document deleted from this laptop is never written back by a late save', () => {
  it('a retired document: the repo’s save on its timer, after the copy is let go and the rows deleted, writes nothing, nor to the outbox', async () => {
    const { storage, outbox, rowsOf, unsentOf } = store()
    const repo = repoOn(storage)
    const handle = repo.create<{ chainNumber?: string }>()
    handle.change((doc) => (doc.chainNumber = '918273'))
    await repo.flush([handle.documentId])
    expect(rowsOf(handle.documentId)).toBeGreaterThan(0)
    // Changed a moment ago: a save waits on the repo's timer, which letting go does not cancel.
    handle.change((doc) => (doc.chainNumber = '918274'))
    // As the core deletes it: retired, what waits to be sent dropped, the copy let go, the rows deleted.
    storage.retire([handle.documentId])
    outbox.forget([handle.documentId])
    repo.delete(handle.documentId)
    await storage.removeRange([handle.documentId])
    await wait(PAST_THE_REPO_TIMER_MS)
    expect(rowsOf(handle.documentId)).toBe(0)
    expect(unsentOf(handle.documentId)).toBe(0)
    // And any later save of it, by anyone, or among chunks from the server.
    await storage.save([handle.documentId, 'snapshot', 'late'], new Uint8Array([1]))
    storage.saveMany([{ key: [handle.documentId, 'incremental', 'late'], data: new Uint8Array([2]) }], { local: false })
    expect(rowsOf(handle.documentId)).toBe(0)
  })

  // The repo compacts on its timer: a snapshot saved (refused, retired), then the chunks it replaces
  // removed. Fired after the workspace closed, that removal crashed `homeward case correct`.
  it('a retired document: the repo’s removal of its replaced chunks, on its timer after the store closed, does nothing', async () => {
    const dir = tempDir('late-removal')
    const db = openSqlite(join(dir.path, 'homeward.sqlite'), { key: randomBytes(32) })
    cleanups.push(dir.remove)
    const storage = new SqliteStorageAdapter(db)
    storage.retire(['retired'])
    db.close()
    await expect(storage.remove(['retired', 'incremental', 'a'])).resolves.toBeUndefined()
    // Any other document's removal still reaches the store (closed here, so it fails).
    await expect(storage.remove(['other', 'incremental', 'a'])).rejects.toThrow(/not open/)
  })

  it('keeps saving every other document', async () => {
    const { storage, rowsOf } = store()
    storage.retire(['retired'])
    await storage.save(['other', 'incremental', 'a'], new Uint8Array([1]))
    storage.saveMany([{ key: ['another', 'incremental', 'b'], data: new Uint8Array([2]) }], { local: true })
    expect([rowsOf('other'), rowsOf('another')]).toEqual([1, 1])
  })

  it('a withheld document: refused while withheld, saved again once the team allows it here', async () => {
    const { storage, rowsOf } = store()
    storage.withhold(['restricted'])
    await storage.save(['restricted', 'incremental', 'a'], new Uint8Array([1]))
    expect(rowsOf('restricted')).toBe(0)
    // The server sends a case allowed again with the change that allows it, before this laptop
    // has taken that change in: its chunks are kept.
    storage.saveMany([{ key: ['restricted', 'incremental', 'b'], data: new Uint8Array([2]) }], { local: false })
    expect(rowsOf('restricted')).toBe(1)
    storage.withhold([])
    await storage.save(['restricted', 'incremental', 'c'], new Uint8Array([3]))
    expect(rowsOf('restricted')).toBe(2)
  })
})
