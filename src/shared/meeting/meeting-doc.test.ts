import * as Automerge from '@automerge/automerge/slim'
import { describe, expect, it } from 'vitest'
import type { Board, BoardRow } from '../board/board'
import { addAgendaItem, newMeetingDoc, readMeeting, recordDiscussion, suggestedAgenda, type MeetingDoc } from './meeting-doc'

const DEREK = { id: 'derek', name: 'Derek Hall' }

function meeting(): Automerge.Doc<MeetingDoc> {
  return Automerge.from(
    newMeetingDoc({
      startedBy: DEREK,
      now: new Date('2026-11-23T10:00:00Z'),
      today: '2026-11-23',
      attendees: [DEREK],
      agenda: { item: { reason: 'new-referral', title: 'Dylan Price', caseId: 'case-1' } },
    }),
  )
}

describe('the discussion and decisions in a meeting', () => {
  it('keep what two people type in the same field at once', () => {
    let shared = Automerge.change(meeting(), (doc) => recordDiscussion(doc, 'item', 'discussion', 'Seen at the station.'))
    // The manager on the shared screen and a caseworker on her laptop, typing before either sees the other.
    const screen = Automerge.change(Automerge.clone(shared), (doc) => recordDiscussion(doc, 'item', 'discussion', 'Seen at the station. Wants Leeds.'))
    const laptop = Automerge.change(Automerge.clone(shared), (doc) => recordDiscussion(doc, 'item', 'discussion', 'Seen twice at the station.'))
    shared = Automerge.merge(screen, laptop)
    expect(readMeeting(shared).agenda.item!.discussion).toBe('Seen twice at the station. Wants Leeds.')
  })

  it('start empty on every item, including one added in the meeting, and can be cleared', () => {
    let doc = Automerge.change(meeting(), (d) => addAgendaItem(d, 'added', { reason: 'added', title: 'Rota for December' }))
    expect(readMeeting(doc).agenda.added).toMatchObject({ discussion: '', decisions: '' })
    doc = Automerge.change(doc, (d) => recordDiscussion(d, 'added', 'decisions', 'Ruth covers the 24th.'))
    doc = Automerge.change(doc, (d) => recordDiscussion(d, 'added', 'decisions', ''))
    expect(readMeeting(doc).agenda.added!.decisions).toBe('')
  })

  it('turns a field recorded as a register (before the text) into text at its next edit', () => {
    let doc = Automerge.change(meeting(), (d) => {
      d.agenda.item!.decisions = new Automerge.ImmutableString('Allocate to Amina.')
    })
    doc = Automerge.change(doc, (d) => recordDiscussion(d, 'item', 'decisions', 'Allocate to Amina this week.'))
    expect(readMeeting(doc).agenda.item!.decisions).toBe('Allocate to Amina this week.')
    doc = Automerge.change(doc, (d) => recordDiscussion(d, 'item', 'decisions', 'Allocate to Amina this week!'))
    expect(readMeeting(doc).agenda.item!.decisions).toBe('Allocate to Amina this week!')
  })
})

describe('the agenda the board suggests', () => {
  it('never puts a restricted case on it, nor a learning point about one: a meeting is shared with the whole team', () => {
    const row = (id: string, clientName: string): BoardRow => ({
      id, clientName, chainNumber: null, phase: 'identify', closedAs: null, leadCaseworker: null, daysInPhase: 4, lastContact: null, flags: [], nextAction: null, receivedOn: '2026-11-19', closurePoint: null, markers: [],
    })
    const board = { today: '2026-11-23', rows: [row('open', 'Dylan Price'), row('restricted', 'Zofia Wiśniewska')], caseloads: [], weights: {} } as unknown as Board
    const learningLog = {
      a: { caseId: 'open', text: 'Ring the council early.', by: DEREK, at: '2026-11-20T10:00:00Z' },
      b: { caseId: 'restricted', text: 'Her address was shared.', by: DEREK, at: '2026-11-21T10:00:00Z' },
    }
    const names = new Map([['open', 'Dylan Price'], ['restricted', 'Zofia Wiśniewska']])
    expect(suggestedAgenda(board, learningLog, names).map((item) => item.caseId)).toEqual(['open', 'restricted', 'open', 'restricted'])
    const agenda = suggestedAgenda(board, learningLog, names, new Set(['restricted']))
    expect(agenda.map((item) => item.title)).toEqual(['Dylan Price', 'Learning point: Dylan Price'])
  })

  it('names two open cases of the same name apart, by when each was referred, and no personal detail', () => {
    const row = (id: string, clientName: string, receivedOn: string): BoardRow => ({
      id, clientName, chainNumber: '2823424', phase: 'identify', closedAs: null, leadCaseworker: null, daysInPhase: 4, lastContact: null, flags: [], nextAction: null, receivedOn, closurePoint: null, markers: [],
    })
    const rows = [row('one', 'Дмитрий Иванов', '2026-10-12'), row('two', 'ДМИТРИЙ  Иванов', '2026-11-03'), row('three', 'Dylan Price', '2026-11-03')]
    const board = { today: '2026-11-23', rows, caseloads: [], weights: {} } as unknown as Board
    expect(suggestedAgenda(board, {}, new Map()).map((item) => item.title)).toEqual([
      'Dylan Price',
      'ДМИТРИЙ  Иванов (referred 03/11/2026)',
      'Дмитрий Иванов (referred 12/10/2026)',
    ])
  })
})
