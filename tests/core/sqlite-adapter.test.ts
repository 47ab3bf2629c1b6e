import { afterEach, describe, expect, it } from 'vitest'
import { runStorageAdapterTests } from '@automerge/automerge-repo/helpers/tests/storage-adapter-tests.js'
import { openSqlite } from '../../src/node/sqlite'
import { ChangeJournal, SqliteStorageAdapter } from '../../src/main/core/storage/sqlite-adapter'
import { tempDir } from '../support/temp-dir'
import { join } from 'node:path'

runStorageAdapterTests(async () => {
  const dir = tempDir('adapter')
  const db = openSqlite(join(dir.path, 'store.sqlite'))
  return {
    adapter: new SqliteStorageAdapter(db),
    teardown: () => {
      db.close()
      dir.remove()
    },
  }
}, 'SQLite')

describe('SqliteStorageAdapter, beyond the acceptance suite', () => {
  const cleanups: (() => void)[] = []
  afterEach(() => cleanups.splice(0).forEach((cleanup) => cleanup()))

  function open(file: string, journal = false) {
    const db = openSqlite(file)
    cleanups.push(() => db.close())
    return { db, adapter: new SqliteStorageAdapter(db, journal ? { journal: new ChangeJournal(db) } : {}) }
  }

  it('matches key prefixes on whole segments only', async () => {
    const dir = tempDir()
    cleanups.push(dir.remove)
    const { adapter } = open(join(dir.path, 's.sqlite'))
    await adapter.save(['doc1', 'incremental', 'a'], new Uint8Array([1]))
    await adapter.save(['doc10', 'incremental', 'b'], new Uint8Array([2]))
    await adapter.save(['doc1'], new Uint8Array([3]))
    expect((await adapter.loadRange(['doc1'])).map((chunk) => chunk.key)).toEqual([
      ['doc1', 'incremental', 'a'],
      ['doc1'],
    ])
    await adapter.removeRange(['doc1'])
    expect((await adapter.loadRange([])).map((chunk) => chunk.key)).toEqual([['doc10', 'incremental', 'b']])
  })

  it('keys with quotes, commas and brackets stay separate', async () => {
    const dir = tempDir()
    cleanups.push(dir.remove)
    const { adapter } = open(join(dir.path, 's.sqlite'))
    await adapter.save(['a","b', 'x'], new Uint8Array([1]))
    await adapter.save(['a', 'b', 'x'], new Uint8Array([2]))
    expect((await adapter.loadRange(['a'])).map((chunk) => chunk.key)).toEqual([['a', 'b', 'x']])
    expect((await adapter.loadRange(['a","b'])).map((chunk) => chunk.key)).toEqual([['a","b', 'x']])
  })

  it('returns plain Uint8Arrays, not Buffers', async () => {
    const dir = tempDir()
    cleanups.push(dir.remove)
    const { adapter } = open(join(dir.path, 's.sqlite'))
    await adapter.save(['k'], new Uint8Array([9, 8, 7]))
    const loaded = await adapter.load(['k'])
    expect(loaded?.constructor).toBe(Uint8Array)
    expect((await adapter.loadRange(['k']))[0]?.data?.constructor).toBe(Uint8Array)
  })

  it('keeps data after the database is closed and reopened', async () => {
    const dir = tempDir()
    cleanups.push(dir.remove)
    const file = join(dir.path, 's.sqlite')
    const first = openSqlite(file)
    await new SqliteStorageAdapter(first).save(['doc', 'snapshot', 'h'], new Uint8Array([4, 2]))
    first.close()
    const { adapter } = open(file)
    expect(await adapter.load(['doc', 'snapshot', 'h'])).toEqual(new Uint8Array([4, 2]))
  })

  it('journals which documents changed, in the same write as the chunk', async () => {
    const dir = tempDir()
    cleanups.push(dir.remove)
    const { db, adapter } = open(join(dir.path, 's.sqlite'), true)
    await adapter.save(['docA', 'incremental', 'h1'], new Uint8Array([1]))
    await adapter.save(['docB', 'snapshot', 'h2'], new Uint8Array([1]))
    await adapter.save(['docC', 'sync-state', 'peer'], new Uint8Array([1]))
    await adapter.save(['storage-adapter-id'], new Uint8Array([1]))
    const journal = new ChangeJournal(db)
    expect(journal.pending().sort()).toEqual(['docA', 'docB'])
    journal.clearAll(['docA'], journal.mark())
    expect(journal.pending()).toEqual(['docB'])
  })

  it('keeps a document pending that was written again after the mark it is cleared at (changed while being indexed)', async () => {
    const dir = tempDir()
    cleanups.push(dir.remove)
    const { db } = open(join(dir.path, 's.sqlite'))
    const journal = new ChangeJournal(db)
    const adapter = new SqliteStorageAdapter(db, { journal })
    await adapter.save(['docA', 'incremental', 'h1'], new Uint8Array([1]))
    await adapter.save(['docB', 'incremental', 'h1'], new Uint8Array([1]))
    const mark = journal.mark()
    await adapter.save(['docA', 'incremental', 'h2'], new Uint8Array([2]))
    journal.clearAll(['docA', 'docB'], mark)
    expect(journal.pending()).toEqual(['docA'])
    journal.clearAll(['docA'], journal.mark())
    expect(journal.pending()).toEqual([])
  })
})
