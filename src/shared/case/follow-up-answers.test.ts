import { describe, expect, it } from 'vitest'
import { CASEWORKER, caseIn, edit, nextId, read } from '../../../tests/support/cases'
import { toStored } from '../automerge/registers'
import * as change from './changes'
import { contradictoryFollowUpAnswers } from './follow-up-answers'

const CONTRADICTION = 'The answers to Still accommodated? and Returned to rough sleeping? cannot both be Yes: change the one that is not true'
const check = { check: '3-months', doneOn: '2026-11-22', contactMethod: 'phone' }

const closed = () =>
  edit(caseIn('intensive-support'), (d) => change.closeCase(d, { type: 'unplanned', unplannedReason: 'disengaged', on: '2026-11-20', id: nextId() }, CASEWORKER))

describe("a follow-up check's answers agree with each other", () => {
  it('refuses still accommodated and returned to rough sleeping both Yes, by the questions asked', () => {
    expect(contradictoryFollowUpAnswers({ stillAccommodated: 'yes', returnedToRoughSleeping: 'yes' })).toEqual([{ field: 'returnedToRoughSleeping', message: CONTRADICTION }])
  })

  it('takes every other pair, returned to the area while accommodated among them (housed back there)', () => {
    expect(contradictoryFollowUpAnswers({ stillAccommodated: 'yes', returnedToRoughSleeping: 'no' })).toEqual([])
    expect(contradictoryFollowUpAnswers({ stillAccommodated: 'no', returnedToRoughSleeping: 'yes' })).toEqual([])
    expect(contradictoryFollowUpAnswers({ stillAccommodated: 'yes', returnedToRoughSleeping: 'unknown' })).toEqual([])
    expect(contradictoryFollowUpAnswers({ stillAccommodated: 'yes' })).toEqual([])
  })

  it('refuses a check saved with both, added or changed to both, and keeps nothing of it', () => {
    const refused = (fn: (d: Parameters<Parameters<typeof edit>[1]>[0]) => void) => {
      let error: unknown
      try {
        edit(closed(), fn)
      } catch (caught) {
        error = caught
      }
      return error
    }
    expect(refused((d) => change.addItem(d, 'followUps', 'f', { ...check, stillAccommodated: 'yes', returnedToRoughSleeping: 'yes' }, CASEWORKER))).toMatchObject({
      issues: [{ field: 'returnedToRoughSleeping', message: CONTRADICTION }],
    })
    const accommodated = edit(closed(), (d) => change.addItem(d, 'followUps', 'f', { ...check, stillAccommodated: 'yes', returnedToRoughSleeping: 'no' }, CASEWORKER))
    expect(() => edit(accommodated, (d) => change.updateItem(d, 'followUps', 'f', { returnedToRoughSleeping: 'yes' }, CASEWORKER))).toThrow(CONTRADICTION)
    expect(read(accommodated).followUps.f?.returnedToRoughSleeping).toBe('no')
    const returned = edit(accommodated, (d) => change.updateItem(d, 'followUps', 'f', { stillAccommodated: 'no', returnedToRoughSleeping: 'yes' }, CASEWORKER))
    expect(read(returned).followUps.f).toMatchObject({ stillAccommodated: 'no', returnedToRoughSleeping: 'yes' })
  })

  it('still reads and shows a check written with both before the rule, and lets its other answers be saved', () => {
    const older = edit(closed(), (d) => {
      ;(d.followUps as unknown as Record<string, unknown>).old = toStored({ ...check, stillAccommodated: 'yes', returnedToRoughSleeping: 'yes' })
    })
    expect(read(older).followUps.old).toMatchObject({ stillAccommodated: 'yes', returnedToRoughSleeping: 'yes' })
    const noted = edit(older, (d) => change.updateItem(d, 'followUps', 'old', { note: 'Spoke to his support worker' }, CASEWORKER))
    expect(read(noted).followUps.old).toMatchObject({ stillAccommodated: 'yes', returnedToRoughSleeping: 'yes', note: 'Spoke to his support worker' })
    const settled = edit(noted, (d) => change.updateItem(d, 'followUps', 'old', { stillAccommodated: 'no' }, CASEWORKER))
    expect(read(settled).followUps.old?.stillAccommodated).toBe('no')
  })
})
