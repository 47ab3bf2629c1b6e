import { describe, expect, it } from 'vitest'
import { chosenPassphraseProblem, MIN_WORKSPACE_PASSPHRASE_LENGTH } from './workspace-passphrase'

describe('choosing the workspace passphrase', () => {
  it('takes one of at least 10 characters, typed the same twice', () => {
    expect(MIN_WORKSPACE_PASSPHRASE_LENGTH).toBe(10)
    expect(chosenPassphraseProblem('tea at four', 'tea at four')).toBeUndefined()
    expect(chosenPassphraseProblem('0123456789', '0123456789')).toBeUndefined()
  })

  it('refuses a short one, counting characters, not bytes', () => {
    expect(chosenPassphraseProblem('123456789', '123456789')).toBe('A workspace passphrase needs at least 10 characters')
    expect(chosenPassphraseProblem('ééééééééé', 'ééééééééé')).toMatch(/at least 10/)
  })

  it('refuses two different typings', () => {
    expect(chosenPassphraseProblem('tea at four', 'tea at fuor')).toBe('The two passphrases are not the same: type it again')
  })

  it('refuses one longer than the API takes', () => {
    const long = 'a'.repeat(1001)
    expect(chosenPassphraseProblem(long, long)).toMatch(/at most 1000/)
  })
})
