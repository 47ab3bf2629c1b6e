import type { Role } from '../people'

/**
 * What only a team manager may do, each with the words a refusal uses: the one place a role's
 * permissions are decided. The core checks these before acting; the window asks the same to decide
 * what to offer, so it never offers what the core would refuse.
 */
const MANAGERS_ONLY = {
  'change-team-settings': 'Only a team manager can change the team settings',
  'create-team': 'Only a team manager can create the team',
  'start-meeting': 'Only a team manager can start a case review meeting',
  'override-safety-checks': 'Only a team manager can override the safety checks',
  'withdraw-safety-override': 'Only a team manager can withdraw an override',
} as const

export type ManagerAction = keyof typeof MANAGERS_ONLY

export function may(role: Role, action: ManagerAction): boolean {
  return action in MANAGERS_ONLY ? role === 'manager' : false
}

/** Something this person's role does not allow; the message says who can. */
export class NotPermittedError extends Error {
  constructor(readonly action: ManagerAction) {
    super(MANAGERS_ONLY[action])
    this.name = 'NotPermittedError'
  }
}

/** Throws NotPermittedError unless the role allows the action. */
export function requirePermission(role: Role, action: ManagerAction): void {
  if (!may(role, action)) throw new NotPermittedError(action)
}
