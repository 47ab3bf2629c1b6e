import * as Automerge from '@automerge/automerge/slim'
import { describe, expect, it } from 'vitest'
import { newMeetingDoc, readMeeting, recordDiscussion, type MeetingDoc } from './meeting-doc'
import { markNoteWritten, notesOwed, notesToWrite } from './meeting-notes'

const DEREK = { id: 'derek', name: 'Derek Hall' }

/** A meeting with something said on a restricted case (one), its learning point, another case (two), an item with nothing said (three). */
function meeting(): Automerge.Doc<MeetingDoc> {
  const doc = Automerge.from(
    newMeetingDoc({
      startedBy: DEREK,
      now: new Date('2026-11-23T10:00:00Z'),
      today: '2026-11-23',
      attendees: [DEREK],
      agenda: {
        one: { reason: 'flagged', title: 'Zofia Wiśniewska', caseId: 'case-1' },
        point: { reason: 'learning-point', title: 'Learning point: Zofia Wiśniewska', detail: 'Her sister', caseId: 'case-1', learningPointId: 'lp-1' },
        two: { reason: 'new-referral', title: 'Dylan Price', caseId: 'case-2' },
        three: { reason: 'flagged', title: 'Aoife Byrne', caseId: 'case-3' },
      },
    }),
  )
  return Automerge.change(doc, (d) => {
    recordDiscussion(d, 'one', 'decisions', 'Call her sister')
    recordDiscussion(d, 'point', 'discussion', 'Ask about family sooner')
    recordDiscussion(d, 'two', 'discussion', 'Allocate to Amina')
  })
}

describe('the notes a meeting owes its cases', () => {
  it('is one per item about a case with something said, not for a learning point', () => {
    expect(notesOwed(readMeeting(meeting()))).toEqual([
      { itemId: 'one', caseId: 'case-1', text: 'Team case review meeting. Decisions: Call her sister' },
      { itemId: 'two', caseId: 'case-2', text: 'Team case review meeting. Discussion: Allocate to Amina' },
    ])
  })

  it('is written by a laptop holding the case; one restricted to others waits; an erased case’s never', () => {
    const record = readMeeting(meeting())
    const ids = (notes: { itemId: string }[]) => notes.map((note) => note.itemId)
    const restricted = notesToWrite(record, { 'case-1': 'restricted' })
    expect([ids(restricted.write), ids(restricted.waiting)]).toEqual([['two'], ['one']])
    const erased = notesToWrite(record, { 'case-1': 'erased' })
    expect([ids(erased.write), ids(erased.waiting)]).toEqual([['two'], []])
    expect(ids(notesToWrite(record, {}).write)).toEqual(['one', 'two'])
  })

  it('is owed no more once a laptop marks it written, on every copy of the meeting', () => {
    const here = meeting()
    const there = Automerge.clone(here)
    const marked = Automerge.merge(there, Automerge.change(here, (d) => markNoteWritten(d, 'one')))
    expect(notesOwed(readMeeting(marked)).map((note) => note.itemId)).toEqual(['two'])
  })
})
