import { describe, expect, it } from 'vitest'
import { stepDownDue, type StepDownFacts } from './step-down-due'

const reconnected = (reconnectedOn: string, more: Partial<StepDownFacts> = {}): StepDownFacts => ({
  status: 'open',
  phase: 'intensive-support',
  reconnectedOn,
  stepDownStartedOn: null,
  ...more,
})

describe('step down due (Phase 7: three to four weeks after reconnection)', () => {
  it('is due three weeks after the client was reconnected', () => {
    expect(stepDownDue(reconnected('2026-11-02'))).toBe('2026-11-23') // a Monday to a Monday
  })

  it('falls on a working day: a weekend or bank holiday moves it to the next', () => {
    expect(stepDownDue(reconnected('2026-11-07'))).toBe('2026-11-30') // three weeks after a Saturday: the Monday
    expect(stepDownDue(reconnected('2026-12-04'))).toBe('2026-12-29') // Christmas Day, then the weekend and Boxing Day's Monday
    expect(stepDownDue(reconnected('2026-03-16'))).toBe('2026-04-07') // Easter Monday, 6 April 2026
  })

  it('is not owed before reconnection, once support has started scaling back, or on a case closing or closed', () => {
    expect(stepDownDue(reconnected('2026-11-02', { reconnectedOn: null }))).toBeUndefined()
    expect(stepDownDue(reconnected('2026-11-02', { stepDownStartedOn: '2026-11-25' }))).toBeUndefined()
    expect(stepDownDue(reconnected('2026-11-02', { phase: 'closure-and-review' }))).toBeUndefined()
    expect(stepDownDue(reconnected('2026-11-02', { status: 'closed' }))).toBeUndefined()
    expect(stepDownDue(reconnected('2026-11-02', { phase: 'step-down' }))).toBe('2026-11-23')
  })
})
