import { describe, expect, it } from 'vitest'
import { CASEWORKER, edit, newCase, read } from '../../../../tests/support/cases'
import * as change from '../changes'
import { stepDownBeforeReconnection } from './step-down-after-reconnection'

const REFERRAL = { receivedOn: '2026-07-01' }

describe('support steps down after the reconnection', () => {
  it('refuses a step down before the referral or before the date of reconnection', () => {
    expect(stepDownBeforeReconnection(REFERRAL, {}, { startedOn: '2026-06-30' })).toEqual({
      field: 'startedOn',
      message: 'Support started scaling back on (30/06/2026) cannot be before the referral (01/07/2026)',
    })
    expect(stepDownBeforeReconnection(REFERRAL, { date: '2026-08-12' }, { startedOn: '2026-08-01' })?.message).toBe(
      'Support started scaling back on (01/08/2026) cannot be before the date of reconnection (12/08/2026)',
    )
    expect(stepDownBeforeReconnection(REFERRAL, { date: '2026-08-12' }, { startedOn: '2026-09-05' })).toBeUndefined()
    expect(stepDownBeforeReconnection(REFERRAL, { date: '2026-08-12' }, {})).toBeUndefined()
  })

  it('is kept when the step down is saved, on its date', () => {
    const doc = edit(newCase(), (d) => change.updateSection(d, 'reconnectionDay', { date: '2026-08-12' }, CASEWORKER))
    expect(() => edit(doc, (d) => change.updateSection(d, 'stepDown', { startedOn: '2026-08-11' }, CASEWORKER))).toThrow('startedOn: Support started scaling back on (11/08/2026)')
    expect(read(edit(doc, (d) => change.updateSection(d, 'stepDown', { startedOn: '2026-09-07' }, CASEWORKER))).stepDown.startedOn).toBe('2026-09-07')
  })
})
