import { describe, expect, it } from 'vitest'
import type { AgendaItem } from './meeting-doc'
import { finishedMessage, finishing, finishQuestion, wasDiscussed } from './finishing'

let position = 0
const item = (values: Partial<AgendaItem>): AgendaItem => ({ reason: 'flagged', title: 'An item', position: position++, actions: {}, ...values })
const agenda = (...items: AgendaItem[]) => ({ agenda: Object.fromEntries(items.map((value, i) => [`i${i}`, value])) })

describe('finishing a team case review meeting', () => {
  it('counts an item as discussed when ticked, or when its discussion or decisions are written', () => {
    expect(wasDiscussed({ discussed: true })).toBe(true)
    expect(wasDiscussed({ decisions: 'Ask Leeds about a hostel bed' })).toBe(true)
    expect(wasDiscussed({ discussion: '  ' })).toBe(false)
  })

  it('asks before finishing a meeting that did not go through every item, naming how many', () => {
    const one = finishing(agenda(item({ discussed: true }), ...Array.from({ length: 128 }, () => item({}))))
    expect(finishQuestion(one)).toBe('128 of the 129 items on the agenda were not discussed. Finish the meeting anyway? The meeting cannot be reopened.')
    expect(finishQuestion(finishing(agenda(item({ discussed: true }), item({}))))).toBe(
      '1 of the 2 items on the agenda was not discussed. Finish the meeting anyway? The meeting cannot be reopened.',
    )
    expect(finishQuestion(finishing(agenda(item({}), item({}))))).toBe('None of the 2 items on the agenda were discussed. Finish the meeting anyway? The meeting cannot be reopened.')
  })

  it('finishes at once when every item was discussed', () => {
    expect(finishQuestion(finishing(agenda(item({ discussed: true }), item({ decisions: 'Close the case' }))))).toBeUndefined()
  })

  it('says exactly which learning points it marked as reviewed, and that the others stay', () => {
    const meeting = agenda(
      item({ caseId: 'a', discussion: 'Seen on Monday' }),
      item({ caseId: 'b', learningPointId: 'lp1', reason: 'learning-point', discussed: true }),
      item({ caseId: 'c', learningPointId: 'lp2', reason: 'learning-point' }),
      item({ caseId: 'd', learningPointId: 'lp3', reason: 'learning-point' }),
    )
    expect(finishing(meeting)).toEqual({ items: 4, notDiscussed: 2, notes: 1, reviewed: 1, notReviewed: 2 })
    expect(finishedMessage(finishing(meeting))).toBe(
      'This meeting has finished. 1 note of the discussion is in its case. 1 learning point discussed is marked as reviewed; 2 learning points not discussed stay to be reviewed at a later meeting.',
    )
  })

  it('claims no note and no learning point it did not write or mark', () => {
    expect(finishedMessage(finishing(agenda(item({ caseId: 'a', discussed: true }))))).toBe(
      'This meeting has finished. No note went into a case: nothing was written under an item about one.',
    )
    const two = agenda(item({ caseId: 'a', decisions: 'Refer to Shelter' }), item({ caseId: 'b', discussion: 'Moved on' }), item({ caseId: 'c', learningPointId: 'l', discussed: true }))
    expect(finishedMessage(finishing(two))).toBe('This meeting has finished. 2 notes of the discussion are in their cases. 1 learning point discussed is marked as reviewed.')
  })
})
