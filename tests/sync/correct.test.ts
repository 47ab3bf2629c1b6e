import { join } from 'node:path'
import * as Automerge from '@automerge/automerge'
import type { DocumentId } from '@automerge/automerge-repo'
import { afterEach, describe, expect, it } from 'vitest'
import { serverApi } from '../../src/main/core/sync/server-api'
import * as change from '../../src/shared/case/changes'
import { isoDateOf } from '../../src/shared/dates'
import { corrections } from '../../src/shared/team/corrections'
import { AMINA, JO, referral } from '../support/people'
import { openEncrypted } from '../support/passphrase'
import { inAnyFile } from '../support/on-disk'
import { eventually, SERVER_FILE, syncAll, TestTeam } from '../support/sync-team'

const WRONG = '918273'
const RIGHT = '918237'

/** Every row of every table of an encrypted SQLite file, decrypted, as text: the tables that hold the text. */
function tablesHolding(file: string, text: string): string[] {
  const db = openEncrypted(file, { readonly: true, timeout: 5000 })
  try {
    const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").pluck().all() as string[]
    return tables.filter((table) =>
      (db.prepare(`SELECT * FROM "${table}"`).all() as Record<string, unknown>[]).some((row) =>
        Object.values(row).some((value) => (value instanceof Uint8Array ? Buffer.from(value).includes(text) : String(value).includes(text))),
      ),
    )
  } finally {
    db.close()
  }
}

/**
 * The documents whose whole history, loaded from an encrypted store's rows, holds the text (an
 * Automerge chunk's columns may be compressed, so its bytes are not searched as they are).
 */
function documentsHolding(file: string, query: string, text: string): string[] {
  const db = openEncrypted(file, { readonly: true, timeout: 5000 })
  try {
    const rows = db.prepare(query).all() as { id: string; data: Uint8Array }[]
    const ids = [...new Set(rows.map((row) => row.id))]
    return ids.filter((id) => {
      let doc = Automerge.init<unknown>()
      for (const row of rows) if (row.id === id) doc = Automerge.loadIncremental(doc, row.data)
      return historyText(doc).includes(text)
    })
  } finally {
    db.close()
  }
}

const LAPTOP_DOCUMENTS = "SELECT json_extract(key, '$[0]') AS id, data FROM automerge_chunks WHERE data IS NOT NULL AND json_extract(key, '$[1]') IN ('snapshot', 'incremental')"
const SERVER_DOCUMENTS = 'SELECT document_id AS id, data FROM chunks'

function count(file: string, query: string, documentId: string): number {
  const db = openEncrypted(file, { readonly: true, timeout: 5000 })
  try {
    return db.prepare(query).pluck().get(documentId) as number
  } finally {
    db.close()
  }
}

/** A document's whole history as text: each change decoded (its bytes may be compressed), and its saved bytes. */
function historyText(doc: Automerge.Doc<unknown>): string {
  const changes = Automerge.getAllChanges(doc)
  return [...changes.map((change) => JSON.stringify(Automerge.decodeChange(change).ops)), Buffer.from(Automerge.save(doc)).toString('latin1')].join('\n')
}

describe('correcting a value so that the old one is gone from the history', () => {
  let team: TestTeam | undefined
  afterEach(async () => {
    await team?.cleanup()
    team = undefined
  })


  it('rebuilds the case without it on the server and every laptop, and keeps an offline laptop’s later edit', async () => {
    team = await TestTeam.start()
    const manager = await team.create()
    const b = await team.join(AMINA)
    const caseId = await manager.workspace.cases.create(referral({ clientName: 'Zofia Wiśniewska', chainNumber: WRONG }))
    await syncAll(manager, b, manager, b)
    await eventually(() => b.workspace.cases.list().length === 1, 10_000, 'the case on B’s laptop')

    // B goes offline, and adds a note there.
    await team.closeLaptop(b)
    const offline = await team.open(AMINA, b.dataDir)
    const today = isoDateOf(new Date())
    await offline.workspace.cases.addNote(caseId, { date: today, type: 'phone', text: 'Rang her sister in Leeds' })

    const newId = await manager.workspace.correctedCases.correct(caseId, 'referral.chainNumber', RIGHT)
    expect(newId).not.toBe(caseId)
    await eventually(async () => {
      await manager.sync.syncOnce()
      return manager.workspace.cases.list().map((c) => c.id).join() === newId
    }, 10_000, 'the new document listed in the old one’s place')
    expect((await manager.workspace.cases.read(newId)).referral.chainNumber).toBe(RIGHT)
    expect(manager.workspace.cases.search(WRONG)).toEqual([])
    // The team's record: which case became which, by whom, the field; never a value.
    const record = corrections(manager.workspace.teamDoc())[caseId]
    expect(record).toMatchObject({ replacedBy: newId, by: 'member-derek', field: 'referral.chainNumber' })
    expect(JSON.stringify(record)).not.toContain(WRONG)
    // The manager's laptop lets go of the old copy (after the new one is listed, on its own turn):
    // a window on it is told which changes it held, as the window asks, once followed.
    expect(await manager.workspace.correctedCases.followedCorrectionOf(caseId)).toEqual({
      replacedBy: newId,
      followed: { replacedBy: newId, held: expect.arrayContaining(record!.heads), field: 'referral.chainNumber' },
    })
    expect(manager.workspace.correctedCases.correctionOf(newId)).toMatchObject({ field: 'referral.chainNumber' })

    // B comes back online: its note is replayed onto the new document, and its old copy deleted.
    await eventually(async () => {
      await offline.sync.syncOnce()
      return offline.workspace.cases.list().map((c) => c.id).join() === newId
    }, 15_000, 'B following the correction')
    await eventually(async () => {
      await syncAll(offline, manager)
      return (await manager.workspace.cases.read(newId)).notes.some((note) => note.text === 'Rang her sister in Leeds')
    }, 15_000, 'B’s note on the manager’s laptop')
    const onB = await offline.workspace.cases.read(newId)
    expect(onB.referral.chainNumber).toBe(RIGHT)
    expect(onB.notes.map((note) => note.text)).toEqual(['Rang her sister in Leeds'])

    // The new document's history has no trace of the old value, on either laptop.
    for (const laptop of [manager, offline]) {
      const doc = (await laptop.workspace.cases.open(newId)).doc()
      expect(historyText(doc)).toContain(RIGHT)
      expect(historyText(doc)).not.toContain(WRONG)
    }

    // No file, and no decrypted row, of either laptop or the server holds it; no table names the old document.
    for (const laptop of [manager, offline]) await team.closeLaptop(laptop)
    for (const laptop of [manager, offline]) {
      expect(inAnyFile(laptop.dataDir, WRONG)).toEqual([])
      // Every document's whole history, loaded from the rows: the right value, and nowhere the wrong one.
      expect(documentsHolding(join(laptop.dataDir, 'homeward.sqlite'), LAPTOP_DOCUMENTS, RIGHT)).toEqual([newId])
      expect(documentsHolding(join(laptop.dataDir, 'homeward.sqlite'), LAPTOP_DOCUMENTS, WRONG)).toEqual([])
      for (const file of ['homeward.sqlite', 'index.sqlite']) expect(tablesHolding(join(laptop.dataDir, file), WRONG)).toEqual([])
      const store = join(laptop.dataDir, 'homeward.sqlite')
      expect(count(store, 'SELECT COUNT(*) FROM automerge_chunks WHERE key LIKE \'["\' || ? || \'"%\'', caseId)).toBe(0)
      expect(count(store, 'SELECT COUNT(*) FROM sync_outbox WHERE document_id = ?', caseId)).toBe(0)
    }
    await team.server.close()
    expect(inAnyFile(team.serverDir, WRONG)).toEqual([])
    expect(documentsHolding(join(team.serverDir, SERVER_FILE), SERVER_DOCUMENTS, RIGHT)).toEqual([newId])
    expect(documentsHolding(join(team.serverDir, SERVER_FILE), SERVER_DOCUMENTS, WRONG)).toEqual([])
    expect(tablesHolding(join(team.serverDir, SERVER_FILE), WRONG)).toEqual([])
    expect(count(join(team.serverDir, SERVER_FILE), 'SELECT COUNT(*) FROM chunks WHERE document_id = ?', caseId)).toBe(0)
    await team.restartServer()
  })

  it('keeps the later edits of a laptop that was behind the correction, each once, and no trace of the old value', async () => {
    team = await TestTeam.start()
    const manager = await team.create()
    const b = await team.join(AMINA)
    const caseId = await manager.workspace.cases.create(referral({ clientName: 'Zofia Wiśniewska', chainNumber: WRONG }))
    await syncAll(manager, b, manager, b)
    await eventually(() => b.workspace.cases.list().length === 1, 10_000, 'the case on B’s laptop')
    await team.closeLaptop(b)
    const offline = await team.open(AMINA, b.dataDir)
    const today = isoDateOf(new Date())

    // While B is offline the manager adds a note, then corrects: the correction's heads hold a change B never had.
    await manager.workspace.cases.addNote(caseId, { date: today, type: 'phone', text: 'Housing Options rang back' })
    await syncAll(manager)
    const newId = await manager.workspace.correctedCases.correct(caseId, 'referral.chainNumber', RIGHT)
    await eventually(async () => {
      await manager.sync.syncOnce()
      return manager.workspace.cases.list().map((c) => c.id).join() === newId
    }, 10_000, 'the new document listed in the old one’s place')

    // B, still offline and behind, adds a note and fills in another field.
    await offline.workspace.cases.addNote(caseId, { date: today, type: 'face-to-face', text: 'Rang her sister in Leeds' })
    await offline.workspace.cases.change(caseId, (doc, context) => change.updateSection(doc, 'plan', { earlyContactOutcome: 'Train to Leeds on Monday' }, context))

    // B comes back: its note and its field are on the new document, on both laptops and the server.
    await eventually(async () => {
      await offline.sync.syncOnce()
      return offline.workspace.cases.list().map((c) => c.id).join() === newId
    }, 15_000, 'B following the correction')
    await eventually(async () => {
      await syncAll(offline, manager)
      return (await manager.workspace.cases.read(newId)).notes.some((note) => note.text === 'Rang her sister in Leeds')
    }, 15_000, 'B’s note on the manager’s laptop')
    for (const laptop of [manager, offline]) {
      const record = await laptop.workspace.cases.read(newId)
      expect(record.referral.chainNumber).toBe(RIGHT)
      expect(record.plan.earlyContactOutcome).toBe('Train to Leeds on Monday')
      // Each note once: B's replayed, the manager's not replayed a second time.
      expect(record.notes.map((note) => note.text).sort()).toEqual(['Housing Options rang back', 'Rang her sister in Leeds'])
    }

    for (const laptop of [manager, offline]) await team.closeLaptop(laptop)
    for (const laptop of [manager, offline]) {
      expect(inAnyFile(laptop.dataDir, WRONG)).toEqual([])
      const store = join(laptop.dataDir, 'homeward.sqlite')
      expect(documentsHolding(store, LAPTOP_DOCUMENTS, 'Rang her sister in Leeds')).toEqual([newId])
      expect(documentsHolding(store, LAPTOP_DOCUMENTS, 'Train to Leeds on Monday')).toEqual([newId])
      expect(documentsHolding(store, LAPTOP_DOCUMENTS, WRONG)).toEqual([])
      for (const file of ['homeward.sqlite', 'index.sqlite']) expect(tablesHolding(join(laptop.dataDir, file), WRONG)).toEqual([])
      expect(count(store, 'SELECT COUNT(*) FROM automerge_chunks WHERE key LIKE \'["\' || ? || \'"%\'', caseId)).toBe(0)
      // Its own changes to the old document, kept while they were unstored, went with it.
      expect(count(store, 'SELECT COUNT(*) FROM sync_outbox_changes WHERE document_id = ?', caseId)).toBe(0)
    }
    await team.server.close()
    const server = join(team.serverDir, SERVER_FILE)
    expect(inAnyFile(team.serverDir, WRONG)).toEqual([])
    expect(documentsHolding(server, SERVER_DOCUMENTS, 'Rang her sister in Leeds')).toEqual([newId])
    expect(documentsHolding(server, SERVER_DOCUMENTS, 'Train to Leeds on Monday')).toEqual([newId])
    expect(documentsHolding(server, SERVER_DOCUMENTS, WRONG)).toEqual([])
    await team.restartServer()
  })

  it('is refused to a caseworker who is not the case’s lead, by the laptop and by the server', async () => {
    team = await TestTeam.start()
    const manager = await team.create()
    const b = await team.join(JO)
    const caseId = await manager.workspace.cases.create(referral({ chainNumber: WRONG }))
    await syncAll(manager, b, manager, b)
    await eventually(() => b.workspace.cases.list().length === 1, 10_000, 'the case on B’s laptop')
    await expect(b.workspace.correctedCases.correct(caseId, 'referral.chainNumber', RIGHT)).rejects.toThrow('Only the case’s lead caseworker or a manager')
    const { server, credential } = b.workspace.membership.get()!
    await expect(serverApi.correct(server, credential, { caseId, field: 'referral.chainNumber', value: RIGHT })).rejects.toMatchObject({ status: 403 })
    await syncAll(manager)
    expect(manager.workspace.cases.list().map((c) => c.id)).toEqual([caseId])
    expect(b.workspace.repo.handles[caseId as DocumentId]).toBeDefined()
  })
})
