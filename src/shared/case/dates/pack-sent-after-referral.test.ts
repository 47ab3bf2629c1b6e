import { describe, expect, it } from 'vitest'
import { CASEWORKER, edit, newCase, read } from '../../../../tests/support/cases'
import * as change from '../changes'
import { packSentBeforeReferral } from './pack-sent-after-referral'

describe('the presentation pack is sent after the referral', () => {
  it('refuses a pack emailed or handed over before the referral', () => {
    expect(packSentBeforeReferral({ referralDate: '2026-06-20', receivedOn: '2026-07-01' }, { packEmailedOn: '2026-06-19' })).toEqual({
      field: 'packEmailedOn',
      message: 'The pack cannot have been emailed (19/06/2026) before the referral (20/06/2026)',
    })
    expect(packSentBeforeReferral({ receivedOn: '2026-07-01' }, { packHandedOverOn: '2026-06-30' })?.field).toBe('packHandedOverOn')
    expect(packSentBeforeReferral({ receivedOn: '2026-07-01' }, { packEmailedOn: '2026-07-01', packHandedOverOn: '2026-07-02' })).toBeUndefined()
  })

  it('is kept when "Mark as emailed" or "Mark as handed over" saves the date', () => {
    const doc = newCase() // received 01/07/2026
    expect(() => edit(doc, (d) => change.updateSection(d, 'reconnectionDay', { packHandedOverOn: '2026-05-01' }, CASEWORKER))).toThrow(
      'packHandedOverOn: The pack cannot have been handed over (01/05/2026) before the referral (01/07/2026)',
    )
    expect(read(edit(doc, (d) => change.updateSection(d, 'reconnectionDay', { packEmailedOn: '2026-08-11' }, CASEWORKER))).reconnectionDay.packEmailedOn).toBe('2026-08-11')
  })
})
