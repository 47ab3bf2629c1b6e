import { describe, expect, it } from 'vitest'
import { CASEWORKER, edit, newCase, read } from '../../../../tests/support/cases'
import * as change from '../changes'
import { reconnectionBeforeReferral } from './reconnection-after-referral'

describe('the reconnection comes after the referral', () => {
  it("refuses a reconnection date before the referral's date", () => {
    expect(reconnectionBeforeReferral({ referralDate: '2026-03-05', receivedOn: '2026-03-09' }, { date: '2026-03-04' })).toEqual({
      field: 'date',
      message: 'Date of reconnection (04/03/2026) cannot be before the referral (05/03/2026)',
    })
  })

  it('uses the day the referral arrived when the referral has no date of its own', () => {
    expect(reconnectionBeforeReferral({ receivedOn: '2026-03-09' }, { date: '2026-03-06' })?.message).toMatch(/before the referral \(09\/03\/2026\)/)
  })

  it('allows the same day, later, or no reconnection date yet', () => {
    expect(reconnectionBeforeReferral({ receivedOn: '2026-03-09' }, { date: '2026-03-09' })).toBeUndefined()
    expect(reconnectionBeforeReferral({ receivedOn: '2026-03-09' }, { date: '2026-04-01' })).toBeUndefined()
    expect(reconnectionBeforeReferral({ receivedOn: '2026-03-09' }, {})).toBeUndefined()
  })

  it('is kept when the reconnection day or the referral is saved', () => {
    const doc = newCase() // received 01/07/2026
    expect(() => edit(doc, (d) => change.updateSection(d, 'reconnectionDay', { date: '2026-06-30' }, CASEWORKER))).toThrow(
      'date: Date of reconnection (30/06/2026) cannot be before the referral (01/07/2026)',
    )
    const planned = edit(doc, (d) => change.updateSection(d, 'reconnectionDay', { date: '2026-08-12' }, CASEWORKER))
    expect(() => edit(planned, (d) => change.updateSection(d, 'referral', { referralDate: '2026-08-13' }, CASEWORKER))).toThrow(
      'referralDate: Date of reconnection (12/08/2026) cannot be before the referral (13/08/2026)',
    )
    expect(read(edit(planned, (d) => change.updateSection(d, 'referral', { referralDate: '2026-06-20' }, CASEWORKER))).referral.referralDate).toBe('2026-06-20')
  })
})
