import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import type { DocumentId } from '@automerge/automerge-repo'
import * as Automerge from '@automerge/automerge'
import { afterEach, describe, expect, it } from 'vitest'
import { serverApi } from '../../src/main/core/sync/server-api'
import { allocate } from '../../src/shared/case/changes'
import { toPlain, toStored } from '../../src/shared/automerge/registers'
import { restrictions } from '../../src/shared/team/restrictions'
import type { TeamDoc } from '../../src/shared/team/team-doc'
import { markedPng } from '../support/fixtures'
import { AMINA, DEREK, JO, referral } from '../support/people'
import { rawClient } from '../support/raw-sync'
import { chunksOnDisk, eventually, type Laptop, syncAll, TestTeam } from '../support/sync-team'

const CLIENT = 'Zofia Wiśniewska'
const DEREK_ID = DEREK.id


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

  /** A raw client with this laptop's credential, caught up from nothing: what the server would send it. */
  async function caughtUpRaw(laptop: Laptop) {
    const { server, credential } = credentialOf(laptop)
    const raw = rawClient(server, credential)
    await raw.opened
    raw.hello()
    await eventually(() => raw.messages.some((message) => message.type === 'caught-up'), 10_000, 'the raw client caught up')
    return raw
  }

  /** B's laptop edits the team document's list of scanned documents, as only a hostile laptop would. */
  function editScans(b: Laptop, edit: (attachments: Record<string, unknown>) => void): void {
    b.workspace.repo.handles[b.workspace.teamDocumentId as DocumentId]!.change((doc) => edit((doc as TeamDoc & { attachments: Record<string, unknown> }).attachments))
  }

  it('B, not allowed, lists the restricted case and its scan as scans of another case: the server puts both back and sends B neither', async () => {
    const { manager, a, b, caseId, scan, other } = await threeLaptops()
    await serverApi.restrict(credentialOf(a).server, credentialOf(a).credential, { caseId, to: [AMINA.id] })
    await syncAll(b, a, manager)
    await eventually(() => !b.workspace.cases.list().some((entry) => entry.id === caseId), 10_000, 'B without the case')
    editScans(b, (attachments) => {
      attachments[caseId] = toStored({ caseId: other })
      attachments[scan] = toStored({ caseId: other })
    })
    await syncAll(b, b, manager)
    const raw = await caughtUpRaw(b)
    expect(raw.documents().has(caseId)).toBe(false)
    expect(raw.documents().has(scan)).toBe(false)
    raw.ws.close()
    // Every laptop comes back to the server's view: the scan is the restricted case's, the case no scan.
    await eventually(async () => {
      await manager.sync.syncOnce()
      const attachments = toPlain<Record<string, { caseId?: string }>>(manager.workspace.teamDoc().attachments as never)
      return attachments[scan]?.caseId === caseId && !(caseId in attachments)
    }, 10_000, 'the scan’s entry put back on the manager’s laptop')
  })

  it('B lists an unrestricted case as a scan of the restricted one: no laptop deletes it', async () => {
    const { manager, a, b, caseId, other } = await threeLaptops()
    await serverApi.restrict(credentialOf(a).server, credentialOf(a).credential, { caseId, to: [AMINA.id] })
    await syncAll(b, a, manager)
    editScans(b, (attachments) => {
      attachments[other] = toStored({ caseId })
    })
    await syncAll(b, manager, a, manager, a)
    for (const laptop of [manager, a]) {
      expect(laptop.workspace.cases.list().map((entry) => entry.id)).toContain(other)
      expect((await laptop.workspace.cases.read(other)).referral.clientName).toBe('Aoife Byrne')
    }
    expect(Object.keys(manager.workspace.teamDoc().attachments)).not.toContain(other)
  })

  it('B, not allowed, uploads a change making itself lead caseworker: kept on the server but sent to nobody, so B cannot clear the restriction; cleared by the manager, it goes out', async () => {
    const { manager, a, b, caseId } = await threeLaptops()
    const kept = Automerge.clone((await b.workspace.repo.find<unknown>(caseId as DocumentId)).doc() as Automerge.Doc<unknown>)
    await serverApi.restrict(credentialOf(a).server, credentialOf(a).credential, { caseId, to: [AMINA.id] })
    await syncAll(b, a, manager)
    const heads = Automerge.getHeads(kept)
    const lead = Automerge.change(kept, (doc) => {
      ;(doc as { allocation: { leadCaseworker: unknown } }).allocation.leadCaseworker = toStored({ id: JO.id, name: JO.name })
    })
    const raw = await caughtUpRaw(b)
    const ack = await raw.upload(caseId, Automerge.saveSince(lead, heads))
    expect(ack.refused).toBeUndefined()
    raw.ws.close()
    await expect(serverApi.restrict(credentialOf(b).server, credentialOf(b).credential, { caseId, to: null })).rejects.toMatchObject({ status: 403 })
    const again = await caughtUpRaw(b)
    expect(again.documents().has(caseId)).toBe(false)
    again.ws.close()
    await syncAll(a)
    expect((await a.workspace.cases.read(caseId)).allocation.leadCaseworker?.id).toBe(AMINA.id)

    // Cleared by a manager, what B sent is no longer held back: nothing typed is thrown away.
    await serverApi.restrict(credentialOf(manager).server, credentialOf(manager).credential, { caseId, to: null })
    await eventually(async () => {
      await a.sync.syncOnce()
      return (await a.workspace.cases.read(caseId)).allocation.leadCaseworker?.id === JO.id
    }, 15_000, 'B’s change on A’s laptop once the restriction is cleared')
  })
})
