import { describe, expect, it } from 'vitest'
import { isPhoneNumber } from './phone-number'

describe('phone numbers', () => {
  it.each(['111', '999', '101', '116 123', '0800 123 4567', '0113 222 4444', '(0113) 222-4444', '+44 7700 900123'])('accepts %s', (typed) => {
    expect(isPhoneNumber(typed)).toBe(true)
  })

  it.each(['ring me', '12', '0113 222 4444 ext 5', '+44 7700 900123 1234567', '++44 113'])('refuses %s', (typed) => {
    expect(isPhoneNumber(typed)).toBe(false)
  })
})
