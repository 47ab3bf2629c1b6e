import { describe, expect, it } from 'vitest'
import { chosenPassphraseIssue, MIN_WORKSPACE_PASSPHRASE_LENGTH } from './workspace-passphrase'

describe('choosing the workspace passphrase', () => {
  it('takes one of at least 10 characters, typed the same twice', () => {
    expect(MIN_WORKSPACE_PASSPHRASE_LENGTH).toBe(10)
    expect(chosenPassphraseIssue('tea at four', 'tea at four')).toBeUndefined()
    expect(chosenPassphraseIssue('0123456789', '0123456789')).toBeUndefined()
  })

  it('refuses a short one, counting characters, not bytes', () => {
    expect(chosenPassphraseIssue('123456789', '123456789')).toEqual({ field: 'passphrase', message: 'A workspace passphrase needs at least 10 characters' })
    expect(chosenPassphraseIssue('ééééééééé', 'ééééééééé')?.message).toMatch(/at least 10/)
  })

  it('refuses two different typings', () => {
    expect(chosenPassphraseIssue('tea at four', 'tea at fuor')).toEqual({ field: 'again', message: 'The two passphrases are not the same: type it again' })
  })

  it('refuses one longer than the API takes', () => {
    const long = 'a'.repeat(1001)
    expect(chosenPassphraseIssue(long, long)?.message).toMatch(/at most 1000/)
  })
})
