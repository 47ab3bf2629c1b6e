import { describe, expect, it } from 'vitest'
import { validate } from '../validation'
import { referralSchema } from './referral'

const TODAY = '2026-11-23'
const good = {
  clientName: '  Zoë O’Brien-Ní Bhriain ',
  dateOfBirth: '1990-06-01',
  chainNumber: ' 0123456 ',
  referrerName: 'Sam Reed',
  outreachTeam: 'Hackney Outreach',
}
const check = (input: unknown) => validate(referralSchema(TODAY), input)

describe('the referral schema', () => {
  it('accepts a referral and trims what was typed', () => {
    expect(check(good)).toEqual({
      ok: true,
      value: { ...good, clientName: 'Zoë O’Brien-Ní Bhriain', chainNumber: '0123456' },
    })
  })

  it('treats a blank CHAIN number as none', () => {
    const result = check({ ...good, chainNumber: '  ' })
    expect(result.ok && result.value.chainNumber).toBeUndefined()
  })

  it.each([
    [{ clientName: '' }, 'clientName', "Enter the client's name"],
    [{ clientName: 'A\u0007B' }, 'clientName', 'Client name must not contain control characters'],
    [{ clientName: 'x'.repeat(201) }, 'clientName', 'Client name must be 200 characters or fewer'],
    // As every date after today is worded: the date typed, so it can be found and put right.
    [{ dateOfBirth: '2026-11-24' }, 'dateOfBirth', '"Date of birth" (24/11/2026) cannot be in the future'],
    [{ dateOfBirth: '1906-11-22' }, 'dateOfBirth', 'Date of birth must be within the last 120 years'],
    [{ dateOfBirth: '1985-02-30' }, 'dateOfBirth', '1985-02-30 is not a real date'],
    [{ dateOfBirth: 'soon' }, 'dateOfBirth', 'Enter a real date of birth, for example 27/03/1985'],
    [{ dateOfBirth: '03/27/1985' }, 'dateOfBirth', '03/27/1985 is not a real date'],
    [{ chainNumber: '12-34' }, 'chainNumber', 'CHAIN number must be digits only, for example 123456'],
    [{ chainNumber: 123456 }, 'chainNumber', 'CHAIN number must be digits only, for example 123456'],
    [{ referrerName: undefined }, 'referrerName', "Enter the referrer's name"],
    [{ outreachTeam: ' ' }, 'outreachTeam', 'Enter the referring organisation'],
  ])('refuses %o', (change, field, message) => {
    expect(check({ ...good, ...change })).toEqual({ ok: false, issues: [{ field, message }] })
  })

  it('reads a date of birth typed the British way as well as stored', () => {
    const result = check({ ...good, dateOfBirth: '27/03/1985' })
    expect(result.ok && result.value.dateOfBirth).toBe('1985-03-27')
  })

  it('accepts a date of birth of today', () => {
    expect(check({ ...good, dateOfBirth: TODAY }).ok).toBe(true)
  })
})
