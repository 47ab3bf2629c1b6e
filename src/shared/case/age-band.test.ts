import { describe, expect, it } from 'vitest'
import { ageBandOn, clientAgeBand } from './age-band'

describe('ageBandOn', () => {
  it('moves to the next band on the birthday, not the day before', () => {
    expect(ageBandOn('2008-06-15', '2026-06-14')).toBe('under-18')
    expect(ageBandOn('2008-06-15', '2026-06-15')).toBe('18-24')
    expect(ageBandOn('2001-06-15', '2026-06-14')).toBe('18-24')
    expect(ageBandOn('2001-06-15', '2026-06-15')).toBe('25-34')
    expect(ageBandOn('1991-06-15', '2026-06-15')).toBe('35-44')
    expect(ageBandOn('1981-06-15', '2026-06-15')).toBe('45-54')
    expect(ageBandOn('1971-06-15', '2026-06-15')).toBe('55-64')
    expect(ageBandOn('1961-06-15', '2026-06-14')).toBe('55-64')
    expect(ageBandOn('1961-06-15', '2026-06-15')).toBe('65-plus')
  })

  it('counts a 29 February birthday as passed on 1 March in other years', () => {
    expect(ageBandOn('2008-02-29', '2026-02-28')).toBe('under-18')
    expect(ageBandOn('2008-02-29', '2026-03-01')).toBe('18-24')
  })
})

describe('clientAgeBand', () => {
  it('comes from the date of birth where known, whatever band was typed', () => {
    expect(clientAgeBand({ referral: { dateOfBirth: '1985-03-27' }, equality: { ageBand: '18-24' } }, '2026-11-30')).toBe('35-44')
  })

  it('is the recorded band only when the date of birth is not known, and "not asked" when blank', () => {
    expect(clientAgeBand({ referral: {}, equality: { ageBand: '25-34' } }, '2026-11-30')).toBe('25-34')
    expect(clientAgeBand({ referral: {}, equality: { ageBand: 'prefer-not-to-say' } }, '2026-11-30')).toBe('prefer-not-to-say')
    expect(clientAgeBand({ referral: {}, equality: {} }, '2026-11-30')).toBe('not-asked')
  })
})
