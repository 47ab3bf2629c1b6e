import { join } from 'node:path'
import * as Automerge from '@automerge/automerge'
import { Repo } from '@automerge/automerge-repo'
import type { StorageAdapterInterface } from '@automerge/automerge-repo'
import { describe, expect, it, vi } from 'vitest'
import { openSqlite } from '../../src/node/sqlite'
import { SqliteStorageAdapter } from '../../src/main/core/storage/sqlite-adapter'
import { loadStoredDocument } from '../../src/main/core/storage/stored-documents'
import { tempDir } from '../support/temp-dir'

/** The storage, with the keys of every write (save, remove) made through it. */
function recordingWrites(storage: StorageAdapterInterface): { storage: StorageAdapterInterface; writes: string[] } {
  const writes: string[] = []
  return {
    writes,
    storage: {
      load: (key) => storage.load(key),
      loadRange: (prefix) => storage.loadRange(prefix),
      save: (key, data) => (writes.push(`save ${key.join('/')}`), storage.save(key, data)),
      remove: (key) => (writes.push(`remove ${key.join('/')}`), storage.remove(key)),
      removeRange: (prefix) => (writes.push(`removeRange ${prefix.join('/')}`), storage.removeRange(prefix)),
    },
  }
}

/**
 * Known faults in the libraries Homeward depends on, pinned so that an upgrade that fixes one is
 * noticed (the test then fails and the workaround can go) and one that makes it worse is caught.
 */
describe('@automerge/automerge 3.5.0', () => {
  it('toJS on a draft inside a change drops the edits made before it in that change: the domain never calls it there', () => {
    const doc = Automerge.change(Automerge.from<{ a?: string; b?: string }>({}), (draft) => {
      draft.a = 'before toJS'
      Automerge.toJS(draft)
      draft.b = 'after toJS'
    })
    expect(doc).toEqual({ b: 'after toJS' })
  })
})

describe('automerge-repo 2.5.6', () => {
  it('removeFromCache saves an empty document over the real one (issue #435): the core never calls it', async () => {
    const dir = tempDir()
    const db = openSqlite(join(dir.path, 's.sqlite'))
    try {
      const storage = new SqliteStorageAdapter(db)
      const writer = new Repo({ storage, network: [] })
      const handle = writer.create<{ name?: string }>()
      handle.change((doc) => (doc.name = 'kept'))
      await writer.shutdown()

      const reader = new Repo({ storage, network: [] })
      await reader.find(handle.documentId)
      await reader.removeFromCache(handle.documentId)
      // The unload empties the handle, and the repo saves that on its save throttle (100 ms
      // later), after removeFromCache has returned; shutdown does not wait for it either. So wait
      // until the real document has gone from the disk, however long the machine takes.
      await expect
        .poll(async () => (await loadStoredDocument<{ name?: string }>(storage, handle.documentId))?.name, { timeout: 5_000, interval: 20 })
        .toBeUndefined()
      await reader.shutdown()

      const onDisk = await loadStoredDocument<{ name?: string }>(storage, handle.documentId)
      expect(onDisk?.name).toBeUndefined()
    } finally {
      db.close()
      dir.remove()
    }
  })

  it('reading a document straight from storage leaves it as it was', async () => {
    const dir = tempDir()
    const db = openSqlite(join(dir.path, 's.sqlite'))
    try {
      const storage = new SqliteStorageAdapter(db)
      const writer = new Repo({ storage, network: [] })
      const handle = writer.create<{ name?: string; count?: number }>()
      handle.change((doc) => (doc.name = 'kept'))
      handle.change((doc) => (doc.count = 2))
      await writer.shutdown()

      // Unlike the repo above, reading writes nothing, then or later: no write is made and no
      // timer is left to make one (timers are faked only while reading, so none is waited for).
      const recorded = recordingWrites(storage)
      vi.useFakeTimers()
      try {
        expect(await loadStoredDocument(recorded.storage, handle.documentId)).toEqual({ name: 'kept', count: 2 })
        expect(await loadStoredDocument(recorded.storage, 'unknown')).toBeUndefined()
        expect(vi.getTimerCount()).toBe(0)
      } finally {
        vi.useRealTimers()
      }
      expect(recorded.writes).toEqual([])
      expect(await loadStoredDocument(storage, handle.documentId)).toEqual({ name: 'kept', count: 2 })
    } finally {
      db.close()
      dir.remove()
    }
  })
})
