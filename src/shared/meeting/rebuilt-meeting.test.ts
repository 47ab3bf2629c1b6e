import * as Automerge from '@automerge/automerge/slim'
import { describe, expect, it } from 'vitest'
import { authoredBy } from '../authorship'
import { addAgendaItem, newMeetingDoc, readMeeting, recordDiscussion, type MeetingDoc } from './meeting-doc'
import { agendaNames, rebuiltMeeting, replayOntoRebuiltMeeting } from './rebuilt-meeting'

const DEREK = { id: 'derek', name: 'Derek Hall' }
const BY = authoredBy(DEREK, new Date('2026-11-30T10:00:00Z'))
const ERASED = new Set(['case-1'])

/** A meeting about case-1 (to be erased) and case-2, discussed. */
function meeting(): Automerge.Doc<MeetingDoc> {
  const doc = Automerge.from(
    newMeetingDoc({
      startedBy: DEREK,
      now: new Date('2026-11-23T10:00:00Z'),
      today: '2026-11-23',
      attendees: [DEREK],
      agenda: {
        one: { reason: 'flagged', title: 'Zofia Wiśniewska', detail: 'No contact for 14 days', caseId: 'case-1' },
        two: { reason: 'new-referral', title: 'Dylan Price', caseId: 'case-2' },
      },
    }),
  )
  return Automerge.change(doc, (d) => {
    recordDiscussion(d, 'one', 'discussion', 'Zofia wants to go to Leeds')
    recordDiscussion(d, 'two', 'discussion', 'Allocate to Amina')
  })
}

/** Every state the document's history holds, as JSON. */
function everyState(doc: Automerge.Doc<unknown>): string {
  return Automerge.getAllChanges(doc)
    .map((change) => JSON.stringify(Automerge.view(doc, [Automerge.decodeChange(change).hash])))
    .join('\n')
}

describe('a meeting rebuilt without an erased case', () => {
  it('holds the meeting as it should read, with no history of her words; the other items as they were, their text still text', () => {
    const old = meeting()
    expect(everyState(old)).toContain('Zofia wants to go to Leeds')
    expect(agendaNames(old, 'case-1')).toBe(true)
    expect(agendaNames(old, 'case-9')).toBe(false)
    const fresh = rebuiltMeeting(old, ERASED, BY)
    expect(Automerge.getAllChanges(fresh)).toHaveLength(1)
    const read = readMeeting(fresh)
    expect(read.agenda.one).toMatchObject({ title: 'Erased case', caseId: 'case-1' })
    expect(read.agenda.one!.discussion).toBeUndefined()
    expect(read.agenda.two).toMatchObject({ title: 'Dylan Price', discussion: 'Allocate to Amina' })
    for (const words of ['Zofia', 'Leeds', 'No contact']) expect(everyState(fresh)).not.toContain(words)
    // Still collaborative text: two people typing into it keep both their words.
    expect(typeof fresh.agenda.two!.discussion).toBe('string')
    expect(String(fresh.kind)).toBe('homeward/meeting')
  })

  it('takes in a laptop’s later changes, less any to an item about the erased case', () => {
    const old = meeting()
    const heads = Automerge.getHeads(old)
    const fresh = rebuiltMeeting(old, ERASED, BY)
    // Offline, a laptop typed on, about both cases, and put her on the agenda again.
    const later = Automerge.change(old, (d) => {
      recordDiscussion(d, 'two', 'discussion', 'Allocate to Amina on Monday')
      recordDiscussion(d, 'one', 'discussion', 'Zofia wants to go to Leeds by coach')
      addAgendaItem(d, 'again', { reason: 'added', title: 'Zofia Wiśniewska', caseId: 'case-1' })
    })
    const { doc, replayed } = replayOntoRebuiltMeeting(later, heads, fresh, ERASED, BY)
    expect(replayed).toBeGreaterThan(0)
    const read = readMeeting(doc)
    expect(read.agenda.two!.discussion).toBe('Allocate to Amina on Monday')
    expect(read.agenda.again).toBeUndefined()
    for (const words of ['Zofia', 'Leeds']) expect(everyState(doc)).not.toContain(words)
  })

  it('does not type twice what the new meeting already holds (stored by the server, its reply lost), and replays the rest', () => {
    const old = meeting()
    const heads = Automerge.getHeads(old)
    const typed = Automerge.change(old, (d) => recordDiscussion(d, 'two', 'discussion', 'Allocate to Amina on Monday'))
    // The server had what was typed when it rebuilt the meeting; the laptop counts it unstored and replays it.
    const fresh = rebuiltMeeting(typed, ERASED, BY)
    const more = Automerge.change(typed, (d) => recordDiscussion(d, 'two', 'decisions', 'Amina to ring the hostel'))
    const { doc } = replayOntoRebuiltMeeting(more, heads, fresh, ERASED, BY)
    expect(readMeeting(doc).agenda.two).toMatchObject({ discussion: 'Allocate to Amina on Monday', decisions: 'Amina to ring the hostel' })
    expect(replayOntoRebuiltMeeting(typed, heads, fresh, ERASED, BY)).toEqual({ doc: fresh, replayed: 0 })
  })

  it('replays nothing from a copy behind the heads it was rebuilt from', () => {
    const old = meeting()
    const fresh = rebuiltMeeting(old, ERASED, BY)
    const behind = Automerge.change(Automerge.clone(old), (d) => recordDiscussion(d, 'two', 'discussion', 'x'))
    const otherHeads = Automerge.getHeads(Automerge.change(Automerge.clone(old), (d) => recordDiscussion(d, 'two', 'decisions', 'y')))
    expect(replayOntoRebuiltMeeting(behind, otherHeads, fresh, ERASED, BY)).toEqual({ doc: fresh, replayed: 0 })
  })
})
