import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import * as change from '../../src/shared/case/changes'
import { agendaInOrder, readMeeting, recordDiscussion, markDiscussed } from '../../src/shared/meeting/meeting-doc'
import { pdfText, qpdfCheck } from '../support/pdf-tools'
import { AMINA, DEREK, referral } from '../support/people'
import { eventually, TestTeam } from '../support/sync-team'
import { tempDir } from '../support/temp-dir'

describe('a team case review meeting', () => {
  let team: TestTeam | undefined
  const dir = tempDir('meeting')
  afterEach(async () => {
    await team?.cleanup()
    team = undefined
  })

  it('runs from agenda to minutes, followed from a second laptop, writing its actions and notes into the cases', async () => {
    team = await TestTeam.start()
    const office = await team.create() // Derek, the manager
    await office.sync.syncOnce()
    const laptop = await team.join(AMINA)
    await laptop.sync.syncOnce()

    office.workspace.team.addMembers([DEREK, AMINA])
    // A referral waiting for a caseworker, and a closed case with a learning point not yet reviewed.
    const waiting = await office.workspace.cases.create(referral({ clientName: 'Dylan Price', chainNumber: '987654' }))
    const closed = await office.workspace.cases.create(referral({ clientName: 'Anne Kerr', chainNumber: '555111' }))
    await office.workspace.cases.change(closed, (doc, context) => change.closeCase(doc, { type: 'no-progress', details: 'No contact for months.', on: context.today, id: 'c1' }, context))
    const point = await office.workspace.cases.addLearningPoint(closed, 'Ask for a second contact number at referral.')
    const meetingId = await office.workspace.meetings.start()
    const agenda = agendaInOrder(readMeeting((await office.workspace.meetings.open(meetingId)).doc()))
    expect(agenda.map((item) => [item.reason, item.title])).toEqual([
      ['new-referral', 'Dylan Price'],
      ['learning-point', 'Learning point: Anne Kerr'],
    ])

    // Amina follows on her laptop and records the discussion; Derek sees it.
    for (const side of [office, laptop]) side.sync.start()
    await eventually(() => laptop.workspace.meetings.list().some((m) => m.id === meetingId), 15_000, 'the meeting on the laptop')
    const item = agenda[0]!
    await laptop.workspace.meetings.change(meetingId, (doc) => {
      recordDiscussion(doc, item.id, 'discussion', 'Seen twice at the station; wants to go home to Leeds.')
      recordDiscussion(doc, item.id, 'decisions', 'Allocate to Amina.')
      markDiscussed(doc, item.id, true)
    })
    await eventually(
      async () => readMeeting((await office.workspace.meetings.open(meetingId)).doc()).agenda[item.id]?.decisions === 'Allocate to Amina.',
      15_000,
      'the decision on the office laptop',
    )
    await office.workspace.meetings.change(meetingId, (doc) => markDiscussed(doc, agenda[1]!.id, true))

    const actionId = await office.workspace.meetings.addAction({ meetingId, itemId: item.id, description: 'Call Leeds Housing Options', ownerId: AMINA.id, due: '2036-12-04' })
    expect((await office.workspace.cases.read(waiting)).actions[actionId]).toMatchObject({ description: 'Call Leeds Housing Options', owner: { id: AMINA.id }, due: '2036-12-04' })
    await expect(office.workspace.meetings.addAction({ meetingId, itemId: item.id, description: '', ownerId: AMINA.id, due: '2036-12-04' })).rejects.toThrow(/description/)

    await office.workspace.meetings.finish(meetingId)
    const notes = (await office.workspace.cases.read(waiting)).notes
    expect(notes.at(-1)!.text).toBe('Team case review meeting. Discussion: Seen twice at the station; wants to go home to Leeds.\nDecisions: Allocate to Amina.')
    expect(office.workspace.team.learningLog()[point]!.reviewedAt).toBeDefined()

    const minutes = await office.workspace.meetings.minutes(meetingId)
    const file = join(dir.path, minutes.fileName)
    writeFileSync(file, minutes.bytes)
    expect(qpdfCheck(file)).toBe('')
    const text = pdfText(file).replace(/\s+/g, ' ')
    for (const words of ['Team case review meeting: minutes', 'Dylan Price', 'Allocate to Amina.', 'Call Leeds Housing Options', AMINA.name, '04/12/2036', 'Derek Hall']) {
      expect(text).toContain(words)
    }
    // Both laptops end with the action in the case and the review in the log.
    await eventually(async () => Boolean((await laptop.workspace.cases.read(waiting)).actions[actionId]), 15_000, 'the action on the laptop')
    await eventually(() => Boolean(laptop.workspace.team.learningLog()[point]?.reviewedAt), 15_000, 'the review on the laptop')
  })

  it('is started by a manager only', async () => {
    team = await TestTeam.start()
    await team.create()
    const laptop = await team.join(AMINA)
    await expect(laptop.workspace.meetings.start()).rejects.toThrow(/Only a team manager/)
  })
})
