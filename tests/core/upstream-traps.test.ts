import { join } from 'node:path'
import * as Automerge from '@automerge/automerge'
import { Repo } from '@automerge/automerge-repo'
import { describe, expect, it } from 'vitest'
import { openSqlite } from '../../src/node/sqlite'
import { SqliteStorageAdapter } from '../../src/main/core/storage/sqlite-adapter'
import { loadStoredDocument } from '../../src/main/core/storage/stored-documents'
import { tempDir } from '../support/temp-dir'

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

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
      await pause(250) // the repo's throttled save runs 100 ms after the unload
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

      expect(await loadStoredDocument(storage, handle.documentId)).toEqual({ name: 'kept', count: 2 })
      await pause(250)
      expect(await loadStoredDocument(storage, handle.documentId)).toEqual({ name: 'kept', count: 2 })
      expect(await loadStoredDocument(storage, 'unknown')).toBeUndefined()
    } finally {
      db.close()
      dir.remove()
    }
  })
})
