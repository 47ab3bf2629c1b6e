import { describe, expect, it } from 'vitest'
import { duplicateReason, nameKey } from './duplicates'

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
