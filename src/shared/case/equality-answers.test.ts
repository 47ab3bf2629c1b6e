import { describe, expect, it } from 'vitest'
import { equalityAnswers, equalityState, wasAsked } from './equality-answers'

const today = '2026-11-30'

describe('equalityAnswers', () => {
  it('counts "Prefer not to say" as an answer, not as missing', () => {
    const answers = equalityAnswers({ referral: { dateOfBirth: '1985-03-27' }, equality: { religion: 'prefer-not-to-say' } }, today)
    const religion = answers.find((answer) => answer.name === 'religion')!
    expect(religion).toMatchObject({ shown: 'Prefer not to say', state: 'prefer-not-to-say' })
    expect(wasAsked(religion)).toBe(true)
  })

  it('reads a blank question, or one set back to "Not asked", as not asked: never as an answer', () => {
    const answers = equalityAnswers({ referral: {}, equality: { gender: 'not-asked' } }, today)
    for (const answer of answers) {
      expect(answer).toMatchObject({ shown: 'Not asked', state: 'not-asked' })
      expect(wasAsked(answer)).toBe(false)
    }
    expect(equalityState('')).toBe('not-asked')
  })

  it("shows an answer by its label, and the age band from the date of birth", () => {
    const answers = equalityAnswers({ referral: { dateOfBirth: '2004-01-02' }, equality: { ethnicity: 'white-irish', gender: 'woman' } }, today)
    expect(answers.map((answer) => [answer.name, answer.shown])).toEqual([
      ['gender', 'Woman'],
      ['ethnicity', 'Irish'],
      ['ageBand', '18 to 24'],
      ['disability', 'Not asked'],
      ['sexualOrientation', 'Not asked'],
      ['religion', 'Not asked'],
      ['nationality', 'Not asked'],
    ])
  })
})
