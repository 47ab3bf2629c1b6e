import { randomUUID } from 'node:crypto'
import { join } from 'node:path'
import * as Automerge from '@automerge/automerge'
import { Repo, type Chunk, type StorageKey } from '@automerge/automerge-repo'
import { afterEach, describe, expect, it } from 'vitest'
import { CaseIndex } from '../../src/main/core/index/case-index'
import { CaseIndexer } from '../../src/main/core/index/indexer'
import { openSqlite } from '../../src/node/sqlite'
import { ChangeJournal, SqliteStorageAdapter } from '../../src/main/core/storage/sqlite-adapter'
import { newCaseDoc, type CaseDoc } from '../../src/shared/case/case-doc'
import { updateSection, type ChangeContext } from '../../src/shared/case/changes'
import { DEREK, referral } from '../support/people'
import { tempDir } from '../support/temp-dir'

const CONTEXT: ChangeContext = { author: { id: DEREK.id, name: DEREK.name }, role: 'caseworker', now: new Date('2026-11-23T10:00:00Z'), today: '2026-11-23' }

/** Storage where a chunk from the server lands just as the indexer reads the document. */
class StorageWithArrival extends SqliteStorageAdapter {
  arriving?: { id: string; data: Uint8Array }

  override async loadRange(prefix: StorageKey): Promise<Chunk[]> {
    const chunks = await super.loadRange(prefix)
    const arriving = this.arriving
    if (arriving && prefix[0] === arriving.id) {
      this.arriving = undefined
      this.saveMany([{ key: [arriving.id, 'incremental', 'late'], data: arriving.data }], { local: false })
    }
    return chunks
  }
}

describe('the case indexer', () => {
  const cleanup: (() => void | Promise<void>)[] = []
  afterEach(async () => {
    for (const done of cleanup.splice(0).reverse()) await done()
  })

  it('indexes again a case that changed while its batch was being read, not leaving the index behind', async () => {
    const dir = tempDir()
    const db = openSqlite(join(dir.path, 'store.sqlite'))
    const index = CaseIndex.open(join(dir.path, 'index.sqlite'))
    const journal = new ChangeJournal(db)
    const storage = new StorageWithArrival(db, { journal })
    const repo = new Repo({ storage, network: [] })
    cleanup.push(
      () => dir.remove(),
      () => void db.close(),
      () => index.close(),
      () => repo.shutdown(),
    )

    const id = randomUUID()
    let doc = Automerge.from(newCaseDoc(referral({ clientName: 'Before Rename' }) as never, { id, author: CONTEXT.author, now: CONTEXT.now, today: '2026-11-02' }))
    storage.saveMany([{ key: [id, 'snapshot', 'first'], data: Automerge.save(doc) }], { local: false })
    const before = Automerge.getHeads(doc)
    doc = Automerge.change(doc, (d: CaseDoc) => updateSection(d, 'referral', { clientName: 'After Rename' }, CONTEXT))
    storage.arriving = { id, data: Automerge.saveSince(doc, before) }

    const indexer = new CaseIndexer(repo, storage, journal, index, () => [id])
    await indexer.indexPending()
    expect(index.list().map((c) => c.clientName)).toEqual(['Before Rename'])
    expect(journal.pending()).toEqual([id])

    await indexer.indexPending()
    expect(index.list().map((c) => c.clientName)).toEqual(['After Rename'])
    expect(journal.pending()).toEqual([])
  })
})
