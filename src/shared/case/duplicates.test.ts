import { describe, expect, it } from 'vitest'
import { duplicateReason, nameKey, nameKeys } from './duplicates'

describe('the duplicate check at referral', () => {
  it('matches a CHAIN number', () => {
    expect(duplicateReason({ clientName: 'A', dateOfBirth: '1980-01-01', chainNumber: '123456' }, { clientName: 'B', dateOfBirth: '1990-01-01', chainNumber: '123456' })).toBe(
      'chain-number',
    )
  })

  it('matches a name and date of birth, whatever the accents, case and punctuation', () => {
    expect(nameKey("Zoë O'Brien-Ní Bhriain")).toBe('zoe o brien ni bhriain')
    expect(duplicateReason({ clientName: 'ŁUKASZ  WIŚNIEWSKI', dateOfBirth: '1984-05-17' }, { clientName: 'lukasz wisniewski', dateOfBirth: '1984-05-17' })).toBe(
      'name-and-date-of-birth',
    )
  })

  it('does not match the same name on another date of birth, or empty CHAIN numbers', () => {
    expect(duplicateReason({ clientName: 'Ana Pereira', dateOfBirth: '1979-02-03' }, { clientName: 'Ana Pereira', dateOfBirth: '1979-02-04' })).toBeUndefined()
    expect(duplicateReason({ clientName: 'A', dateOfBirth: '1980-01-01', chainNumber: '' }, { clientName: 'B', dateOfBirth: '1981-01-01', chainNumber: '' })).toBeUndefined()
  })
})

describe('the duplicate check with other names', () => {
  const known = { clientName: 'Robert Kowalski', dateOfBirth: '1975-09-30', otherNames: ['Bobby K', 'Róbert Kowalsky'] }

  it("matches a referral whose name is one of a case's other names, on the same date of birth", () => {
    expect(duplicateReason({ clientName: 'bobby k', dateOfBirth: '1975-09-30' }, known)).toBe('name-and-date-of-birth')
    expect(duplicateReason(known, { clientName: 'Robert Kowalsky', dateOfBirth: '1975-09-30' })).toBe('name-and-date-of-birth')
  })

  it('does not match an other name on another date of birth', () => {
    expect(duplicateReason({ clientName: 'Bobby K', dateOfBirth: '1975-09-29' }, known)).toBeUndefined()
  })

  it('keys every name once, leaving out blanks', () => {
    expect(nameKeys({ clientName: 'Robert Kowalski', otherNames: ['ROBERT KOWALSKI', ' ', 'Bobby K'] })).toEqual(['robert kowalski', 'bobby k'])
  })
})
