import { describe, expect, it } from 'vitest'
import { CASEWORKER, edit, newCase, read } from '../../../../tests/support/cases'
import * as change from '../changes'
import { partnerActionBeforeReferral } from './partner-action-after-referral'

describe("an action agreed with a partner is due, and done, on or after the day of its referral", () => {
  it('refuses an action done before the referral, and allows the day itself, later, or not yet done', () => {
    expect(partnerActionBeforeReferral({ madeOn: '2026-09-10', partnerActionDoneOn: '2026-09-08' })).toEqual({
      field: 'partnerActionDoneOn',
      message: 'Done on (08/09/2026) cannot be before the referral was made (10/09/2026)',
    })
    expect(partnerActionBeforeReferral({ madeOn: '2026-09-10', partnerActionDoneOn: '2026-09-10' })).toBeUndefined()
    expect(partnerActionBeforeReferral({ madeOn: '2026-09-10', partnerActionDoneOn: '2026-10-01' })).toBeUndefined()
    expect(partnerActionBeforeReferral({ madeOn: '2026-09-10' })).toBeUndefined()
    expect(partnerActionBeforeReferral({ madeOn: '2026-09-10' }, { partnerActionDue: '2026-09-09' })).toEqual({
      field: 'partnerActionDue',
      message: 'Due by (09/09/2026) cannot be before the referral was made (10/09/2026)',
    })
    expect(partnerActionBeforeReferral({ madeOn: '2026-09-10' }, { partnerActionDue: '2026-09-10', partnerActionDoneOn: '2026-09-12' })).toBeUndefined()
  })

  it('is kept when the action is marked done, on its Done on date', () => {
    const referral = { agency: 'Kirkgate Surgery', madeOn: '2026-09-10', reason: 'GP registration', outcome: 'pending', partnerAction: 'Register him', partnerActionDue: '2026-09-20' }
    const doc = edit(newCase(), (d) => change.addItem(d, 'onwardReferrals', 'r', referral, CASEWORKER))
    expect(() => edit(doc, (d) => change.updateItem(d, 'onwardReferrals', 'r', { partnerActionDoneOn: '2026-09-09' }, CASEWORKER))).toThrow(
      'partnerActionDoneOn: Done on (09/09/2026) cannot be before the referral was made (10/09/2026)',
    )
    const done = edit(doc, (d) => change.updateItem(d, 'onwardReferrals', 'r', { partnerActionDoneOn: '2026-09-12' }, CASEWORKER))
    expect(read(done).onwardReferrals.r?.partnerActionDoneOn).toBe('2026-09-12')
  })

  it('holds for each action of the list, against the referral it was agreed on', () => {
    const referral = { agency: 'Kirkgate Surgery', madeOn: '2026-09-10', reason: 'GP registration', outcome: 'pending' }
    const doc = edit(newCase(), (d) => {
      change.addItem(d, 'onwardReferrals', 'r', referral, CASEWORKER)
      change.addPartnerAction(d, 'r', 'a', { partnerAction: 'Register him', partnerActionDue: '2026-09-20' }, CASEWORKER)
    })
    expect(() => edit(doc, (d) => change.updatePartnerAction(d, 'r', 'a', { partnerActionDoneOn: '2026-09-09' }, CASEWORKER))).toThrow(
      'partnerActionDoneOn: Done on (09/09/2026) cannot be before the referral was made (10/09/2026)',
    )
  })
})
