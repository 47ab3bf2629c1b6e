import { describe, expect, it } from 'vitest'
import * as change from './changes'
import { caseFlags } from './flags'
import { followUpDue, followUpsOwed } from './follow-ups-due'
import { nextStep } from './lifecycle'
import { CASEWORKER, caseIn, edit, newCase, nextId, read } from '../../../tests/support/cases'

// Reconnected (arrived 12/08/2026), closed on 23/11/2026.
const closedAfterReconnection = () =>
  edit(caseIn('intensive-support'), (d) => change.closeCase(d, { type: 'unplanned', unplannedReason: 'disengaged', on: '2026-11-23', id: nextId() }, CASEWORKER))
const later = (today: string) => ({ ...CASEWORKER, now: new Date(`${today}T10:00:00Z`), today })
const check = (which: '3-months' | '6-months', doneOn: string) => (d: Parameters<typeof change.addItem>[0]) =>
  change.addItem(d, 'followUps', nextId(), { check: which, doneOn, contactMethod: 'phone', stillAccommodated: 'yes' }, later(doneOn))

describe('follow-up checks after closure', () => {
  it('are due 3 and 6 months after the day the case closed', () => {
    expect(followUpsOwed(read(closedAfterReconnection()))).toEqual([
      { check: '3-months', due: '2027-02-23' },
      { check: '6-months', due: '2027-05-23' },
    ])
  })

  it('are flagged on the board and are the closed case’s next step from the day each is due', () => {
    const record = read(closedAfterReconnection())
    expect(caseFlags(record, '2027-02-22')).toEqual([])
    expect(caseFlags(record, '2027-02-23')).toEqual([{ kind: 'follow-up-due', message: 'Follow-up check 3 months after closure due (from 23/02/2027)' }])
    expect(nextStep(record, { today: '2027-02-23' })).toBe('Follow-up check 3 months after closure due (from 23/02/2027): is the client still accommodated?')
    expect(nextStep(record, { today: '2027-02-22' })).toBe('The case is closed.')
    // Both missed: the later one is the check to make now.
    expect(followUpDue(followUpsOwed(record), '2027-06-01')).toBe('Follow-up check 6 months after closure due (from 23/05/2027)')
  })

  it('are recorded on the closed case without reopening it, and each recorded is no longer due', () => {
    const three = edit(closedAfterReconnection(), check('3-months', '2027-02-24'))
    expect(read(three).status).toBe('closed')
    expect(followUpsOwed(read(three))).toEqual([{ check: '6-months', due: '2027-05-23' }])
    expect(caseFlags(read(three), '2027-03-01')).toEqual([])
    const six = edit(three, check('6-months', '2027-05-25'))
    expect(followUpsOwed(read(six))).toEqual([])
  })

  it('a 6-month check recorded answers for a 3-month check missed', () => {
    const doc = edit(closedAfterReconnection(), check('6-months', '2027-05-25'))
    expect(followUpsOwed(read(doc))).toEqual([])
  })

  it('are owed only after a reconnection: not for a case closed before the move, a rejected referral, or a client referred again', () => {
    const beforeTheMove = edit(caseIn('reconnection-planning'), (d) =>
      change.closeCase(d, { type: 'inappropriate', inappropriateReason: 'client-refused', details: 'Chose to stay', on: '2026-11-23', id: nextId() }, CASEWORKER),
    )
    expect(followUpsOwed(read(beforeTheMove))).toEqual([])
    const rejected = edit(newCase(), (d) => change.rejectReferral(d, { on: '2026-11-23', reason: 'declined', id: nextId() }, CASEWORKER))
    expect(followUpsOwed(read(rejected))).toEqual([])
    expect(followUpsOwed(read(caseIn('intensive-support')))).toEqual([]) // still open
    const referredAgain = edit(closedAfterReconnection(), (d) => change.markReReferred(d, 'new-case', CASEWORKER))
    expect(followUpsOwed(read(referredAgain))).toEqual([])
  })

  it('refuse a check with no date or no contact method, by name', () => {
    expect(() => edit(closedAfterReconnection(), (d) => change.addItem(d, 'followUps', nextId(), { check: '3-months' }, CASEWORKER))).toThrow(
      expect.objectContaining({
        issues: [
          { field: 'doneOn', message: 'Enter checked on' },
          { field: 'contactMethod', message: 'Choose how contact was made' },
        ],
      }),
    )
  })
})
