import { join } from 'node:path'
import * as Automerge from '@automerge/automerge'
import { openEncrypted } from '../support/passphrase'
import { afterEach, describe, expect, it } from 'vitest'
import { markedPng } from '../support/fixtures'
import { serverApi } from '../../src/main/core/sync/server-api'
import { AMINA, JO, referral } from '../support/people'
import { eventually, SERVER_FILE, TestTeam } from '../support/sync-team'

describe('a team syncing through its server', () => {
  let team: TestTeam | undefined
  afterEach(async () => {
    await team?.cleanup()
    team = undefined
  })

  it('brings the cases on the manager’s laptop to a laptop that joins, and each change back', async () => {
    team = await TestTeam.start()
    const manager = await team.create()
    const before = await manager.workspace.cases.create(referral())
    expect(await manager.sync.syncOnce()).toMatchObject({ received: 0 })
    expect(manager.workspace.membership.outbox.size()).toBe(0)

    const caseworker = await team.join(AMINA)
    const result = await caseworker.sync.syncOnce()
    expect(result.received).toBeGreaterThan(0)
    expect(caseworker.workspace.cases.list().map((entry) => entry.id)).toEqual([before])
    expect((await caseworker.workspace.cases.read(before)).referral.clientName).toBe('Łukasz Wiśniewski')

    manager.sync.start()
    caseworker.sync.start()
    await eventually(() => manager.sync.status().state === 'connected' && caseworker.sync.status().state === 'connected')
    await caseworker.workspace.cases.addNote(before, { date: '2026-11-23', type: 'face-to-face', text: 'Met at the day centre.' })
    await eventually(async () => (await manager.workspace.cases.read(before)).notes.length === 1, 10_000, 'the note to reach the manager')
    await eventually(() => manager.workspace.cases.search('day centre').length === 1, 10_000, 'the note to be searchable')

    const made = await manager.workspace.cases.create(referral({ clientName: 'Aoife Byrne', chainNumber: '555111', dateOfBirth: '1990-02-03' }))
    await eventually(() => caseworker.workspace.cases.list().some((entry) => entry.id === made), 10_000, 'the new case to reach the caseworker')
    await eventually(() => caseworker.sync.status().pending === 0, 10_000, 'nothing left to send')
    expect(caseworker.sync.status()).toMatchObject({ state: 'connected', team: 'Safe Connections North', deviceName: expect.stringContaining('Amina Okafor') })
  })

  it('gets back what a server restored from an old backup lost, from the laptops that have it', async () => {
    team = await TestTeam.start()
    const manager = await team.create()
    const early = await manager.workspace.cases.create(referral())
    await manager.sync.syncOnce()
    const backup = await team.backUpServer()

    const late = await manager.workspace.cases.create(referral({ clientName: 'Aoife Byrne', chainNumber: '555111', dateOfBirth: '1990-02-03' }))
    await manager.workspace.cases.addNote(early, { date: '2026-11-23', type: 'phone', text: 'After the backup.' })
    await manager.sync.syncOnce()

    // The server's disk fails; it is restored from the backup.
    await team.restoreServer(backup)
    await manager.sync.syncOnce()

    const fresh = await team.join(AMINA)
    await fresh.sync.syncOnce()
    expect(fresh.workspace.cases.list().map((entry) => entry.id).sort()).toEqual([early, late].sort())
    expect((await fresh.workspace.cases.read(early)).notes.map((note) => note.text)).toEqual(['After the backup.'])
  })

  it('sees through a restored server’s new numbering: a laptop back later misses nothing, and gives back what it had', async () => {
    team = await TestTeam.start()
    const manager = await team.create()
    const shared = await manager.workspace.cases.create(referral())
    await manager.sync.syncOnce()
    const caseworker = await team.join(AMINA)
    await caseworker.sync.syncOnce()
    await manager.sync.syncOnce()
    const backup = await team.backUpServer()

    // After the backup, only the caseworker syncs: her numbers go beyond the backup's.
    await caseworker.workspace.cases.addNote(shared, { date: '2026-11-23', type: 'phone', text: 'Before the disk failed.' })
    await caseworker.sync.syncOnce()

    // Restored; the manager comes first, with nothing beyond the backup, and sends more than she did.
    await team.restoreServer(backup)
    await manager.workspace.cases.addNote(shared, { date: '2026-11-23', type: 'face-to-face', text: 'After the restore.' })
    const made = await manager.workspace.cases.create(referral({ clientName: 'Aoife Byrne', chainNumber: '555111', dateOfBirth: '1990-02-03' }))
    await manager.workspace.cases.addNote(made, { date: '2026-11-23', type: 'phone', text: 'Rang her sister.' })
    await manager.sync.syncOnce()

    // The same numbers now name other chunks: she is sent everything, and sends back her note.
    await caseworker.sync.syncOnce()
    expect((await caseworker.workspace.cases.read(shared)).notes.map((note) => note.text).sort()).toEqual(['After the restore.', 'Before the disk failed.'])
    expect((await caseworker.workspace.cases.read(made)).notes.map((note) => note.text)).toEqual(['Rang her sister.'])
    await manager.sync.syncOnce()
    expect((await manager.workspace.cases.read(shared)).notes.map((note) => note.text).sort()).toEqual(['After the restore.', 'Before the disk failed.'])
  })

  it('keeps a scan taken off a case until a manager takes it out of the team; then the server deletes it, keeping the case', async () => {
    team = await TestTeam.start()
    const manager = await team.create()
    const caseId = await manager.workspace.cases.create(referral())
    const scan = await manager.workspace.attachments.add(caseId, { fileName: 'wrong-person.png', bytes: markedPng('plain'), details: { type: 'identity', date: '2026-11-01', shareInPack: 'no' } })
    await manager.sync.syncOnce()
    const chunksOf = (documentId: string) => {
      const db = openEncrypted(join(team!.serverDir, SERVER_FILE), { readonly: true })
      try {
        return db.prepare('SELECT COUNT(*) FROM chunks WHERE document_id = ?').pluck().get(documentId) as number
      } finally {
        db.close()
      }
    }
    expect(chunksOf(scan)).toBeGreaterThan(0)

    // Taken off the case on a team's laptop: a slip loses nothing, the scan is still the team's.
    await manager.workspace.attachments.remove(caseId, scan)
    await manager.sync.syncOnce()
    expect(chunksOf(scan)).toBeGreaterThan(0)
    expect(manager.workspace.teamDoc().attachments[scan]).toBeDefined()

    // A caseworker cannot take it out of the team; a manager can, and the server deletes it.
    const caseworker = await team.join(AMINA)
    await caseworker.sync.syncOnce()
    const { credential } = caseworker.workspace.membership.get()!
    await expect(serverApi.removeDocument(team.server.url, credential, scan)).rejects.toThrow('Only a team manager can do that.')
    expect(chunksOf(scan)).toBeGreaterThan(0)
    const managerCredential = manager.workspace.membership.get()!.credential
    await expect(serverApi.removeDocument(team.server.url, managerCredential, scan)).resolves.toEqual({ removed: scan })
    expect(chunksOf(scan)).toBe(0)
    expect(chunksOf(caseId)).toBeGreaterThan(0)
    await caseworker.sync.syncOnce()
    expect(caseworker.workspace.teamDoc().attachments[scan]).toBeUndefined()
    // The server's change took it out of the team: the caseworker's laptop deletes its copy (its stored chunks).
    const storedOnLaptop = (laptop: { dataDir: string }, documentId: string) => {
      const db = openEncrypted(join(laptop.dataDir, 'homeward.sqlite'), { readonly: true })
      try {
        return db.prepare('SELECT COUNT(*) FROM automerge_chunks WHERE key LIKE ?').pluck().get(`["${documentId}",%`) as number
      } finally {
        db.close()
      }
    }
    await team.closeLaptop(caseworker)
    expect(storedOnLaptop(caseworker, scan)).toBe(0)
    expect(storedOnLaptop(caseworker, caseId)).toBeGreaterThan(0)
    const fresh = await team.join(JO)
    await fresh.sync.syncOnce()
    expect(Object.keys((await fresh.workspace.cases.read(caseId)).attachments)).toEqual([])
    expect(fresh.workspace.teamDoc().attachments[scan]).toBeUndefined()
    // An upload under it afterwards (a laptop that had not heard) is refused: it stays out.
    await expect(serverApi.removeDocument(team.server.url, managerCredential, scan)).rejects.toThrow(`The team has no document ${scan}`)
  })

  it('sends only a laptop’s own new changes when its copy of a case is saved whole, never what came from the server', async () => {
    team = await TestTeam.start()
    const manager = await team.create()
    const caseId = await manager.workspace.cases.create(referral())
    for (let day = 1; day <= 30; day++) {
      await manager.workspace.cases.addNote(caseId, { date: `2026-10-${String(day).padStart(2, '0')}`, type: 'phone', text: `Rang the hostel about a bed, day ${day}. `.repeat(8) })
    }
    await manager.sync.syncOnce()
    const caseworker = await team.join(AMINA)
    await caseworker.sync.syncOnce()
    const outgoingFor = (laptop: typeof caseworker) => laptop.workspace.membership.outbox.after(0, 1000).filter((chunk) => chunk.documentId === caseId)
    expect(outgoingFor(caseworker)).toEqual([])

    // The first edit of a case received whole makes automerge-repo save the case whole (its
    // compaction): the outbox takes only the note, which the server's copy lacks.
    await caseworker.workspace.cases.addNote(caseId, { date: '2026-11-20', type: 'face-to-face', text: 'Met at the day centre.' })
    await caseworker.workspace.flush()
    const outgoing = outgoingFor(caseworker)
    expect(outgoing).toHaveLength(1)
    const onServer = Automerge.save((await manager.workspace.cases.open(caseId)).doc())
    expect(outgoing[0]!.data.byteLength).toBeLessThan(onServer.byteLength / 5)
    await caseworker.sync.syncOnce()
    await manager.sync.syncOnce()
    expect((await manager.workspace.cases.read(caseId)).notes.map((note) => note.text)).toContain('Met at the day centre.')
    expect(outgoingFor(manager)).toEqual([])
  })
})
