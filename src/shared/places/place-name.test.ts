import { describe, expect, it } from 'vitest'
import { LOCAL_AUTHORITIES } from './local-authority'
import { placeName } from './place-name'

describe('the everyday name of a place', () => {
  it.each([
    ['S12000036', 'Edinburgh'], // City of Edinburgh
    ['S12000049', 'Glasgow'], // Glasgow City
    ['S12000033', 'Aberdeen'], // Aberdeen City
    ['S12000042', 'Dundee'], // Dundee City
    ['E09000001', 'City of London'], // the place's own name
    ['E06000047', 'County Durham'], // the place's own name, not "County of"
    ['E08000032', 'Bradford'],
    ['N09000002', 'Armagh City, Banbridge and Craigavon'],
    ['E07000999', 'E07000999'], // not in the list: the code, as localAuthorityName gives
  ])('%s is %s', (code, name) => {
    expect(placeName(code)).toBe(name)
  })

  it('never leaves "City of", "County of" or a trailing "City" in a name, except the City of London', () => {
    for (const { code } of LOCAL_AUTHORITIES) {
      if (code === 'E09000001') continue
      expect(placeName(code)).not.toMatch(/\b(?:City|County|Borough) of\b|, (?:City|County)|\bCity$/)
    }
  })
})
