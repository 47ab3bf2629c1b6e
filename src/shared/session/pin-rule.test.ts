import { describe, expect, it } from 'vitest'
import { pinProblem } from './pin-rule'

describe('a PIN or passphrase', () => {
  it('takes 6 digits or more', () => {
    expect(pinProblem('123456')).toBeUndefined()
    expect(pinProblem('0000000000')).toBeUndefined()
  })

  it('refuses fewer than 6 digits, saying how many', () => {
    expect(pinProblem('12345')).toBe('A PIN needs at least 6 digits')
    expect(pinProblem('')).toBe('Enter a PIN or passphrase')
  })

  it('takes a passphrase of 8 characters or more, and refuses a shorter one', () => {
    expect(pinProblem('tea at 4')).toBeUndefined()
    expect(pinProblem('abc12')).toMatch(/passphrase at least 8 characters/)
    // Six digits with a space is a passphrase, not a PIN: too short.
    expect(pinProblem('123 456')).toMatch(/at least 8/)
  })

  it('counts characters, not UTF-16 units', () => {
    expect(pinProblem('ééééééé')).toMatch(/at least 8/)
    expect(pinProblem('🙂🙂🙂🙂')).toMatch(/at least 8/)
  })
})
