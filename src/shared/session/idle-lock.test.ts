import { describe, expect, it } from 'vitest'
import { idleTooLong, lockAfterMinutes, lockAfterProblem } from './idle-lock'

describe('locking after a period idle', () => {
  it('is 15 minutes unless the team has chosen 1 to 60', () => {
    expect(lockAfterMinutes(undefined)).toBe(15)
    expect(lockAfterMinutes(5)).toBe(5)
    expect(lockAfterMinutes(0)).toBe(15)
    expect(lockAfterMinutes(61)).toBe(15)
    expect(lockAfterMinutes('5')).toBe(15)
  })

  it('refuses a setting out of range, in words', () => {
    expect(lockAfterProblem(1)).toBeUndefined()
    expect(lockAfterProblem(60)).toBeUndefined()
    expect(lockAfterProblem(0)).toBe('Choose between 1 and 60 minutes')
    expect(lockAfterProblem(2.5)).toBe('Enter a whole number of minutes')
  })

  it('locks once the whole period has passed with nothing done', () => {
    const last = new Date('2026-03-02T09:00:00Z')
    expect(idleTooLong(last, new Date('2026-03-02T09:14:59Z'), 15)).toBe(false)
    expect(idleTooLong(last, new Date('2026-03-02T09:15:00Z'), 15)).toBe(true)
  })
})
