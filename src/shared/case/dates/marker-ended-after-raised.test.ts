import { describe, expect, it } from 'vitest'
import { CASEWORKER, edit, newCase, read } from '../../../../tests/support/cases'
import * as change from '../changes'
import { markerEndedBeforeRaised } from './marker-ended-after-raised'

describe('a warning marker ends on or after the day it was raised', () => {
  it('refuses an end before the day raised, and allows that day, later, or no end', () => {
    expect(markerEndedBeforeRaised({ raisedOn: '2026-05-03', endedOn: '2026-05-02' })).toEqual({
      field: 'endedOn',
      message: 'Ended on (02/05/2026) cannot be before the marker was raised (03/05/2026)',
    })
    expect(markerEndedBeforeRaised({ raisedOn: '2026-05-03', endedOn: '2026-05-03' })).toBeUndefined()
    expect(markerEndedBeforeRaised({ raisedOn: '2026-05-03', endedOn: '2026-06-01' })).toBeUndefined()
    expect(markerEndedBeforeRaised({ raisedOn: '2026-05-03' })).toBeUndefined()
  })

  it('is kept when a marker is added or changed, on the end date', () => {
    const marker = { kind: 'risk-to-staff', raisedOn: '2026-05-03' }
    expect(() => edit(newCase(), (d) => change.addItem(d, 'markers', 'm', { ...marker, endedOn: '2026-05-01' }, CASEWORKER))).toThrow(
      'endedOn: Ended on (01/05/2026) cannot be before the marker was raised (03/05/2026)',
    )
    const ended = edit(newCase(), (d) => change.addItem(d, 'markers', 'm', { ...marker, endedOn: '2026-05-10' }, CASEWORKER))
    expect(() => edit(ended, (d) => change.updateItem(d, 'markers', 'm', { raisedOn: '2026-05-11' }, CASEWORKER))).toThrow(
      'endedOn: Ended on (10/05/2026) cannot be before the marker was raised (11/05/2026)',
    )
    expect(read(ended).markers.m).toMatchObject({ raisedOn: '2026-05-03', endedOn: '2026-05-10' })
  })
})
