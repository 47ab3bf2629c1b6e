import { describe, expect, it } from 'vitest'
import { CASEWORKER, edit, newCase, read } from '../../../../tests/support/cases'
import * as change from '../changes'
import { arrivalBeforeReconnection } from './arrival-after-reconnection'

describe('arrival is confirmed on or after the day of reconnection', () => {
  it('refuses an arrival before the date of reconnection, and allows the day itself or later', () => {
    expect(arrivalBeforeReconnection({ date: '2026-08-12', arrivedOn: '2026-08-11' })).toEqual({
      field: 'arrivedOn',
      message: 'Arrival confirmed on (11/08/2026) cannot be before the date of reconnection (12/08/2026)',
    })
    expect(arrivalBeforeReconnection({ date: '2026-08-12', arrivedOn: '2026-08-12' })).toBeUndefined()
    expect(arrivalBeforeReconnection({ date: '2026-08-12', arrivedOn: '2026-08-13' })).toBeUndefined()
    expect(arrivalBeforeReconnection({ arrivedOn: '2026-08-13' })).toBeUndefined()
  })

  it('is kept when the reconnection day is saved, or its date moved later', () => {
    const doc = edit(newCase(), (d) => change.updateSection(d, 'reconnectionDay', { date: '2026-08-12' }, CASEWORKER))
    expect(() => edit(doc, (d) => change.updateSection(d, 'reconnectionDay', { arrivedOn: '2026-08-10' }, CASEWORKER))).toThrow('arrivedOn: Arrival confirmed on (10/08/2026)')
    const arrived = edit(doc, (d) => change.updateSection(d, 'reconnectionDay', { arrivedOn: '2026-08-12' }, CASEWORKER))
    expect(() => edit(arrived, (d) => change.updateSection(d, 'reconnectionDay', { date: '2026-08-14' }, CASEWORKER))).toThrow(
      'arrivedOn: Arrival confirmed on (12/08/2026) cannot be before the date of reconnection (14/08/2026)',
    )
    expect(read(arrived).reconnectionDay.arrivedOn).toBe('2026-08-12')
  })
})
