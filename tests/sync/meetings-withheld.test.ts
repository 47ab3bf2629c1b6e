import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import type { DocumentId } from '@automerge/automerge-repo'
import { afterEach, describe, expect, it } from 'vitest'
import { createApiHandler } from '../../src/main/core/api/api-handler'
import type { Workspace } from '../../src/main/core/workspace'
import { serverApi } from '../../src/main/core/sync/server-api'
import { allocate } from '../../src/shared/case/changes'
import { currentCaseId } from '../../src/shared/team/corrections'
import { restrictions } from '../../src/shared/team/restrictions'
import { addAgendaItem, agendaInOrder, readMeeting, recordDiscussion, type MeetingDoc } from '../../src/shared/meeting/meeting-doc'
import { pdfText, qpdfCheck } from '../support/pdf-tools'
import { AMINA, DEREK, JO, referral } from '../support/people'
import { eventually, type Laptop, syncAll, TestTeam } from '../support/sync-team'
import { tempDir } from '../support/temp-dir'

const CLIENT = 'Zofia Wiśniewska'
/** What was said about her in the meeting and the learning log: none of it may outlive the erasure. */
const SAID = ['Zofia', 'Wiśniewska', 'sister in Leeds', 'Ring her sister', 'Leeds coach']


/**
 * The meeting as this laptop's copy holds it now, read without opening it through the core (which
 * would tidy it): by its id, or the new one's once the team records it rebuilt.
 */
async function heldMeeting(workspace: Workspace, meetingId: string) {
  return readMeeting((await workspace.repo.find<MeetingDoc>(currentCaseId(workspace.teamDoc(), meetingId) as DocumentId)).doc())
}

/** The learning points in a laptop's team log about a case. */
function learningPointsAbout(workspace: Workspace, caseId: string): string[] {
  return Object.values(workspace.team.learningLog())
    .filter((point) => point.caseId === caseId)
    .map((point) => point.text)
}

describe('a case erased or restricted in the team’s meetings and learning log', () => {
  let team: TestTeam | undefined
  const dir = tempDir('meetings-withheld')
  afterEach(async () => {
    await team?.cleanup()
    team = undefined
  })

  /** The minutes' text, after qpdf's check. */
  async function minutesText(workspace: Workspace, meetingId: string, name: string): Promise<string> {
    const minutes = await workspace.meetings.minutes(meetingId)
    const file = join(dir.path, `${name}.pdf`)
    writeFileSync(file, minutes.bytes)
    expect(qpdfCheck(file)).toBe('')
    return pdfText(file).replace(/\s+/g, ' ')
  }

  /**
   * The manager's meeting with her case on its agenda twice (a new referral, and a learning point
   * about her), its discussion, decisions and an action naming her, and another case's item.
   */
  async function meetingAbout(manager: Laptop) {
    const caseId = await manager.workspace.cases.create(referral({ clientName: CLIENT, chainNumber: '918273' }))
    const other = await manager.workspace.cases.create(referral({ clientName: 'Aoife Byrne', chainNumber: '555111', dateOfBirth: '1990-02-03' }))
    await manager.workspace.cases.addLearningPoint(caseId, 'Her sister in Leeds was the key to it.')
    const meetingId = await manager.workspace.meetings.start()
    const agenda = agendaInOrder(readMeeting((await manager.workspace.meetings.open(meetingId)).doc()))
    const item = agenda.find((entry) => entry.caseId === caseId && entry.reason === 'new-referral')!
    const otherItem = agenda.find((entry) => entry.caseId === other)!
    expect(agenda.filter((entry) => entry.caseId === caseId).map((entry) => entry.title)).toEqual([CLIENT, `Learning point: ${CLIENT}`])
    await manager.workspace.meetings.change(meetingId, (doc) => {
      recordDiscussion(doc, item.id, 'discussion', 'Zofia has a sister in Leeds.')
      recordDiscussion(doc, item.id, 'decisions', 'Ring her sister this week.')
      recordDiscussion(doc, otherItem.id, 'discussion', 'Aoife is settled at the hostel.')
    })
    await manager.workspace.meetings.addAction({ meetingId, itemId: item.id, description: 'Ring her sister about Zofia', ownerId: DEREK.id, due: '2036-12-04' })
    return { caseId, meetingId }
  }

  it('erased: the erasing laptop takes her out of the meeting and the learning log, and a laptop that was offline does so for what it wrote then', async () => {
    team = await TestTeam.start()
    const manager = await team.create()
    const a = await team.join(AMINA)
    const b = await team.join(JO)
    const { caseId, meetingId } = await meetingAbout(manager)
    await syncAll(manager, a, b, manager, a, b)
    await eventually(() => a.workspace.meetings.list().length === 1 && b.workspace.meetings.list().length === 1, 10_000, 'the meeting on both laptops')

    // B, offline, adds her to the meeting's agenda again, and writes a learning point about her.
    await b.workspace.meetings.change(meetingId, (doc) => addAgendaItem(doc, 'offline-item', { reason: 'added', title: CLIENT, caseId, detail: 'Leeds coach booked' }))
    await b.workspace.cases.addLearningPoint(caseId, 'Zofia: book the Leeds coach earlier.')
    const bDir = b.dataDir
    await team.closeLaptop(b)

    await manager.workspace.erasedCases.erase(caseId, 'The client asked to be forgotten', { waitMs: 5000 })

    // The erasing laptop: the meeting's items about her say "Erased case", and nothing of what was said.
    const erased = await heldMeeting(manager.workspace, meetingId)
    const mentions = agendaInOrder(erased).filter((entry) => entry.caseId === caseId)
    expect(mentions.map((entry) => [entry.reason, entry.title])).toEqual([
      ['new-referral', 'Erased case'],
      ['learning-point', 'Erased case'],
    ])
    for (const words of SAID) expect(JSON.stringify(erased)).not.toContain(words)
    expect(JSON.stringify(erased)).toContain('Aoife is settled at the hostel.')
    // Her learning point is in her case: it leaves with the case, as the server's erasure arrives.
    await eventually(async () => {
      await syncAll(manager)
      return learningPointsAbout(manager.workspace, caseId).length === 0
    }, 15_000, 'her learning point gone with her case on the erasing laptop')
    const minutes = await minutesText(manager.workspace, meetingId, 'erased')
    for (const words of [...SAID, '918273']) expect(minutes).not.toContain(words)
    for (const words of ['Erased case', 'Not shown', 'Aoife Byrne', 'Aoife is settled at the hostel.', 'Derek Hall', '04/12/2036']) expect(minutes).toContain(words)

    // A, online, receives the erasing laptop's changes as they are.
    await eventually(async () => {
      await syncAll(manager, a)
      const held = await heldMeeting(a.workspace, meetingId)
      return !SAID.some((words) => JSON.stringify(held).includes(words)) && learningPointsAbout(a.workspace, caseId).length === 0
    }, 15_000, 'the erasure’s changes to the meeting and the log on A')

    // B comes back: its learning point goes as the erasure reaches it; the server rebuilt the meeting
    // without her, and B follows it there, leaving out the agenda item it added about her.
    const back = await team.open(JO, bDir)
    await eventually(async () => {
      await back.sync.syncOnce()
      return !back.workspace.cases.list().some((entry) => entry.id === caseId) && learningPointsAbout(back.workspace, caseId).length === 0
    }, 15_000, 'the case and its learning point gone from B')
    await syncAll(back, manager, a)
    const onA = await minutesText(a.workspace, meetingId, 'erased-on-a')
    for (const words of SAID) expect(onA).not.toContain(words)
    for (const words of ['Erased case', 'Aoife is settled at the hostel.']) expect(onA).toContain(words)
    for (const laptop of [manager, a, back]) {
      await eventually(async () => {
        await syncAll(back, manager, a)
        const held = await heldMeeting(laptop.workspace, meetingId)
        return held.agenda['offline-item'] === undefined && !SAID.some((words) => JSON.stringify(held).includes(words)) && learningPointsAbout(laptop.workspace, caseId).length === 0
      }, 15_000, 'nothing of her in the meeting or the log')
    }
  }, 90_000)

  it('restricted: a laptop that may not hold her case shows her items as "Restricted case", in the minutes too; the laptops allowed show them as they are', async () => {
    team = await TestTeam.start()
    const manager = await team.create()
    const a = await team.join(AMINA)
    const b = await team.join(JO)
    const { caseId, meetingId } = await meetingAbout(manager)
    await manager.workspace.cases.change(caseId, (doc, context) => allocate(doc, { id: AMINA.id, name: AMINA.name }, context.today, context))
    await syncAll(manager, a, b, manager, a, b)
    await eventually(() => b.workspace.meetings.list().length === 1 && b.workspace.cases.list().length === 2, 10_000, 'the meeting and both cases on B')

    const { server, credential } = a.workspace.membership.get()!
    await serverApi.restrict(server, credential, { caseId, to: [DEREK.id] })
    await eventually(async () => {
      await syncAll(a, manager, b)
      return !b.workspace.cases.list().some((entry) => entry.id === caseId)
    }, 15_000, 'the case gone from B')

    expect(await b.workspace.meetings.withheld(meetingId)).toEqual({ [caseId]: 'restricted' })
    // Her learning point is kept in her case: B's learning log has none of it, the laptops allowed have it.
    expect(learningPointsAbout(b.workspace, caseId)).toEqual([])
    for (const allowed of [a, manager]) expect(learningPointsAbout(allowed.workspace, caseId)).toEqual(['Her sister in Leeds was the key to it.'])
    const onB = await minutesText(b.workspace, meetingId, 'restricted-on-b')
    for (const words of [...SAID, 'Zofia']) expect(onB).not.toContain(words)
    for (const words of ['Restricted case', 'Not shown', 'Aoife Byrne', 'Aoife is settled at the hostel.', 'Derek Hall', '04/12/2036']) expect(onB).toContain(words)

    // The laptops allowed the case show it as it is.
    for (const allowed of [a, manager]) {
      expect(await allowed.workspace.meetings.withheld(meetingId)).toEqual({})
      const text = await minutesText(allowed.workspace, meetingId, `restricted-${allowed === a ? 'a' : 'manager'}`)
      for (const words of [CLIENT, 'Zofia has a sister in Leeds.', 'Ring her sister about Zofia']) expect(text).toContain(words)
    }
  }, 60_000)

  it('restricted: "Add to the agenda" never offers her case, not even on the laptops allowed it', async () => {
    team = await TestTeam.start()
    const manager = await team.create()
    const a = await team.join(AMINA)
    const caseId = await a.workspace.cases.create(referral({ clientName: CLIENT, chainNumber: '918273' }))
    await a.workspace.cases.create(referral({ clientName: 'Aoife Byrne', chainNumber: '555111', dateOfBirth: '1990-02-03' }))
    await a.workspace.cases.change(caseId, (doc, context) => allocate(doc, { id: AMINA.id, name: AMINA.name }, context.today, context))
    const api = createApiHandler(a.workspace)
    const offered = async () => ((await api({ id: 1, method: 'meetingAgendaCases', params: {} })) as { result: { title: string }[] }).result.map((row) => row.title)
    expect(await offered()).toEqual(['Aoife Byrne', CLIENT])

    await eventually(async () => {
      await syncAll(a, manager)
      return manager.workspace.cases.list().length === 2
    }, 15_000, 'both cases on the server')
    const { server, credential } = a.workspace.membership.get()!
    await serverApi.restrict(server, credential, { caseId, to: [DEREK.id] })
    await eventually(async () => {
      await syncAll(a, manager)
      return caseId in restrictions(a.workspace.teamDoc())
    }, 15_000, 'the restriction on A')
    expect(a.workspace.cases.list().some((entry) => entry.id === caseId)).toBe(true)
    expect(await offered()).toEqual(['Aoife Byrne'])
  }, 60_000)

  it('restricted: a laptop not allowed her case finishes the meeting; her note waits for a laptop allowed it, which writes it once', async () => {
    team = await TestTeam.start()
    const manager = await team.create()
    const a = await team.join(AMINA)
    const b = await team.join(JO)
    const { caseId, meetingId } = await meetingAbout(manager)
    await manager.workspace.cases.change(caseId, (doc, context) => allocate(doc, { id: AMINA.id, name: AMINA.name }, context.today, context))
    await syncAll(manager, a, b, manager, a, b)
    await eventually(() => b.workspace.meetings.list().length === 1 && b.workspace.cases.list().length === 2, 10_000, 'the meeting and both cases on B')
    const { server, credential } = a.workspace.membership.get()!
    await serverApi.restrict(server, credential, { caseId, to: [DEREK.id] })
    await eventually(async () => {
      await syncAll(a, manager, b)
      return !b.workspace.cases.list().some((entry) => entry.id === caseId)
    }, 15_000, 'the case gone from B')

    // Jo's laptop, not allowed her case, finishes the meeting: Aoife's case gets its note there; Zofia's waits.
    await b.workspace.meetings.finish(meetingId)
    const other = b.workspace.cases.list().find((entry) => entry.clientName === 'Aoife Byrne')!.id
    const notesOn = async (laptop: Laptop, id: string) => (await laptop.workspace.cases.read(id)).notes.filter((note) => note.text.startsWith('Team case review meeting.'))
    expect((await notesOn(b, other)).map((note) => note.text)).toEqual(['Team case review meeting. Discussion: Aoife is settled at the hostel.'])
    const finished = await heldMeeting(b.workspace, meetingId)
    expect(finished.finishedAt).toBeDefined()
    expect(agendaInOrder(finished).filter((item) => item.caseId === caseId && item.reason !== 'learning-point').map((item) => item.noteWritten)).toEqual([undefined])

    // Amina's and the manager's laptops, both allowed it, open the finished meeting in turn: her case has the note once.
    await eventually(async () => {
      await syncAll(b, a)
      return (await heldMeeting(a.workspace, meetingId)).finishedAt !== undefined
    }, 15_000, 'the finished meeting on A')
    await a.workspace.meetings.open(meetingId)
    await eventually(async () => {
      await syncAll(a, manager)
      return (await notesOn(manager, caseId)).length === 1 && (await heldMeeting(manager.workspace, meetingId)).finishedAt !== undefined
    }, 15_000, 'her note on the manager’s laptop')
    await manager.workspace.meetings.open(meetingId)
    for (const laptop of [a, manager]) {
      await syncAll(a, manager)
      const notes = await notesOn(laptop, caseId)
      expect(notes.map((note) => [note.text, note.date])).toEqual([['Team case review meeting. Discussion: Zofia has a sister in Leeds.\nDecisions: Ring her sister this week.', finished.meetingOn]])
      expect(notes[0]!.author.name).toBe(AMINA.name)
    }
    // Nothing else was written twice, and B never held her case again.
    expect(await notesOn(manager, other)).toHaveLength(1)
    await eventually(async () => {
      await b.sync.syncOnce()
      return agendaInOrder(await heldMeeting(b.workspace, meetingId)).every((item) => item.reason === 'learning-point' || item.noteWritten)
    }, 15_000, 'every note marked written on B')
    expect(b.workspace.cases.list().some((entry) => entry.id === caseId)).toBe(false)
  }, 90_000)
})
