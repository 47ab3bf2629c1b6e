import { join } from 'node:path'
import type { DocumentId } from '@automerge/automerge-repo'
import { afterEach, describe, expect, it } from 'vitest'
import type { Workspace } from '../../src/main/core/workspace'
import { agendaInOrder, readMeeting, recordDiscussion, type MeetingDoc } from '../../src/shared/meeting/meeting-doc'
import { corrections } from '../../src/shared/team/corrections'
import { AMINA, JO, referral } from '../support/people'
import { heldInHistory, LAPTOP_CHUNKS, SERVER_CHUNKS, wordsInHistory } from '../support/history-words'
import { inAnyFile, rowsNaming } from '../support/on-disk'
import { eventually, SERVER_FILE, syncAll, TestTeam } from '../support/sync-team'

const CLIENT = 'Zofia Wiśniewska'
/** What was said about her in the meeting: none of it may outlive the erasure, in any document's history. */
const SAID = [CLIENT, 'Zofia has a sister in Leeds', 'Ring her sister this week']
const OTHER_SAID = 'Aoife is settled at the hostel.'
const TYPED_OFFLINE = 'Aoife moves to her own flat on Friday.'


/** The meeting as a laptop's copy holds it now, read without opening it through the core (which would tidy it). */
async function heldMeeting(workspace: Workspace, meetingId: string) {
  return readMeeting((await workspace.repo.find<MeetingDoc>(meetingId as DocumentId)).doc())
}

describe('an erased case in the history of the team’s meetings', () => {
  let team: TestTeam | undefined
  afterEach(async () => {
    await team?.cleanup()
    team = undefined
  })

  it('is gone from every byte of every laptop and the server: the meeting rebuilt without her, followed by every laptop, one offline too, with nothing else lost', async () => {
    team = await TestTeam.start()
    const manager = await team.create()
    const a = await team.join(AMINA)
    const b = await team.join(JO)
    const caseId = await manager.workspace.cases.create(referral({ clientName: CLIENT, chainNumber: '918273' }))
    const other = await manager.workspace.cases.create(referral({ clientName: 'Aoife Byrne', chainNumber: '555111', dateOfBirth: '1990-02-03' }))
    const meetingId = await manager.workspace.meetings.start()
    const agenda = agendaInOrder(readMeeting((await manager.workspace.meetings.open(meetingId)).doc()))
    const item = agenda.find((entry) => entry.caseId === caseId)!
    const otherItem = agenda.find((entry) => entry.caseId === other)!
    await manager.workspace.meetings.change(meetingId, (doc) => {
      recordDiscussion(doc, item.id, 'discussion', 'Zofia has a sister in Leeds.')
      recordDiscussion(doc, item.id, 'decisions', 'Ring her sister this week.')
      recordDiscussion(doc, otherItem.id, 'discussion', OTHER_SAID)
    })
    await syncAll(manager, a, b, manager, a, b)
    await eventually(async () => {
      await syncAll(manager, a, b)
      return [a, b].every((laptop) => laptop.workspace.meetings.list().length === 1 && laptop.workspace.cases.list().length === 2)
    }, 15_000, 'the meeting and both cases on both laptops')
    await eventually(async () => (await heldMeeting(b.workspace, meetingId)).agenda[otherItem.id]?.discussion === OTHER_SAID, 10_000, 'the discussion on B')

    // (The check below finds what is there: before the erasure, the meeting's history holds it all.)
    expect(heldInHistory((await manager.workspace.repo.find<MeetingDoc>(meetingId as DocumentId)).doc(), SAID)).toEqual(SAID)

    // B goes offline, and types on in the meeting about the other case.
    await b.workspace.meetings.change(meetingId, (doc) => recordDiscussion(doc, otherItem.id, 'discussion', `${OTHER_SAID} ${TYPED_OFFLINE}`))
    const bDir = b.dataDir
    await team.closeLaptop(b)

    await manager.workspace.erasedCases.erase(caseId, 'The client asked to be forgotten', { waitMs: 5000 })

    // The meeting was rebuilt as a new document: the team lists it in the old one's place.
    await eventually(async () => {
      await syncAll(manager)
      return meetingId in corrections(manager.workspace.teamDoc())
    }, 15_000, 'the erasure on the manager’s laptop')
    const rebuilt = corrections(manager.workspace.teamDoc())[meetingId]
    expect(rebuilt).toMatchObject({ erasedCase: caseId, field: '' })
    const newId = rebuilt!.replacedBy
    for (const laptop of [manager, a]) {
      await eventually(async () => {
        await syncAll(manager, a)
        return laptop.workspace.meetings.list().map((entry) => entry.id).join() === newId
      }, 15_000, 'the rebuilt meeting listed')
      // It opens, by its new id or its old: her items say "Erased case", the other case's are intact.
      const opened = readMeeting((await laptop.workspace.meetings.open(meetingId)).doc())
      expect(opened.agenda[item.id]).toMatchObject({ title: 'Erased case', caseId })
      expect(opened.agenda[item.id]!.discussion).toBeUndefined()
      expect(opened.agenda[otherItem.id]).toMatchObject({ title: 'Aoife Byrne', discussion: OTHER_SAID })
    }

    // B comes back: it follows to the new meeting, and what it typed offline is on it, for everyone.
    const back = await team.open(JO, bDir)
    await eventually(async () => {
      await syncAll(back, manager, a)
      return back.workspace.meetings.list().map((entry) => entry.id).join() === newId
    }, 20_000, 'B following the rebuilt meeting')
    for (const laptop of [manager, a, back]) {
      await eventually(async () => {
        await syncAll(back, manager, a)
        return (await heldMeeting(laptop.workspace, newId)).agenda[otherItem.id]?.discussion === `${OTHER_SAID} ${TYPED_OFFLINE}`
      }, 20_000, 'what B typed offline, on the rebuilt meeting')
    }

    // Byte by byte, and every document's history decrypted: nothing of her, and no trace of the old meeting.
    for (const laptop of [manager, a, back]) await team.closeLaptop(laptop)
    for (const laptop of [manager, a, back]) {
      for (const text of [...SAID, CLIENT.toLowerCase()]) expect(inAnyFile(laptop.dataDir, text)).toEqual([])
      const store = join(laptop.dataDir, 'homeward.sqlite')
      expect(wordsInHistory(store, LAPTOP_CHUNKS, SAID)).toEqual({})
      expect(rowsNaming(store, 'SELECT COUNT(*) FROM automerge_chunks WHERE key LIKE \'["\' || ? || \'"%\'', meetingId)).toBe(0)
      expect(rowsNaming(store, 'SELECT COUNT(*) FROM sync_outbox WHERE document_id = ?', meetingId)).toBe(0)
    }
    await team.server.close()
    for (const text of SAID) expect(inAnyFile(team.serverDir, text)).toEqual([])
    expect(wordsInHistory(join(team.serverDir, SERVER_FILE), SERVER_CHUNKS, SAID)).toEqual({})
    expect(rowsNaming(join(team.serverDir, SERVER_FILE), 'SELECT COUNT(*) FROM chunks WHERE document_id = ?', meetingId)).toBe(0)
    await team.restartServer()
  }, 120_000)
})
