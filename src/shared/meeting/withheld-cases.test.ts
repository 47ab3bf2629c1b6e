import * as Automerge from '@automerge/automerge/slim'
import { describe, expect, it } from 'vitest'
import { toStored } from '../automerge/registers'
import { newTeamDoc, type TeamDoc } from '../team/team-doc'
import { newMeetingDoc, readMeeting, recordDiscussion, recordMeetingAction, type MeetingDoc } from './meeting-doc'
import { forgetErasedItems, forgetErasedLearningPoints, holdsErasedWords, meetingAsShown, withheldCases } from './withheld-cases'

const DEREK = { id: 'derek', name: 'Derek Hall' }
const AMINA = { id: 'amina', name: 'Amina Okafor' }
const RECORD = { phase: 'identify', status: 'open', receivedOn: '2026-11-01', referralStatus: 'received', expenses: [] }

/** A meeting about three cases: case-1 (to be erased or restricted), its learning point, and case-2. */
function meeting(): Automerge.Doc<MeetingDoc> {
  const doc = Automerge.from(
    newMeetingDoc({
      startedBy: DEREK,
      now: new Date('2026-11-23T10:00:00Z'),
      today: '2026-11-23',
      attendees: [DEREK, AMINA],
      agenda: {
        one: { reason: 'flagged', title: 'Zofia Wiśniewska', detail: 'No contact for 14 days', caseId: 'case-1' },
        point: { reason: 'learning-point', title: 'Learning point: Zofia Wiśniewska', detail: 'Her sister in Leeds was the key', caseId: 'case-1', learningPointId: 'lp-1' },
        two: { reason: 'new-referral', title: 'Dylan Price', caseId: 'case-2' },
      },
    }),
  )
  return Automerge.change(doc, (d) => {
    recordDiscussion(d, 'one', 'discussion', 'Zofia wants to go to Leeds')
    recordDiscussion(d, 'one', 'decisions', 'Call her sister')
    recordMeetingAction(d, 'one', 'act-1', { description: 'Ring Zofia’s sister', owner: AMINA, due: '2026-12-01', caseActionId: 'a1' })
    recordDiscussion(d, 'two', 'discussion', 'Allocate to Amina')
  })
}

/** A team document with case-1 erased, restricted to Amina, or neither. */
function team(how: 'erased' | 'restricted' | 'none'): Automerge.Doc<TeamDoc> {
  return Automerge.change(Automerge.from(newTeamDoc() as unknown as Record<string, unknown>) as unknown as Automerge.Doc<TeamDoc>, (doc) => {
    doc.cases['case-2'] = toStored({ addedAt: '2026-11-01' })
    if (how !== 'erased') doc.cases['case-1'] = toStored({ addedAt: '2026-11-01' })
    const parts = doc as unknown as Record<string, unknown>
    if (how === 'erased') parts.erased = { 'case-1': toStored({ by: 'derek', at: '2026-11-24T10:00:00.000Z', reason: 'Asked', kind: 'erased', documents: ['case-1'], record: RECORD }) }
    if (how === 'restricted') parts.restricted = { 'case-1': toStored({ to: ['amina'], by: 'amina', at: '2026-11-24T10:00:00.000Z' }) }
    // Points as a version before case schema 5 wrote them, into the team document.
    doc.learningLog['lp-1'] = toStored({ caseId: 'case-1', text: 'Her sister in Leeds was the key', by: AMINA, at: '2026-11-20T10:00:00.000Z' })
    doc.learningLog['lp-2'] = toStored({ caseId: 'case-2', text: 'Ask for a second number', by: AMINA, at: '2026-11-20T10:00:00.000Z' })
  })
}

describe('a withheld case in the team’s meetings and learning log', () => {
  it('is erased from every laptop and restricted from those that may not hold it, as the board’s rule says', () => {
    const record = readMeeting(meeting())
    expect(withheldCases(record, team('erased'), ['amina'])).toEqual({ 'case-1': 'erased' })
    expect(withheldCases(record, team('restricted'), ['derek'])).toEqual({ 'case-1': 'restricted' })
    expect(withheldCases(record, team('restricted'), ['amina'])).toEqual({})
    // A laptop shared with someone the case is not restricted to may not show it either.
    expect(withheldCases(record, team('restricted'), ['amina', 'derek'])).toEqual({ 'case-1': 'restricted' })
    expect(withheldCases(record, team('none'), ['derek'])).toEqual({})
  })

  it('is shown as "Restricted case": no name, flags, learning point, discussion, decisions or action, the owner and date kept', () => {
    const shown = meetingAsShown(readMeeting(meeting()), { 'case-1': 'restricted' })
    expect(JSON.stringify(shown)).not.toMatch(/Zofia|Wiśniewska|Leeds|sister|14 days/)
    expect(shown.agenda.one).toMatchObject({ title: 'Restricted case', reason: 'flagged', actions: { 'act-1': { description: 'Not shown', owner: AMINA, due: '2026-12-01' } } })
    expect(shown.agenda.point).toMatchObject({ title: 'Restricted case', reason: 'learning-point' })
    expect(shown.agenda.two).toMatchObject({ title: 'Dylan Price', discussion: 'Allocate to Amina' })
  })

  it('once erased, leaves "Erased case" in the meeting’s current state and nothing of what was said about it', () => {
    const erased = new Set(['case-1'])
    let doc = meeting()
    expect(holdsErasedWords(readMeeting(doc), erased)).toBe(true)
    doc = Automerge.change(doc, (d) => forgetErasedItems(d, erased))
    const now = readMeeting(doc)
    expect(holdsErasedWords(now, erased)).toBe(false)
    expect(JSON.stringify(now)).not.toMatch(/Zofia|Wiśniewska|Leeds|sister|14 days/)
    expect(now.agenda.one).toMatchObject({ title: 'Erased case', reason: 'flagged', caseId: 'case-1', actions: { 'act-1': { description: 'Not shown', owner: AMINA } } })
    expect(now.agenda.point).toMatchObject({ title: 'Erased case', learningPointId: 'lp-1' })
    expect(now.agenda.two).toMatchObject({ title: 'Dylan Price', discussion: 'Allocate to Amina' })
  })

  it('takes with it what another laptop was typing about it at that moment', () => {
    const base = meeting()
    const erasing = Automerge.change(Automerge.clone(base), (d) => forgetErasedItems(d, new Set(['case-1'])))
    const typing = Automerge.change(Automerge.clone(base), (d) => recordDiscussion(d, 'one', 'discussion', 'Zofia wants to go to Leeds by Friday'))
    const merged = readMeeting(Automerge.merge(erasing, typing))
    expect(merged.agenda.one!.discussion).toBeUndefined()
  })

  it('once erased, leaves no learning point about it in the team’s log', () => {
    const doc = Automerge.change(team('erased'), (d) => forgetErasedLearningPoints(d, new Set(['case-1'])))
    expect(Object.keys(doc.learningLog)).toEqual(['lp-2'])
  })
})
