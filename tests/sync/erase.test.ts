import { join } from 'node:path'
import type { DocumentId } from '@automerge/automerge-repo'
import { afterEach, describe, expect, it } from 'vitest'
import { serverApi } from '../../src/main/core/sync/server-api'
import { toStored } from '../../src/shared/automerge/registers'
import { isoDateOf } from '../../src/shared/dates'
import { erasures } from '../../src/shared/team/erasures'
import type { MonitoringReport } from '../../src/shared/reports/monitoring'
import type { TeamDoc } from '../../src/shared/team/team-doc'
import { markedPng } from '../support/fixtures'
import { AMINA, JO, referral } from '../support/people'
import { inAnyFile, rowsNaming } from '../support/on-disk'
import { eventually, SERVER_FILE, syncAll, TestTeam } from '../support/sync-team'

const CLIENT = 'Zofia Wiśniewska'
const CHAIN = '918273'

/** A report's figures and charts, each with its cases in one order (the erased case is read after the others). */
function figures(report: MonitoringReport) {
  // Not the equality answers: special category data, never kept in the anonymised record (counted as not asked).
  const kept = report.sections.filter((section) => !section.id.startsWith('equality-'))
  return [...kept.flatMap((section) => section.figures), ...report.closures, ...report.reconnections].map((figure) => ({ ...figure, caseIds: [...figure.caseIds].sort() }))
}

describe('erasing a case', () => {
  let team: TestTeam | undefined
  afterEach(async () => {
    await team?.cleanup()
    team = undefined
  })


  it('takes it from every laptop and the server, refuses it from a laptop that was offline, never sends it to one joining later, and keeps the report’s figures', async () => {
    team = await TestTeam.start()
    const manager = await team.create()
    const a = await team.join(AMINA)
    const b = await team.join(JO)
    const caseId = await manager.workspace.cases.create(referral({ clientName: CLIENT, chainNumber: CHAIN }))
    await manager.workspace.cases.addNote(caseId, { date: isoDateOf(new Date()), type: 'phone', text: 'Spoke with her sister in Leeds' })
    const scan = await manager.workspace.attachments.add(caseId, { fileName: 'id.png', bytes: markedPng('plain'), details: { type: 'identity', date: '2026-11-01', shareInPack: 'yes' } })
    const other = await manager.workspace.cases.create(referral({ clientName: 'Aoife Byrne', chainNumber: '555111', dateOfBirth: '1990-02-03' }))
    await syncAll(manager, a, b, manager, a, b)
    await eventually(() => b.workspace.cases.list().length === 2 && a.workspace.cases.list().length === 2, 10_000, 'both cases everywhere')
    // B reads the scan, as a pack does: its bytes are then kept beside its document too (`file-copies.ts`).
    await eventually(() => b.workspace.attachments.read(caseId, scan).then(() => true, () => false), 10_000, 'the scan on B')
    const today = isoDateOf(new Date())
    const range = { from: `${today.slice(0, 4)}-01-01`, to: today }
    const before = await manager.workspace.reports.monitoring(range)

    // B goes offline, and edits the case there.
    await team.closeLaptop(b)
    const bDir = b.dataDir
    expect(rowsNaming(join(bDir, 'homeward.sqlite'), 'SELECT COUNT(*) FROM file_copies WHERE document_id = ?', scan)).toBe(1)

    await manager.workspace.erasedCases.erase(caseId, 'The client asked to be forgotten', { waitMs: 5000 })
    await syncAll(a, manager)
    await eventually(async () => {
      await a.sync.syncOnce()
      return a.workspace.cases.list().map((c) => c.id).join() === other
    }, 10_000, 'the case gone from A’s list')
    expect(manager.workspace.cases.list().map((c) => c.id)).toEqual([other])
    expect(a.workspace.cases.search('Wiśniewska')).toEqual([])
    expect(a.workspace.cases.search(CHAIN)).toEqual([])

    // The erasure is the team's record: no name, the reason, who and when; and in the audit.
    const erased = manager.workspace.erasedCases.erased()
    expect(erased).toMatchObject([{ id: caseId, by: 'Derek Hall', reason: 'The client asked to be forgotten', kind: 'erased' }])
    expect(JSON.stringify(erased)).not.toContain('Wiśniewska')
    expect(manager.workspace.audit.ofCase(caseId).map((row) => row.action)).toContain('erased')

    // The period's figures are the same.
    const after = await manager.workspace.reports.monitoring(range)
    expect(figures(after)).toEqual(figures(before))

    // B comes back, having edited the case offline: its upload is refused, and it deletes its copy.
    const back = await team.open(JO, bDir)
    await back.workspace.cases.addNote(caseId, { date: today, type: 'phone', text: `${CLIENT} rang from Leeds` })
    await eventually(async () => {
      await back.sync.syncOnce()
      return !back.workspace.cases.list().some((c) => c.id === caseId)
    }, 15_000, 'the case gone from B’s laptop')
    await syncAll(back, manager)

    // A laptop joining later never receives it.
    const c = await team.join({ id: 'member-sam', name: 'Sam Reid', role: 'caseworker' })
    await syncAll(c, c)
    await eventually(() => c.workspace.cases.list().length === 1, 10_000, 'the other case on the new laptop')
    expect(c.workspace.cases.list().map((entry) => entry.id)).toEqual([other])

    // Byte by byte: the client's name and CHAIN number are in no file of any laptop, nor of the server;
    // no storage table names the case or its scan.
    for (const laptop of [manager, a, back, c]) await team.closeLaptop(laptop)
    for (const laptop of [manager, a, back, c]) {
      // (The search index keeps words in lower case.)
      for (const text of [CLIENT, CLIENT.toLowerCase(), CHAIN]) expect(inAnyFile(laptop.dataDir, text)).toEqual([])
      for (const id of [caseId, scan]) {
        expect(rowsNaming(join(laptop.dataDir, 'homeward.sqlite'), 'SELECT COUNT(*) FROM automerge_chunks WHERE key LIKE \'["\' || ? || \'"%\'', id)).toBe(0)
        expect(rowsNaming(join(laptop.dataDir, 'homeward.sqlite'), 'SELECT COUNT(*) FROM sync_outbox WHERE document_id = ?', id)).toBe(0)
        expect(rowsNaming(join(laptop.dataDir, 'homeward.sqlite'), 'SELECT COUNT(*) FROM file_copies WHERE document_id = ?', id)).toBe(0)
      }
    }
    await team.server.close()
    expect(inAnyFile(team.serverDir, CLIENT)).toEqual([])
    expect(inAnyFile(team.serverDir, CHAIN)).toEqual([])
    for (const id of [caseId, scan]) expect(rowsNaming(join(team.serverDir, SERVER_FILE), 'SELECT COUNT(*) FROM chunks WHERE document_id = ?', id)).toBe(0)
    await team.restartServer()
  })

  it('a caseworker cannot erase (403), and a forged erasure in the team document is put back by the server', async () => {
    team = await TestTeam.start()
    const manager = await team.create()
    const b = await team.join(JO)
    const caseId = await manager.workspace.cases.create(referral({ clientName: CLIENT, chainNumber: CHAIN }))
    await syncAll(manager, b, manager, b)
    await eventually(() => b.workspace.cases.list().length === 1, 10_000, 'the case on B’s laptop')
    const { server, credential } = b.workspace.membership.get()!
    await expect(serverApi.erase(server, credential, { caseId, reason: 'No reason' })).rejects.toMatchObject({ status: 403 })
    await expect(b.workspace.erasedCases.erase(caseId, 'No reason')).rejects.toThrow('Only a team manager can erase a case')

    // B writes an erasure into the team document itself.
    const handle = b.workspace.repo.handles[b.workspace.teamDocumentId as DocumentId]!
    handle.change((doc) => {
      const forged = doc as TeamDoc & { erased?: Record<string, unknown> }
      forged.erased = { [caseId]: toStored({ by: JO.id, at: '2026-11-01T00:00:00.000Z', reason: 'forged', kind: 'erased', documents: [caseId], record: { phase: 'identify', status: 'open', receivedOn: '2026-11-01', referralStatus: 'received', expenses: [] } }) }
    })
    await eventually(async () => {
      await b.sync.syncOnce()
      return !(caseId in erasures(b.workspace.teamDoc()))
    }, 10_000, 'the server’s correction on B’s laptop')
    await syncAll(manager)
    expect(erasures(manager.workspace.teamDoc())).toEqual({})
    expect(manager.workspace.cases.list().map((c) => c.id)).toEqual([caseId])
    const read = await manager.workspace.cases.read(caseId)
    expect(read.referral.clientName).toBe(CLIENT)
  })
})
