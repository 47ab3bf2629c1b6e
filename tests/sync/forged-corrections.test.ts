import * as Automerge from '@automerge/automerge'
import { join } from 'node:path'
import type { DocumentId } from '@automerge/automerge-repo'
import { afterEach, describe, expect, it } from 'vitest'
import { toStored } from '../../src/shared/automerge/registers'
import { agendaInOrder, readMeeting, recordDiscussion, type MeetingDoc } from '../../src/shared/meeting/meeting-doc'
import { corrections } from '../../src/shared/team/corrections'
import type { TeamDoc } from '../../src/shared/team/team-doc'
import { JO, referral } from '../support/people'
import { rowsNaming } from '../support/on-disk'
import { newDocumentId, rawClient } from '../support/raw-sync'
import { eventually, type Laptop, SERVER_FILE, syncAll, TestTeam } from '../support/sync-team'

/**
 * Where an old document id leads (`team.corrected`) is the server's record alone: a laptop follows
 * it by deleting its copy of the old document. So a raw client that writes one could otherwise make
 * every laptop of the team throw away a case or a meeting; and a meeting retired on an erasure must
 * never come back from a program uploading its old chunks.
 */
describe('the record of where a corrected case or rebuilt meeting leads, against a raw client', () => {
  let team: TestTeam | undefined
  afterEach(async () => {
    await team?.cleanup()
    team = undefined
  })


  function credentialOf(laptop: Laptop): string {
    return laptop.workspace.membership.get()!.credential
  }

  it('a forged record leading a case and a meeting to documents of its own is put back, and no laptop follows it', async () => {
    team = await TestTeam.start()
    const manager = await team.create()
    const caseworker = await team.join(JO)
    const caseId = await manager.workspace.cases.create(referral({ clientName: 'Aoife Byrne' }))
    const meetingId = await manager.workspace.meetings.start()
    await syncAll(manager, caseworker, manager, caseworker)
    await eventually(() => caseworker.workspace.cases.list().length === 1 && caseworker.workspace.meetings.list().length === 1, 10_000, 'the case and meeting on the caseworker’s laptop')

    // Written by hand on the caseworker's team document: the case and the meeting "replaced" by documents of the raw client's.
    const decoy = newDocumentId()
    const forged = Automerge.change(Automerge.clone(caseworker.workspace.teamDoc() as Automerge.Doc<TeamDoc>), (doc) => {
      const team = doc as TeamDoc & { corrected?: Record<string, unknown> }
      team.corrected = {
        [caseId]: toStored({ replacedBy: decoy, heads: [], by: JO.id, at: '2026-11-01T00:00:00.000Z', field: 'referral.clientName' }),
        [meetingId]: toStored({ replacedBy: decoy, heads: [], by: JO.id, at: '2026-11-01T00:00:00.000Z', field: '', erasedCase: caseId }),
      }
    })
    const client = rawClient(team.server.url, credentialOf(caseworker))
    expect(await client.opened).toBe(true)
    client.hello()
    const ack = await client.upload(caseworker.workspace.teamDocumentId, Automerge.getLastLocalChange(forged)!)
    expect(ack.undone).toBe('The server put back part of a change from this laptop: it changed which cases are corrected, which only the server records.')
    client.ws.close()

    // The manager's laptop receives the forged change with the server's putting back, in one delivery: it follows nothing.
    await syncAll(manager, manager)
    expect(corrections(manager.workspace.teamDoc())).toEqual({})
    expect(manager.workspace.cases.list().map((entry) => entry.id)).toEqual([caseId])
    expect((await manager.workspace.cases.read(caseId)).referral.clientName).toBe('Aoife Byrne')
    expect(manager.workspace.meetings.list().map((entry) => entry.id)).toEqual([meetingId])
    await manager.workspace.meetings.change(meetingId, (doc) => recordDiscussion(doc, agendaInOrder(readMeeting(doc))[0]!.id, 'discussion', 'Still here.'))
    await syncAll(manager, caseworker, caseworker)
    expect(corrections(caseworker.workspace.teamDoc())).toEqual({})
    expect(caseworker.workspace.cases.list().map((entry) => entry.id)).toEqual([caseId])
  })

  it('refuses the old chunks of a meeting retired when a case on its agenda was erased, from any program, for ever', async () => {
    team = await TestTeam.start()
    const manager = await team.create()
    const caseworker = await team.join(JO)
    const caseId = await manager.workspace.cases.create(referral({ clientName: 'Zofia Wiśniewska' }))
    await manager.workspace.cases.create(referral({ clientName: 'Aoife Byrne', chainNumber: '555111', dateOfBirth: '1990-02-03' }))
    const meetingId = await manager.workspace.meetings.start()
    const item = agendaInOrder(readMeeting((await manager.workspace.meetings.open(meetingId)).doc())).find((entry) => entry.caseId === caseId)!
    await manager.workspace.meetings.change(meetingId, (doc) => recordDiscussion(doc, item.id, 'discussion', 'Zofia has a sister in Leeds.'))
    await syncAll(manager, caseworker, manager, caseworker)
    await eventually(() => caseworker.workspace.meetings.list().length === 1, 10_000, 'the meeting on the caseworker’s laptop')
    // What a program with the caseworker's files could hold of the old meeting: its whole history.
    const oldMeeting = Automerge.save((await caseworker.workspace.repo.find<MeetingDoc>(meetingId as DocumentId)).doc())

    await manager.workspace.erasedCases.erase(caseId, 'The client asked to be forgotten', { waitMs: 5000 })
    await eventually(async () => {
      await syncAll(manager)
      return meetingId in corrections(manager.workspace.teamDoc())
    }, 15_000, 'the meeting rebuilt')

    const client = rawClient(team.server.url, credentialOf(caseworker))
    expect(await client.opened).toBe(true)
    client.hello()
    const whole = await client.upload(meetingId, oldMeeting)
    expect(whole.refused).toBe('a manager took this document out of the team, or erased it')
    // A new change on top of it, as a laptop typing on offline would send: refused too.
    const typed = Automerge.change(Automerge.load<MeetingDoc>(oldMeeting), (doc) => recordDiscussion(doc, item.id, 'discussion', 'Zofia rang again.'))
    expect((await client.upload(meetingId, Automerge.getLastLocalChange(typed)!)).refused).toBe('a manager took this document out of the team, or erased it')
    client.ws.close()

    await team.server.close()
    expect(rowsNaming(join(team.serverDir, SERVER_FILE), 'SELECT COUNT(*) FROM chunks WHERE document_id = ?', meetingId)).toBe(0)
    await team.restartServer()
  })
})
