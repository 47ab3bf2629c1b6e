import { describe, expect, it } from 'vitest'
import { isPhoneNumber, phoneNumberProblem } from './phone-number'

describe('phone numbers', () => {
  it.each([
    // Short service numbers a client is given.
    '111', '999', '112', '101', '105', '116 123', '116 000', '118 118',
    // Big cities' 4-digit codes (011x, 01x1) and other areas, 11 digits or 10 for a few.
    '0113 222 4444', '(0113) 222-4444', '0121 496 0000', '01274 435999', '016977 4567', '01632 960130',
    '020 7946 0321', '029 2018 0123', '0300 123 4567', '07700 900123', '0800 123 4567', '0800 555 111', '0800 1111', '0808 800 5000',
    '+44 7700 900123', '+44 (0)113 222 4444', '0044 20 7946 0321',
    // Abroad: a country code other than 44, 8 to 15 digits.
    '+353 1 234 5678', '+48 22 123 45 67', '00 33 1 23 45 67 89',
    // What the sample workspace and the tests use.
    '01632 960555', '01632 960556', '020 7946 0000', '0114 273 4567', '0114 201 9999',
    // An office's number with an extension.
    '01234 567890 ext 4', '0113 222 4444 ext. 215', '0113 222 4444, extension 12', '0113 222 4444 x4', '0113 222 4444 X 4', '+44 113 222 4444 ext 4',
  ])('accepts %s', (typed) => {
    expect(isPhoneNumber(typed)).toBe(true)
  })

  it.each([
    'ring me', '12', '+44 7700 900123 1234567', '++44 113',
    // An extension needs a real number before it, and digits after it.
    '0113 222 444 ext 5', 'ext 4', '0113 222 4444 ext', '0113 222 4444 ext 1234567', '0113 222 4444 ext 4 ext 5',
    // One digit too many or too few for the leading digits.
    '01107 406 8918', '0113 222 44444', '0113 222 444', '020 7946 032', '07700 900 1234', '0300 123 456', '0845 123 456',
    // No UK number starts so.
    '0400 123 4567', '0600 123 4567', '0101 234 5678', '0119 496 0000',
    // Not a service number, and abroad cut short.
    '1234567', '123', '+353 123',
  ])('refuses %s', (typed) => {
    expect(isPhoneNumber(typed)).toBe(false)
  })

  it('says in plain words what is wrong, to follow the field’s label', () => {
    expect(phoneNumberProblem('01107 406 8918')).toBe('cannot start with 0110: no UK number does')
    expect(phoneNumberProblem('0113 222 44444')).toBe('has 12 digits: a UK number starting 0113 has 11')
    expect(phoneNumberProblem('01274 4359')).toBe('has 9 digits: a UK number starting 01 has 10 or 11')
    expect(phoneNumberProblem('07700 900 1234')).toBe('has 12 digits: a UK number starting 07 has 11')
    expect(phoneNumberProblem('1234567')).toBe('must start with 0 or +, like 0113 222 4444, or be a service number like 111')
    expect(phoneNumberProblem('+353 123')).toBe('has 6 digits: a number abroad has 8 to 15 after the +')
  })
})
