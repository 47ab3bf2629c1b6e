import { describe, expect, it } from 'vitest'
import { CASEWORKER, caseIn, edit, read } from '../../../tests/support/cases'
import type { GeneratedDocument } from './attachments'
import * as change from './changes'
import { closedCaseSteps, closureSteps, type ClosureChecklist } from './closure'
import { formatUkDate } from '../dates'

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

  it('a closed case has no current step: each step not done says so, with nothing asked of it', () => {
    const steps = closedCaseSteps(closureSteps({ sufficientSupport: 'yes', lowRiskOfReturn: 'no' }, '2026-08-01', '2026-11-23'))
    expect(steps.map((step) => `${step.number}:${step.state}`)).toEqual([
      '1:done', '2:not-done', '3:not-done', '4:not-done', '5:not-done', '6:not-done', '7:not-done', '8:not-done', '9:not-done', '10:not-done', '11:not-done',
    ])
    expect(steps.filter((step) => step.guidance !== undefined)).toEqual([])
    // What was answered is still shown.
    expect(steps[1]!.answer).toBe('Sufficient support: Yes. Low risk of return: No')
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

  it('moves on from Step 7 once the client is informed, not when a letter is made, and finishes with the learning log', () => {
    const done: ClosureChecklist = {
      sufficientSupport: 'yes',
      lowRiskOfReturn: 'yes',
      inTemporaryAccommodation: 'no',
      informedOfClosure: 'yes',
      closureLetterOn: '2026-11-18',
      agenciesToldOn: '2026-11-19',
      closedInSystemsOn: '2026-11-19',
      teamReviewOn: '2026-11-20',
      learningPointsLoggedOn: '2026-11-20',
    }
    expect(states(done).every((state) => state.endsWith('done') || state.endsWith('not-needed'))).toBe(true)
    for (const informedOfClosure of [undefined, 'no'] as const) {
      expect(states({ ...done, informedOfClosure }).slice(6, 8)).toEqual(['7:current', '8:to-do'])
    }
  })
})

describe('what each step of Tool 4 was answered', () => {
  it('shows the answer given, yes or no, and the date a step was done, not just that it is done', () => {
    const steps = closureSteps(
      { sufficientSupport: 'yes', lowRiskOfReturn: 'no', inTemporaryAccommodation: 'no', informedOfClosure: 'no', closureLetterOn: '2026-11-18', agenciesToldOn: '2026-11-19' },
      '2026-08-01',
      '2026-11-23',
    )
    expect(steps.map((step) => [step.number, step.answer])).toEqual([
      [1, 'Yes: 3 months on 01/11/2026'],
      [2, 'Sufficient support: Yes. Low risk of return: No'],
      [3, 'No'],
      [4, undefined],
      [5, undefined],
      [6, undefined],
      [7, 'Closure letter made on 18/11/2026; client not yet informed'],
      [8, 'Told on 19/11/2026'],
      [9, undefined],
      [10, undefined],
      [11, undefined],
    ])
  })

  it('says at Step 7 what is left: the letter made, the client not yet informed', () => {
    const step7 = (checklist: ClosureChecklist) => closureSteps({ sufficientSupport: 'yes', lowRiskOfReturn: 'yes', inTemporaryAccommodation: 'no', ...checklist }, '2026-08-01', '2026-11-23')[6]
    expect(step7({ informedOfClosure: 'no' })).toMatchObject({ state: 'current', answer: 'No: client not yet informed', guidance: expect.stringMatching(/^Contact the client and write a letter/) as string })
    expect(step7({ closureLetterOn: '2026-11-18' })).toMatchObject({
      state: 'current',
      answer: 'Closure letter made on 18/11/2026',
      guidance: 'Contact the client and give or send them the closure letter; once they have been informed, answer Yes.',
    })
    expect(step7({ informedOfClosure: 'yes', closureLetterOn: '2026-11-18' })).toMatchObject({ state: 'done', answer: 'Yes. Closure letter made on 18/11/2026' })
  })

  it('says the answer of a step not needed on this branch is not asked', () => {
    const steps = closureSteps({ inTemporaryAccommodation: 'no', positiveDecision: 'yes' }, '2026-08-01', '2026-11-23')
    expect(steps[3]).toEqual({ number: 4, title: expect.any(String) as string, state: 'not-needed' })
  })
})

describe('making the closure letter is recorded at Step 7', () => {
  const letter: GeneratedDocument = { kind: 'closure-letter', fileName: 'Closure letter.pdf', pages: 1, at: CASEWORKER.now.toISOString(), by: CASEWORKER.author, enclosures: [] }

  it('records the day the first letter is made, and leaves the step for the answer whether the client was informed', () => {
    const doc = edit(caseIn('closure-and-review'), (d) => change.recordGeneratedDocument(d, 'letter-1', letter, CASEWORKER))
    expect(read(doc).closure.closureLetterOn).toBe(CASEWORKER.today)
    expect(closureSteps({ sufficientSupport: 'yes', lowRiskOfReturn: 'yes', inTemporaryAccommodation: 'no', ...read(doc).closure }, '2026-08-01', CASEWORKER.today)[6]).toMatchObject({ state: 'current', answer: `Closure letter made on ${formatUkDate(CASEWORKER.today)}` })
  })

  it('keeps the date the caseworker gave, and a pack records nothing for Step 7', () => {
    let doc = edit(caseIn('closure-and-review'), (d) => change.recordGeneratedDocument(d, 'pack', { ...letter, kind: 'presentation-pack' }, CASEWORKER))
    expect(read(doc).closure.closureLetterOn).toBeUndefined()
    doc = edit(doc, (d) => change.updateSection(d, 'closure', { closureLetterOn: '2026-11-02' }, CASEWORKER))
    doc = edit(doc, (d) => change.recordGeneratedDocument(d, 'letter-2', letter, CASEWORKER))
    expect(read(doc).closure.closureLetterOn).toBe('2026-11-02')
  })
})
