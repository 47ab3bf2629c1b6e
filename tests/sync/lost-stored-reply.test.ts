import * as Automerge from '@automerge/automerge'
import type { DocumentId } from '@automerge/automerge-repo'
import { afterEach, describe, expect, it } from 'vitest'
import type { CaseDoc } from '../../src/shared/case/case-doc'
import { isoDateOf } from '../../src/shared/dates'
import { AMINA, referral } from '../support/people'
import { rawClient } from '../support/raw-sync'
import { eventually, syncAll, type Laptop, TestTeam } from '../support/sync-team'

const OFFLINE_NOTE = 'Rang her sister in Leeds'
const TEAM_NOTE = 'Housing Options rang back'

/** The notes a laptop's copy of a case holds, as stored: every entry, not the case as read (which shows a note written twice once). */
async function storedNotes(laptop: Laptop, caseId: string): Promise<string[]> {
  const doc = (await laptop.workspace.repo.find<CaseDoc>(caseId as DocumentId)).doc()
  return doc.notes.map((note) => `${note.id.val}: ${note.text.val}`)
}

describe('a change the server stored whose “stored” reply never reached the laptop', () => {
  let team: TestTeam | undefined
  afterEach(async () => {
    await team?.cleanup()
    team = undefined
  })

  it('is on the corrected case once: the laptop replaying it as its own unstored change does not write it twice', async () => {
    team = await TestTeam.start()
    const manager = await team.create()
    const b = await team.join(AMINA)
    const caseId = await manager.workspace.cases.create(referral({ clientName: 'Zofia Wiśniewska', chainNumber: '918273' }))
    await syncAll(manager, b, manager, b)
    await eventually(() => b.workspace.cases.list().length === 1, 10_000, 'the case on B’s laptop')
    const credential = b.workspace.membership.get()!.credential

    // B, off the network, writes a note.
    await team.closeLaptop(b)
    const offline = await team.open(AMINA, b.dataDir)
    const before = (await offline.workspace.cases.open(caseId)).doc()
    await offline.workspace.cases.addNote(caseId, { date: isoDateOf(new Date()), type: 'phone', text: OFFLINE_NOTE })
    const after = (await offline.workspace.cases.open(caseId)).doc()

    // Its chunk reaches the server, which stores it; the connection drops before the reply does.
    const client = rawClient(team.server.url, credential)
    expect(await client.opened).toBe(true)
    client.hello()
    for (const change of Automerge.getChanges(before, after)) expect((await client.upload(caseId, change)).refused).toBeUndefined()
    client.ws.terminate()

    // The team goes on from it (so B's copy is behind the correction), then the case is corrected.
    await eventually(async () => {
      await syncAll(manager)
      return (await manager.workspace.cases.read(caseId)).notes.length === 1
    }, 10_000, 'B’s note on the manager’s laptop')
    await manager.workspace.cases.addNote(caseId, { date: isoDateOf(new Date()), type: 'phone', text: TEAM_NOTE })
    await syncAll(manager)
    const newId = await manager.workspace.correctedCases.correct(caseId, 'referral.chainNumber', '918237', { waitMs: 5000 })

    // B comes back: its outbox still counts the note unstored, and it replays it onto the new document.
    await eventually(async () => {
      await syncAll(offline, manager)
      return offline.workspace.cases.list().map((c) => c.id).join() === newId
    }, 15_000, 'B following the correction')
    await syncAll(offline, manager, offline, manager)
    for (const laptop of [offline, manager]) {
      const notes = await storedNotes(laptop, newId)
      expect(notes.filter((note) => note.endsWith(OFFLINE_NOTE))).toHaveLength(1)
      expect(notes.filter((note) => note.endsWith(TEAM_NOTE))).toHaveLength(1)
      expect((await laptop.workspace.cases.read(newId)).referral.chainNumber).toBe('918237')
    }
  }, 120_000)
})
