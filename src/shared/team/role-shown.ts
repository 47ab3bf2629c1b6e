import { ROLE_LABELS, type Role } from '../roles'

/**
 * The role to show beside a person's name, or none. Alone on a laptop that is in no team, its person
 * holds the manager's role so that they may do everything (override the safety gate, restrict a
 * case), but they manage no one: "Team manager" would be untrue, so they are shown by name alone.
 */
export function roleShown(role: Role, inTeam: boolean): string | undefined {
  return inTeam ? ROLE_LABELS[role] : undefined
}
