import * as Automerge from '@automerge/automerge'
import { afterEach, describe, expect, it } from 'vitest'
import { toStored } from '../../src/shared/automerge/registers'
import { isoDateOf } from '../../src/shared/dates'
import { agendaInOrder, markDiscussed, readMeeting } from '../../src/shared/meeting/meeting-doc'
import type { TeamDoc } from '../../src/shared/team/team-doc'
import { AMINA, JO, referral } from '../support/people'
import { rawClient } from '../support/raw-sync'
import { eventually, syncAll, TestTeam } from '../support/sync-team'

const POINT_ID = 'old-point'
const POINT = 'Early contact with Bradford made the presentation quick.'

describe('a learning point an older version wrote into the team document', () => {
  let team: TestTeam | undefined
  afterEach(async () => {
    await team?.cleanup()
    team = undefined
  })

  it('keeps the review a meeting on one laptop gave it, while another laptop, offline, moved it into its case too', async () => {
    team = await TestTeam.start()
    const manager = await team.create()
    const older = await team.join(AMINA)
    const b = await team.join(JO)
    const caseId = await manager.workspace.cases.create(referral({ clientName: 'Zofia Wiśniewska', chainNumber: '918273' }))
    await eventually(async () => {
      await syncAll(manager, b, older)
      return [b, older].every((laptop) => laptop.workspace.cases.list().length === 1)
    }, 15_000, 'the case on every laptop')

    // A laptop still on an older version writes the point into the team document (sent as it would send it).
    const teamDoc = Automerge.clone(older.workspace.teamDoc() as Automerge.Doc<TeamDoc>)
    const withPoint = Automerge.change(teamDoc, (doc) => {
      doc.learningLog[POINT_ID] = toStored({ caseId, text: POINT, by: { id: AMINA.id, name: AMINA.name }, at: '2026-11-20T10:00:00.000Z' }) as never
    })
    const client = rawClient(team.server.url, older.workspace.membership.get()!.credential)
    expect(await client.opened).toBe(true)
    client.hello()
    expect((await client.upload(manager.workspace.teamDocumentId, Automerge.getLastLocalChange(withPoint)!)).refused).toBeUndefined()
    client.ws.terminate()
    await team.closeLaptop(older)

    // The manager's laptop takes it in and moves it into the case; B, offline after its own work on
    // the case, does the same before hearing of the manager's move.
    await eventually(async () => {
      await syncAll(manager)
      return POINT_ID in (await manager.workspace.cases.read(caseId)).learningPoints
    }, 10_000, 'the point moved into the case on the manager’s laptop')
    for (const text of ['Rang her sister in Leeds', 'Met at the day centre', 'Booked the coach']) {
      await b.workspace.cases.addNote(caseId, { date: isoDateOf(new Date()), type: 'phone', text })
    }
    await eventually(async () => {
      await syncAll(b)
      return POINT_ID in (await b.workspace.cases.read(caseId)).learningPoints
    }, 10_000, 'the point moved into the case on B')

    // The team's meeting, on the manager's laptop still offline, reviews it.
    const meetingId = await manager.workspace.meetings.start()
    const item = agendaInOrder(readMeeting((await manager.workspace.meetings.open(meetingId)).doc())).find((entry) => entry.learningPointId === POINT_ID)
    expect(item).toBeDefined()
    await manager.workspace.meetings.change(meetingId, (doc) => markDiscussed(doc, item!.id, true))
    await manager.workspace.meetings.finish(meetingId)
    expect((await manager.workspace.cases.read(caseId)).learningPoints[POINT_ID]?.reviewedAt).toBeDefined()

    // Both come back: the point is once in the case, reviewed, on both; the log says so.
    for (const laptop of [manager, b]) {
      await eventually(async () => {
        await syncAll(manager, b)
        return (await laptop.workspace.cases.read(caseId)).notes.length === 3 && (await manager.workspace.cases.read(caseId)).notes.length === 3
      }, 15_000, 'each laptop’s work on the other')
      const points = (await laptop.workspace.cases.read(caseId)).learningPoints
      expect(Object.keys(points)).toEqual([POINT_ID])
      expect(points[POINT_ID]).toMatchObject({ text: POINT, reviewedAt: expect.any(String) })
      await eventually(() => laptop.workspace.team.learningLog()[POINT_ID]?.reviewedAt !== undefined, 10_000, 'the review in the learning log')
    }
  }, 120_000)
})
