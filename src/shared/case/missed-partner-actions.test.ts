import { describe, expect, it } from 'vitest'
import * as change from './changes'
import { caseFlags } from './flags'
import { nextStep } from './lifecycle'
import { missedPartnerActions, openPartnerActionsDue } from './missed-partner-actions'
import { CASEWORKER, caseIn, edit, nextId, read, TODAY } from '../../../tests/support/cases'

const referral = (values: Record<string, unknown>) => ({ agency: 'Bradford Floating Support', madeOn: '2026-11-10', reason: 'Help to settle into the flat', outcome: 'accepted', ...values })

describe('SAFE’s red flag: an action agreed with a partner, missed', () => {
  it('is an action past its due date and not done; due today is not missed yet', () => {
    expect(missedPartnerActions(['2026-11-22', '2026-11-23'], TODAY)).toBe('1 action agreed with a partner missed (due 22/11/2026)')
    expect(missedPartnerActions(['2026-11-23'], TODAY)).toBeUndefined()
    expect(openPartnerActionsDue([{ partnerActionDue: '2026-11-20', partnerActionDoneOn: '2026-11-19' }, { partnerActionDue: '2026-11-21' }, {}])).toEqual(['2026-11-21'])
  })

  it('flags the case on the board and is its next step, until the action is done', () => {
    let doc = caseIn('intensive-support')
    const id = nextId()
    doc = edit(doc, (d) => {
      change.addItem(d, 'onwardReferrals', id, referral({ partnerAction: 'First visit at the flat', partnerActionBy: 'Sarah, Bradford Floating Support', partnerActionDue: '2026-11-20' }), CASEWORKER)
      change.addItem(d, 'onwardReferrals', nextId(), referral({ agency: 'Mind in Bradford', outcome: 'pending', partnerActionDue: '2026-12-01' }), CASEWORKER)
    })
    expect(caseFlags(read(doc), TODAY)).toContainEqual({ kind: 'missed-partner-action', message: '1 action agreed with a partner missed (due 20/11/2026)' })
    expect(nextStep(read(doc), { today: TODAY })).toBe('1 action agreed with a partner missed (due 20/11/2026): chase it with the partner.')
    doc = edit(doc, (d) => change.updateItem(d, 'onwardReferrals', id, { partnerActionDoneOn: '2026-11-23' }, CASEWORKER))
    expect(caseFlags(read(doc), TODAY).map((flag) => flag.kind)).not.toContain('missed-partner-action')
  })

  it('refuses a referral without its agency, date, purpose or outcome, by name', () => {
    expect(() => edit(caseIn('reconnection-planning'), (d) => change.addItem(d, 'onwardReferrals', nextId(), { partnerAction: 'Call back' }, CASEWORKER))).toThrow(
      expect.objectContaining({
        issues: [
          { field: 'agency', message: 'Enter referred to (agency)' },
          { field: 'madeOn', message: 'Enter referred on' },
          { field: 'reason', message: 'Enter what for' },
          { field: 'outcome', message: 'Choose the outcome, or Pending' },
        ],
      }),
    )
  })
})
