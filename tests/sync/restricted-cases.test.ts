import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import type { DocumentId } from '@automerge/automerge-repo'
import { afterEach, describe, expect, it } from 'vitest'
import { openEncrypted } from '../support/passphrase'
import { serverApi } from '../../src/main/core/sync/server-api'
import { allocate } from '../../src/shared/case/changes'
import { toStored } from '../../src/shared/automerge/registers'
import { restrictions } from '../../src/shared/team/restrictions'
import type { TeamDoc } from '../../src/shared/team/team-doc'
import { markedPng } from '../support/fixtures'
import { AMINA, DEREK, JO, referral } from '../support/people'
import { rawClient } from '../support/raw-sync'
import { eventually, TestTeam, type Laptop } from '../support/sync-team'

const CLIENT = 'Zofia Wiśniewska'
const DEREK_ID = DEREK.id

/** The chunks a laptop's homeward.sqlite holds for a document: on disk, not only hidden. */
function chunksOnDisk(laptop: Laptop, documentId: string): number {
  const db = openEncrypted(join(laptop.dataDir, 'homeward.sqlite'), { readonly: true, timeout: 5000 })
  try {
    return (db.prepare("SELECT COUNT(*) FROM automerge_chunks WHERE key LIKE ?").pluck().get(`["${documentId}"%`) as number)
  } finally {
    db.close()
  }
}

/** Whether the client's name is anywhere in the laptop's files' raw bytes (the database and its log). */
function nameInFiles(laptop: Laptop, name: string): boolean {
  return ['homeward.sqlite', 'homeward.sqlite-wal', 'index.sqlite', 'index.sqlite-wal'].some((file) => {
    try {
      return readFileSync(join(laptop.dataDir, file)).includes(Buffer.from(name))
    } catch {
      return false
    }
  })
}

async function syncAll(...laptops: Laptop[]): Promise<void> {
  for (const laptop of laptops) await laptop.sync.syncOnce()
}

describe('a restricted case reaches only the laptops of the people it is restricted to', () => {
  let team: TestTeam | undefined
  afterEach(async () => {
    await team?.cleanup()
    team = undefined
  })

  /** A manager, caseworker A (the case's lead caseworker) and caseworker B, each on a laptop, with the case and a scan of it everywhere. */
  async function threeLaptops() {
    team = await TestTeam.start()
    const manager = await team.create()
    const a = await team.join(AMINA)
    const b = await team.join(JO)
    const caseId = await manager.workspace.cases.create(referral({ clientName: CLIENT, chainNumber: '918273' }))
    await manager.workspace.cases.change(caseId, (doc, context) => allocate(doc, { id: AMINA.id, name: AMINA.name }, context.today, context))
    const scan = await manager.workspace.attachments.add(caseId, { fileName: 'id.png', bytes: markedPng('plain'), details: { type: 'identity', date: '2026-11-01', shareInPack: 'yes' } })
    const other = await manager.workspace.cases.create(referral({ clientName: 'Aoife Byrne', chainNumber: '555111', dateOfBirth: '1990-02-03' }))
    await syncAll(manager, a, b, manager, a, b)
    await eventually(() => b.workspace.cases.list().length === 2, 10_000, 'B to hold both cases')
    await expect(b.workspace.attachments.read(caseId, scan)).resolves.toMatchObject({ fileName: 'id.png' })
    return { team, manager, a, b, caseId, scan, other }
  }

  const credentialOf = (laptop: Laptop) => laptop.workspace.membership.get()!

  it('A restricts the case to A and the manager: B’s laptop deletes it and its scan, and lists, search and the board there show nothing of it; clearing brings it back', async () => {
    const { team, manager, a, b: bBefore, caseId, scan, other } = await threeLaptops()
    let b = bBefore
    const { server, credential } = credentialOf(a)
    await expect(serverApi.restrict(server, credential, { caseId, to: [DEREK_ID] })).resolves.toEqual({ caseId, to: [AMINA.id, DEREK_ID].sort() })
    await syncAll(b, a, manager)
    await eventually(() => b.workspace.cases.list().map((entry) => entry.id).join() === other, 10_000, 'B’s list without the case')
    expect(b.workspace.cases.search('Wiśniewska')).toEqual([])
    expect(b.workspace.cases.search('918273')).toEqual([])
    expect(JSON.stringify(b.workspace.cases.board())).not.toContain(caseId)
    // On disk: no chunk of the case or its scan, and the client's name nowhere in B's files.
    await team.closeLaptop(b)
    expect(chunksOnDisk(b, caseId)).toBe(0)
    expect(chunksOnDisk(b, scan)).toBe(0)
    expect(nameInFiles(b, CLIENT)).toBe(false)
    b = await team.open(JO, b.dataDir)

    // The allowed laptops keep it, and see whom it is restricted to.
    for (const allowed of [a, manager]) {
      expect(allowed.workspace.cases.list().map((entry) => entry.id)).toContain(caseId)
      await expect(allowed.workspace.attachments.read(caseId, scan)).resolves.toMatchObject({ fileName: 'id.png' })
      expect(restrictions(allowed.workspace.teamDoc())[caseId]?.to).toEqual([AMINA.id, DEREK_ID].sort())
    }

    // A change A makes now never reaches B.
    await a.workspace.cases.addNote(caseId, { date: '2026-11-20', type: 'phone', text: 'Seen at the day centre' })
    await syncAll(a, b)
    expect(b.workspace.cases.list().map((entry) => entry.id)).toEqual([other])

    // Cleared (by the manager): B receives the whole case again, and its scan.
    await serverApi.restrict(manager.workspace.membership.get()!.server, credentialOf(manager).credential, { caseId, to: null })
    await syncAll(manager, b)
    await eventually(async () => {
      await b.sync.syncOnce()
      return b.workspace.cases.list().some((entry) => entry.id === caseId)
    }, 15_000, 'the case back on B’s laptop')
    const back = await b.workspace.cases.read(caseId)
    expect(back.referral.clientName).toBe(CLIENT)
    expect(back.notes.map((note) => note.text)).toEqual(['Seen at the day centre'])
    await expect(b.workspace.attachments.read(caseId, scan)).resolves.toMatchObject({ fileName: 'id.png' })
  })

  it('B cannot restrict the case (403), and a raw client with B’s credential catching up is sent nothing of it', async () => {
    const { a, b, caseId, scan } = await threeLaptops()
    const bMember = credentialOf(b)
    await expect(serverApi.restrict(bMember.server, bMember.credential, { caseId, to: [JO.id] })).rejects.toMatchObject({ status: 403 })
    await serverApi.restrict(credentialOf(a).server, credentialOf(a).credential, { caseId, to: [AMINA.id] })
    const raw = rawClient(bMember.server, bMember.credential)
    await raw.opened
    raw.hello()
    await eventually(() => raw.messages.some((message) => message.type === 'caught-up'), 10_000, 'the raw client caught up')
    expect(raw.documents().has(caseId)).toBe(false)
    expect(raw.documents().has(scan)).toBe(false)
    // A raw client with A's credential is sent both.
    const rawA = rawClient(bMember.server, credentialOf(a).credential)
    await rawA.opened
    rawA.hello()
    await eventually(() => rawA.messages.some((message) => message.type === 'caught-up'), 10_000, 'A’s raw client caught up')
    expect(rawA.documents().has(caseId) && rawA.documents().has(scan)).toBe(true)
    raw.ws.close()
    rawA.ws.close()
  })

  it('a laptop’s own change to the restrictions is put back by the server', async () => {
    const { team, manager, b, caseId } = await threeLaptops()
    await serverApi.restrict(credentialOf(manager).server, credentialOf(manager).credential, { caseId, to: [AMINA.id] })
    await syncAll(manager)
    await eventually(async () => {
      await manager.sync.syncOnce()
      return caseId in restrictions(manager.workspace.teamDoc())
    }, 10_000, 'the restriction on the manager’s laptop')
    const handle = manager.workspace.repo.handles[manager.workspace.teamDocumentId as DocumentId]!
    handle.change((doc) => {
      const team = doc as TeamDoc & { restricted: Record<string, unknown> }
      team.restricted[caseId] = toStored({ to: [DEREK_ID, JO.id], by: DEREK_ID, at: '2026-11-01T00:00:00.000Z' })
    })
    await eventually(async () => {
      await manager.sync.syncOnce()
      return restrictions(manager.workspace.teamDoc())[caseId]?.to.join() === [AMINA.id, DEREK_ID].sort().join()
    }, 10_000, 'the server’s restriction back')
    await syncAll(b)
    expect(b.workspace.cases.list().map((entry) => entry.id)).not.toContain(caseId)
    await team.closeLaptop(b)
    expect(chunksOnDisk(b, caseId)).toBe(0)
  })
})
