/**
 * What a team member does in the team; a manager can override the safety gate and run reviews.
 * Apart from `people.ts` (and its schemas) so that the window's navigation shows a role without them.
 */
export const ROLES = ['caseworker', 'manager'] as const
export type Role = (typeof ROLES)[number]

export const ROLE_LABELS: Record<Role, string> = {
  caseworker: 'Caseworker',
  manager: 'Team manager',
}
