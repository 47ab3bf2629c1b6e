import { describe, expect, it } from 'vitest'
import { caseIn, CASEWORKER, edit, read, TODAY } from '../../../tests/support/cases'
import * as change from './changes'
import { caseFlags } from './flags'
import { nextStep } from './lifecycle'

describe('consent to record withdrawn', () => {
  it('makes closing the case and asking a manager to erase it the next step, and flags it on the board', () => {
    const doc = edit(caseIn('reconnection-planning'), (d) => change.updateSection(d, 'engagement', { consentToRecordWithdrawnOn: '2026-11-20' }, CASEWORKER))
    const record = read(doc)
    const client = record.referral.clientName.split(' ')[0]
    expect(nextStep(record, { today: TODAY })).toBe(`${client} withdrew consent to record information on 20/11/2026: close the case, then ask a manager to erase it.`)
    expect(caseFlags(record, TODAY)).toContainEqual({ kind: 'consent-withdrawn', message: 'Consent to record withdrawn: close the case and ask a manager to erase it' })
  })
})
