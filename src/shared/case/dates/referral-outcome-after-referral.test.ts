import { describe, expect, it } from 'vitest'
import { CASEWORKER, edit, newCase, read } from '../../../../tests/support/cases'
import * as change from '../changes'
import { outcomeBeforeReferral } from './referral-outcome-after-referral'

describe("an onward referral's outcome is known on or after the day it was made", () => {
  it('refuses an outcome before the referral, and allows the day itself, later, or none yet', () => {
    expect(outcomeBeforeReferral({ madeOn: '2026-09-10', outcomeOn: '2026-09-09' })).toEqual({
      field: 'outcomeOn',
      message: 'Outcome known on (09/09/2026) cannot be before the referral was made (10/09/2026)',
    })
    expect(outcomeBeforeReferral({ madeOn: '2026-09-10', outcomeOn: '2026-09-10' })).toBeUndefined()
    expect(outcomeBeforeReferral({ madeOn: '2026-09-10', outcomeOn: '2026-09-20' })).toBeUndefined()
    expect(outcomeBeforeReferral({ madeOn: '2026-09-10' })).toBeUndefined()
  })

  it('is kept when a referral is added, or its date moved later', () => {
    const referral = { agency: 'Bradford Floating Support', madeOn: '2026-09-10', reason: 'Help to keep the tenancy', outcome: 'accepted' }
    expect(() => edit(newCase(), (d) => change.addItem(d, 'onwardReferrals', 'r', { ...referral, outcomeOn: '2026-09-01' }, CASEWORKER))).toThrow(
      'outcomeOn: Outcome known on (01/09/2026) cannot be before the referral was made (10/09/2026)',
    )
    const accepted = edit(newCase(), (d) => change.addItem(d, 'onwardReferrals', 'r', { ...referral, outcomeOn: '2026-09-15' }, CASEWORKER))
    expect(() => edit(accepted, (d) => change.updateItem(d, 'onwardReferrals', 'r', { madeOn: '2026-09-16' }, CASEWORKER))).toThrow(
      'outcomeOn: Outcome known on (15/09/2026) cannot be before the referral was made (16/09/2026)',
    )
    expect(read(accepted).onwardReferrals.r).toMatchObject({ madeOn: '2026-09-10', outcomeOn: '2026-09-15' })
  })
})
