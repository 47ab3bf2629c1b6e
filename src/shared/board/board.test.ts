import { describe, expect, it } from 'vitest'
import * as change from '../case/changes'
import { summariseCase } from '../case/summary'
import { caseIn, CASEWORKER, edit, MANAGER, newCase, nextId, read } from '../../../tests/support/cases'
import { boardFacts, boardRow, caseloads, caseloadWeights, DEFAULT_CASELOAD_WEIGHTS, filterBoard, onTheBoard, sortBoard, type BoardRow } from './board'

const row = (doc: ReturnType<typeof newCase>, today = '2026-11-23'): BoardRow => {
  const record = read(doc)
  return boardRow(summariseCase(`case-${record.referral.clientName}`, record), boardFacts(record), today)
}

describe('the caseload board', () => {
  it('shows days in phase, last contact, flags and the next action from what the index holds', () => {
    let doc = caseIn('intensive-support')
    doc = edit(doc, (d) => {
      change.addNote(d, { date: '2026-11-02', type: 'phone', text: 'Checked in.' }, { ...CASEWORKER, id: nextId() })
      change.addAction(d, 'a1', { description: 'Book GP registration', due: '2026-11-30' }, CASEWORKER.author, CASEWORKER)
      // Agreed earlier in the month, and overdue by now.
      change.addAction(d, 'a2', { description: 'Chase housing benefit', due: '2026-11-20' }, CASEWORKER.author, { ...CASEWORKER, today: '2026-11-10' })
      change.addAction(d, 'a3', { description: 'Old', due: '2026-10-01', doneOn: '2026-10-01' }, CASEWORKER.author, CASEWORKER)
    })
    const board = row(doc)
    expect(board.phase).toBe('intensive-support')
    expect(board.leadCaseworker).toEqual(CASEWORKER.author)
    expect(board.daysInPhase).toBe(0) // the test cases move on "now", 23/11/2026
    expect(row(doc, '2026-12-03').daysInPhase).toBe(10)
    expect(board.lastContact).toBe('2026-11-02')
    expect(board.nextAction).toEqual({ description: 'Chase housing benefit', due: '2026-11-20', owner: CASEWORKER.author.name })
    expect(board.flags.map((flag) => flag.kind)).toEqual(['overdue-action', 'no-recent-contact', 'closure-point'])
  })

  it('shows a closed case only while a follow-up check after closure is due', () => {
    const due = { kind: 'follow-up-due', message: 'Follow-up check at 3 months due' } as const
    expect(onTheBoard({ closedAs: null, flags: [] })).toBe(true)
    expect(onTheBoard({ closedAs: 'planned', flags: [] })).toBe(false)
    expect(onTheBoard({ closedAs: 'planned', flags: [due] })).toBe(true)
  })

  it('counts each caseworker’s cases raw and weighted, lightest first, with members who lead none', () => {
    const rows = [row(caseIn('engage')), row(caseIn('intensive-support')), row(caseIn('closure-and-review')), row(newCase())]
    const weights = caseloadWeights({ engage: 3 })
    const loads = caseloads(rows, [
      { id: CASEWORKER.author.id, name: CASEWORKER.author.name, role: 'caseworker' },
      { id: MANAGER.author.id, name: MANAGER.author.name, role: 'manager' },
    ], weights)
    expect(loads.map((load) => [load.caseworker.name, load.cases, load.weighted])).toEqual([
      [MANAGER.author.name, 0, 0],
      [CASEWORKER.author.name, 3, 3 + DEFAULT_CASELOAD_WEIGHTS['intensive-support'] + DEFAULT_CASELOAD_WEIGHTS['closure-and-review']],
    ])
    expect(loads[1]!.byPhase.engage).toBe(1)
  })

  it('lists each person once: cases led under the id a laptop gave its person before joining the team count under that member', () => {
    const mine = row(caseIn('engage'))
    const beforeJoining = { ...row(caseIn('engage')), id: 'earlier', leadCaseworker: { id: 'laptop-own-id', name: CASEWORKER.author.name.toUpperCase() } }
    const loads = caseloads([mine, beforeJoining], [{ id: CASEWORKER.author.id, name: CASEWORKER.author.name, role: 'caseworker' }], caseloadWeights({}))
    expect(loads.map((load) => [load.caseworker.id, load.cases])).toEqual([[CASEWORKER.author.id, 2]])
  })

  it('filters to the cases with a current warning marker, or a marker of one kind; an ended marker matches nothing', () => {
    const marked = row(
      edit(caseIn('engage', newCase({ clientName: 'Rhys Bowen' })), (d) => {
        change.addItem(d, 'markers', 'm1', { kind: 'risk-to-staff', raisedOn: '2026-09-01' }, CASEWORKER)
        change.addItem(d, 'markers', 'm2', { kind: 'marac', raisedOn: '2026-06-01', endedOn: '2026-10-01' }, CASEWORKER)
      }),
    )
    const ended = row(edit(caseIn('engage', newCase({ clientName: 'Ffion Hughes' })), (d) => change.addItem(d, 'markers', 'm3', { kind: 'mappa', raisedOn: '2026-06-01', endedOn: '2026-10-01' }, CASEWORKER)))
    const unmarked = row(caseIn('engage', newCase({ clientName: 'Owen Lloyd' })))
    const rows = [marked, ended, unmarked]
    expect(filterBoard(rows, { marker: 'any' })).toEqual([marked])
    expect(filterBoard(rows, { marker: 'risk-to-staff' })).toEqual([marked])
    expect(filterBoard(rows, { marker: 'marac' })).toEqual([])
    expect(filterBoard(rows, { marker: 'mappa' })).toEqual([])
    expect(filterBoard(rows, {})).toEqual(rows)
  })

  it('filters by caseworker (or unallocated), phase, flag and words; sorts with missing dates last', () => {
    const unallocated = row(newCase({ clientName: 'Zoë Ármstrong' }))
    const engaged = row(caseIn('engage', newCase({ clientName: 'Dylan Price', chainNumber: '987654' })))
    const supported = row(caseIn('intensive-support', newCase({ clientName: 'Anne Kerr' })))
    const rows = [unallocated, engaged, supported]
    expect(filterBoard(rows, { caseworker: 'unallocated' })).toEqual([unallocated])
    expect(filterBoard(rows, { caseworker: CASEWORKER.author.id }).map((r) => r.clientName)).toEqual(['Dylan Price', 'Anne Kerr'])
    expect(filterBoard(rows, { phase: 'engage' })).toEqual([engaged])
    // A closed case on the board for its follow-up check is in no phase's work.
    expect(filterBoard([...rows, { ...supported, id: 'closed', closedAs: 'planned' }], { phase: 'intensive-support' })).toEqual([supported])
    expect(filterBoard(rows, { flag: 'no-recent-contact' })).toEqual([supported])
    expect(filterBoard(rows, { text: '9876' })).toEqual([engaged])
    expect(filterBoard(rows, { text: 'zoe ARM' })).toEqual([unallocated])
    expect(sortBoard(rows, 'client').map((r) => r.clientName)).toEqual(['Anne Kerr', 'Dylan Price', 'Zoë Ármstrong'])
    expect(sortBoard(rows, 'phase', true).map((r) => r.phase)).toEqual(['intensive-support', 'engage', 'identify'])
    // By last contact: oldest contact first (the case longest without one), latest first when
    // descending; a case never contacted goes last either way; the same day goes by client's name.
    const contactedOn = (clientName: string, lastContact: string | null): BoardRow => ({ ...supported, id: `case-${clientName}`, clientName, lastContact })
    const byContact = [
      contactedOn('Zara Never', null),
      contactedOn('Ali Latest', '2026-11-20'),
      contactedOn('Dev Same-day', '2026-11-01'),
      contactedOn('Abe Never', null),
      contactedOn('Cara Oldest', '2026-10-05'),
      contactedOn('Ben Same-day', '2026-11-01'),
    ]
    expect(sortBoard(byContact, 'last-contact').map((r) => [r.clientName, r.lastContact])).toEqual([
      ['Cara Oldest', '2026-10-05'],
      ['Ben Same-day', '2026-11-01'],
      ['Dev Same-day', '2026-11-01'],
      ['Ali Latest', '2026-11-20'],
      ['Abe Never', null],
      ['Zara Never', null],
    ])
    expect(sortBoard(byContact, 'last-contact', true).map((r) => [r.clientName, r.lastContact])).toEqual([
      ['Ali Latest', '2026-11-20'],
      ['Ben Same-day', '2026-11-01'],
      ['Dev Same-day', '2026-11-01'],
      ['Cara Oldest', '2026-10-05'],
      ['Abe Never', null],
      ['Zara Never', null],
    ])
    const withContact = { ...unallocated, lastContact: '2026-11-01' }
    expect(sortBoard([supported, withContact], 'last-contact')[0]).toBe(withContact)
    expect(sortBoard([supported, withContact], 'last-contact', true)[0]).toBe(withContact)
  })
})
