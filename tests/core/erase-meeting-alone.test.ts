import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { openWorkspace, type Workspace } from '../../src/main/core/workspace'
import { agendaInOrder, readMeeting, recordDiscussion } from '../../src/shared/meeting/meeting-doc'
import { corrections } from '../../src/shared/team/corrections'
import { heldInHistory, LAPTOP_CHUNKS, wordsInHistory } from '../support/history-words'
import { DEREK, referral } from '../support/people'
import { tempDir } from '../support/temp-dir'

const CLIENT = 'Zofia Wiśniewska'
const SAID = [CLIENT, 'Zofia has a sister in Leeds']

describe('erasing a case on a laptop on its own', () => {
  const dir = tempDir('erase-meeting-alone')
  let ws: Workspace | undefined
  afterEach(async () => {
    await ws?.close()
    ws = undefined
    dir.remove()
  })

  it('rebuilds its meetings without her words or their history, as a team’s server does; the other items as they were', async () => {
    ws = await openWorkspace({ dataDir: dir.path, user: DEREK })
    const caseId = await ws.cases.create(referral({ clientName: CLIENT, chainNumber: '918273' }))
    const other = await ws.cases.create(referral({ clientName: 'Aoife Byrne', chainNumber: '555111', dateOfBirth: '1990-02-03' }))
    const meetingId = await ws.meetings.start()
    const agenda = agendaInOrder(readMeeting((await ws.meetings.open(meetingId)).doc()))
    const item = agenda.find((entry) => entry.caseId === caseId)!
    const otherItem = agenda.find((entry) => entry.caseId === other)!
    await ws.meetings.change(meetingId, (doc) => {
      recordDiscussion(doc, item.id, 'discussion', 'Zofia has a sister in Leeds.')
      recordDiscussion(doc, otherItem.id, 'discussion', 'Aoife is settled at the hostel.')
    })
    expect(heldInHistory((await ws.meetings.open(meetingId)).doc(), SAID)).toEqual(SAID)

    await ws.erasedCases.erase(caseId, 'The client asked to be forgotten')
    await ws.correctedCases.settle()
    const newId = corrections(ws.teamDoc())[meetingId]?.replacedBy
    expect(newId).toBeDefined()
    expect(ws.meetings.list().map((meeting) => meeting.id)).toEqual([newId])
    const opened = readMeeting((await ws.meetings.open(meetingId)).doc())
    expect(opened.agenda[item.id]).toMatchObject({ title: 'Erased case', caseId })
    expect(opened.agenda[otherItem.id]).toMatchObject({ title: 'Aoife Byrne', discussion: 'Aoife is settled at the hostel.' })

    await ws.close()
    ws = undefined
    expect(wordsInHistory(join(dir.path, 'homeward.sqlite'), LAPTOP_CHUNKS, SAID)).toEqual({})
  })
})
