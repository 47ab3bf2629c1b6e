import type { Person } from '../../src/shared/people'

export const AMINA: Person = { id: 'member-amina', name: 'Amina Okafor', role: 'caseworker' }
export const DEREK: Person = { id: 'member-derek', name: 'Derek Hall', role: 'manager' }
export const JO: Person = { id: 'member-jo', name: 'Jo Price', role: 'caseworker' }

/** A referral as a caseworker would type it, with overrides. */
export function referral(overrides: Record<string, unknown> = {}) {
  return {
    clientName: 'Łukasz Wiśniewski',
    dateOfBirth: '1984-05-17',
    chainNumber: '123456',
    referrerName: 'Sam Reed',
    outreachTeam: 'Tower Hamlets Outreach',
    ...overrides,
  }
}
