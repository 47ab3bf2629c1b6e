import { describe, expect, it } from 'vitest'
import { roleShown } from './role-shown'

describe('the role shown beside a name', () => {
  it('is the team’s word for the role in a team', () => {
    expect(roleShown('manager', true)).toBe('Team manager')
    expect(roleShown('caseworker', true)).toBe('Caseworker')
  })

  it('is none for a person alone on a laptop that is in no team, who manages no one', () => {
    expect(roleShown('manager', false)).toBeUndefined()
  })
})
