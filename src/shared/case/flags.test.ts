import { describe, expect, it } from 'vitest'
import * as change from './changes'
import { caseFlags } from './flags'
import { caseIn, CASEWORKER, edit, newCase, nextId, read } from '../../../tests/support/cases'

const kinds = (flags: ReturnType<typeof caseFlags>) => flags.map((flag) => flag.kind)

describe('case flags', () => {
  it('flags an unallocated referral after three working days, skipping weekends and bank holidays', () => {
    // Received Thursday 24/12/2026: Christmas Day, the weekend and Boxing Day (substitute Monday 28th) do not count.
    const doc = newCase()
    const received = (date: string) => {
      const record = read(doc)
      return { ...record, referral: { ...record.referral, receivedOn: date } }
    }
    expect(kinds(caseFlags(received('2026-12-24'), '2026-12-31'))).toEqual([]) // 29, 30, 31: three working days
    expect(caseFlags(received('2026-12-24'), '2027-01-04')).toEqual([
      { kind: 'unallocated-referral', message: 'Referral unallocated for 4 working days' }, // New Year's Day is off
    ])
    // Any year: Thursday 10/4/2031, with Good Friday 11/4 and Easter Monday 14/4 off.
    expect(kinds(caseFlags(received('2031-04-10'), '2031-04-17'))).toEqual([])
    expect(kinds(caseFlags(received('2031-04-10'), '2031-04-18'))).toEqual(['unallocated-referral'])
    const allocated = { ...received('2026-12-24'), allocation: { leadCaseworker: CASEWORKER.author } }
    expect(caseFlags(allocated, '2027-01-04')).toEqual([])
  })

  it('flags overdue actions, but not ones done or due today', () => {
    let doc = caseIn('engage') // allocated, so only the actions can raise a flag
    doc = edit(doc, (d) => {
      // Agreed earlier in the month, and overdue by now.
      change.addAction(d, 'a1', { description: 'Call Bradford Housing Options', due: '2026-11-20' }, CASEWORKER.author, { ...CASEWORKER, today: '2026-11-10' })
      change.addAction(d, 'a2', { description: 'Book the coach', due: '2026-11-23' }, CASEWORKER.author, CASEWORKER)
      change.addAction(d, 'a3', { description: 'Find birth certificate', due: '2026-11-01', doneOn: '2026-11-02' }, CASEWORKER.author, CASEWORKER)
    })
    expect(caseFlags(read(doc), '2026-11-23')).toEqual([{ kind: 'overdue-action', message: '1 overdue action' }])
  })

  it('flags no contact for more than 14 days in intensive support', () => {
    let doc = caseIn('intensive-support')
    const note = (date: string) => (d: Parameters<typeof change.addNote>[0]) =>
      change.addNote(d, { date, type: 'phone', text: 'Checked in.' }, { ...CASEWORKER, id: nextId() })
    expect(kinds(caseFlags(read(doc), '2026-11-23'))).toContain('no-recent-contact')
    doc = edit(doc, note('2026-11-09'))
    expect(kinds(caseFlags(read(doc), '2026-11-23'))).not.toContain('no-recent-contact') // 14 days
    expect(caseFlags(read(doc), '2026-11-24')).toContainEqual({ kind: 'no-recent-contact', message: 'No contact logged for 15 days' })
  })

  it('flags the three-month closure point after reconnection', () => {
    const doc = caseIn('intensive-support') // arrived 12/08/2026
    expect(kinds(caseFlags(read(doc), '2026-11-11'))).not.toContain('closure-point')
    expect(kinds(caseFlags(read(doc), '2026-11-12'))).toContain('closure-point')
  })

  it('raises nothing on a closed case but a follow-up check due (follow-ups-due.test.ts)', () => {
    const doc = edit(caseIn('intensive-support'), (d) => {
      change.addAction(d, nextId(), { description: 'Call the council', due: '2026-11-20' }, CASEWORKER.author, { ...CASEWORKER, today: '2026-11-10' })
      change.closeCase(d, { type: 'unplanned', unplannedReason: 'disengaged', on: '2026-11-23', id: nextId() }, CASEWORKER)
    })
    expect(caseFlags(read(doc), '2027-02-01')).toEqual([])
    expect(kinds(caseFlags(read(doc), '2027-06-01'))).toEqual(['follow-up-due'])
  })
})
