import { describe, expect, it } from 'vitest'
import { may, NotPermittedError, requirePermission } from './permissions'

describe('permissions', () => {
  it('keep the team settings, creating the team, meetings and safety overrides to a manager', () => {
    for (const action of ['change-team-settings', 'create-team', 'start-meeting', 'override-safety-checks', 'withdraw-safety-override'] as const) {
      expect(may('manager', action)).toBe(true)
      expect(may('caseworker', action)).toBe(false)
    }
  })

  it('keep taking someone off a laptop to a manager, refused in words that say so (not as revoking the laptop)', () => {
    expect(may('manager', 'take-people-off-laptops')).toBe(true)
    expect(() => requirePermission('caseworker', 'take-people-off-laptops')).toThrow('Only a team manager can take someone off a laptop')
  })

  it('refuse with words that say who can', () => {
    expect(() => requirePermission('caseworker', 'start-meeting')).toThrow(new NotPermittedError('start-meeting'))
    expect(() => requirePermission('caseworker', 'start-meeting')).toThrow('Only a team manager can start a case review meeting')
    expect(() => requirePermission('manager', 'start-meeting')).not.toThrow()
  })
})
