import { describe, expect, it } from 'vitest'
import { findLocalAuthorities, LOCAL_AUTHORITIES, localAuthority, localAuthorityName } from './local-authority'
import { normalisePostcode } from './postcode'

describe('local authorities', () => {
  it('lists every UK area once, by nation', () => {
    const codes = new Set(LOCAL_AUTHORITIES.map((authority) => authority.code))
    expect(codes.size).toBe(LOCAL_AUTHORITIES.length)
    const count = (nation: string) => LOCAL_AUTHORITIES.filter((authority) => authority.nation === nation).length
    expect([count('England'), count('Wales'), count('Scotland'), count('Northern Ireland')]).toEqual([296, 22, 32, 11])
    for (const authority of LOCAL_AUTHORITIES) expect(authority.code).toMatch(/^[EWSN]\d{8}$/)
  })

  it('names areas the everyday way and finds them as people type', () => {
    expect(localAuthority('E08000032')?.name).toBe('Bradford')
    expect(localAuthorityName('E06000023')).toBe('Bristol')
    expect(localAuthorityName('E07000999')).toBe('E07000999')
    expect(findLocalAuthorities('brad').map((authority) => authority.name)).toEqual(['Bradford'])
    expect(findLocalAuthorities('tower')[0]?.name).toBe('Tower Hamlets')
    expect(findLocalAuthorities('westmorland')[0]?.code).toBe('E06000064')
    expect(findLocalAuthorities('glasgow')[0]?.nation).toBe('Scotland')
    expect(findLocalAuthorities('')).toEqual([])
  })
})

describe('postcodes', () => {
  it.each([
    ['sw1a1aa', 'SW1A 1AA'],
    ['M1 1AE', 'M1 1AE'],
    [' b33  8th ', 'B33 8TH'],
    ['CR2 6XH', 'CR2 6XH'],
    ['DN55 1PT', 'DN55 1PT'],
    ['EC1A 1BB', 'EC1A 1BB'],
    ['gir0aa', 'GIR 0AA'],
  ])('%s is %s', (typed, postcode) => {
    expect(normalisePostcode(typed)).toBe(postcode)
  })

  it.each(['', 'SW1A', '12345', 'QA1 1AA', 'SW1A 1AAA', 'M1 1CA', 'LS1-4AP'])('refuses %s', (typed) => {
    expect(normalisePostcode(typed)).toBeUndefined()
  })
})
