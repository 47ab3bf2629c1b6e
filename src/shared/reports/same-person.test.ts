import { describe, expect, it } from 'vitest'
import { personOfCase } from './same-person'

describe('one person across cases, by the re-referral links', () => {
  it('follows a chain of re-referrals, from either end of each link, to its first case', () => {
    const personOf = personOfCase([
      { id: 'c3', record: { previousCaseId: 'c2' } },
      { id: 'c1', record: { reReferredAs: 'c2' } },
      { id: 'c2', record: { previousCaseId: 'c1', reReferredAs: 'c3' } },
      { id: 'other', record: {} },
    ])
    expect(['c1', 'c2', 'c3', 'other'].map(personOf)).toEqual(['c1', 'c1', 'c1', 'other'])
  })

  it('links through a case not in the list (erased and not kept), and stops at a loop', () => {
    const personOf = personOfCase([
      { id: 'b', record: { previousCaseId: 'gone' } },
      { id: 'c', record: { previousCaseId: 'gone' } },
      { id: 'x', record: { previousCaseId: 'y' } },
      { id: 'y', record: { previousCaseId: 'x' } },
    ])
    expect(personOf('b')).toBe(personOf('c'))
    expect(personOf('x')).toBe(personOf('y'))
  })
})
