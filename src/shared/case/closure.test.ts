import { describe, expect, it } from 'vitest'
import { closureSteps, type ClosureChecklist } from './closure'

const states = (checklist: ClosureChecklist, reconnectedOn = '2026-08-01', today = '2026-11-23') =>
  closureSteps(checklist, reconnectedOn, today).map((step) => `${step.number}:${step.state}`)

describe("Tool 4's steps and branches", () => {
  it('stops at Step 1 before the three-month point', () => {
    const steps = closureSteps({}, '2026-09-01', '2026-11-30')
    expect(steps[0]).toMatchObject({ state: 'current' })
    expect(steps[0]!.guidance).toMatch(/not yet 3 months post reconnection \(that is 01\/12\/2026\)/)
    expect(closureSteps({}, '2026-09-01', '2026-12-01')[0]!.state).toBe('done')
    expect(closureSteps({}, undefined, '2026-12-01')[0]!.guidance).toBe('No reconnection date is recorded yet.')
  })

  it('sends the case back round when local support is not enough', () => {
    const steps = closureSteps({ sufficientSupport: 'yes', lowRiskOfReturn: 'no' }, '2026-08-01', '2026-11-23')
    expect(steps[1]).toMatchObject({ number: 2, state: 'current' })
    expect(steps[1]!.guidance).toMatch(/restart at Step 1/)
  })

  it('not in temporary accommodation: Steps 4 and 5 are not needed', () => {
    expect(states({ sufficientSupport: 'yes', lowRiskOfReturn: 'yes', inTemporaryAccommodation: 'no' })).toEqual([
      '1:done', '2:done', '3:done', '4:not-needed', '5:not-needed', '6:done', '7:current', '8:to-do', '9:to-do', '10:to-do', '11:to-do',
    ])
  })

  it('in temporary accommodation with a positive decision: Step 5 is not needed', () => {
    expect(states({ sufficientSupport: 'yes', lowRiskOfReturn: 'yes', inTemporaryAccommodation: 'yes', positiveDecision: 'yes' }).slice(2, 6)).toEqual([
      '3:done', '4:done', '5:not-needed', '6:done',
    ])
  })

  it('in temporary accommodation without a positive decision: hand over for a possible negative decision', () => {
    const base: ClosureChecklist = { sufficientSupport: 'yes', lowRiskOfReturn: 'yes', inTemporaryAccommodation: 'yes', positiveDecision: 'no' }
    expect(states(base).slice(3, 6)).toEqual(['4:done', '5:current', '6:to-do'])
    expect(states({ ...base, negativeDecisionHandoverOn: '2026-11-10' }).slice(3, 7)).toEqual(['4:done', '5:done', '6:done', '7:current'])
  })

  it('counts the client as informed by a closure letter, and finishes with the learning log', () => {
    const done: ClosureChecklist = {
      sufficientSupport: 'yes',
      lowRiskOfReturn: 'yes',
      inTemporaryAccommodation: 'no',
      closureLetterOn: '2026-11-18',
      agenciesToldOn: '2026-11-19',
      closedInSystemsOn: '2026-11-19',
      teamReviewOn: '2026-11-20',
      learningPointsLoggedOn: '2026-11-20',
    }
    expect(states(done).every((state) => state.endsWith('done') || state.endsWith('not-needed'))).toBe(true)
  })
})
