import { describe, expect, it } from 'vitest'
import { afterWrongPin, NO_WRONG_PINS, waitInWords, waitLeft, type WrongPins } from './wrong-pin-wait'

/** The state after `count` wrong PINs, each at the fake clock's `at`. */
function wrongTimes(count: number, at: Date): WrongPins {
  let state = NO_WRONG_PINS
  for (let i = 0; i < count; i++) state = afterWrongPin(state, at)
  return state
}

describe('the wait after wrong PINs', () => {
  const clock = new Date('2026-03-02T09:00:00Z')
  const later = (ms: number) => new Date(clock.getTime() + ms)

  it('lets four wrong PINs in a row pass without a wait', () => {
    expect(waitLeft(wrongTimes(4, clock), clock)).toBe(0)
  })

  it('makes the fifth wrong one wait 30 seconds, then lets a PIN be tried', () => {
    const state = wrongTimes(5, clock)
    expect(waitLeft(state, clock)).toBe(30_000)
    expect(waitLeft(state, later(29_000))).toBe(1_000)
    expect(waitLeft(state, later(30_000))).toBe(0)
  })

  it('doubles with each further wrong one, up to 15 minutes', () => {
    expect(waitLeft(wrongTimes(6, clock), clock)).toBe(60_000)
    expect(waitLeft(wrongTimes(7, clock), clock)).toBe(120_000)
    expect(waitLeft(wrongTimes(9, clock), clock)).toBe(480_000)
    expect(waitLeft(wrongTimes(10, clock), clock)).toBe(900_000)
    expect(waitLeft(wrongTimes(40, clock), clock)).toBe(900_000)
  })

  it('says the wait in words', () => {
    expect(waitInWords(30_000)).toBe('30 seconds')
    expect(waitInWords(1_200)).toBe('2 seconds')
    expect(waitInWords(60_000)).toBe('1 minute')
    expect(waitInWords(61_000)).toBe('2 minutes')
    expect(waitInWords(900_000)).toBe('15 minutes')
  })
})
