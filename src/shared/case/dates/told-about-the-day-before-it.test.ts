import { describe, expect, it } from 'vitest'
import { CASEWORKER, edit, newCase, read } from '../../../../tests/support/cases'
import * as change from '../changes'
import { toldAfterTheDay } from './told-about-the-day-before-it'

describe('the client is told what to expect before the day of reconnection', () => {
  it('refuses a date after the day, and allows any day before it or the day itself', () => {
    expect(toldAfterTheDay({ date: '2026-08-12', clientToldAboutDayOn: '2026-08-13' })).toEqual({
      field: 'clientToldAboutDayOn',
      message: 'The client cannot be told what to expect on the day (13/08/2026) after the date of reconnection (12/08/2026)',
    })
    expect(toldAfterTheDay({ date: '2026-08-12', clientToldAboutDayOn: '2026-08-12' })).toBeUndefined()
    expect(toldAfterTheDay({ date: '2026-08-12', clientToldAboutDayOn: '2026-08-01' })).toBeUndefined()
    expect(toldAfterTheDay({ clientToldAboutDayOn: '2026-08-13' })).toBeUndefined()
  })

  it('is kept when the reconnection day is saved, or its date moved earlier', () => {
    const doc = edit(newCase(), (d) => change.updateSection(d, 'reconnectionDay', { date: '2026-08-12', clientToldAboutDayOn: '2026-08-10' }, CASEWORKER))
    expect(() => edit(doc, (d) => change.updateSection(d, 'reconnectionDay', { clientToldAboutDayOn: '2026-08-14' }, CASEWORKER))).toThrow(
      'The client cannot be told what to expect on the day (14/08/2026)',
    )
    expect(() => edit(doc, (d) => change.updateSection(d, 'reconnectionDay', { date: '2026-08-09' }, CASEWORKER))).toThrow('after the date of reconnection (09/08/2026)')
    expect(read(doc).reconnectionDay.clientToldAboutDayOn).toBe('2026-08-10')
  })
})
