import type { Role } from '../people'
import { UserFacingError } from '../user-facing-error'

/**
 * Who may do what, each with the words a refusal uses: the one place a role's permissions are
 * decided. The core checks these before acting; the window asks the same to decide what to offer,
 * so it never offers what the core would refuse.
 */
const PERMISSIONS = {
  'change-team-settings': { who: ['manager'], refusal: 'Only a team manager can change the team settings' },
  'create-team': { who: ['manager'], refusal: 'Only a team manager can create the team' },
  'start-meeting': { who: ['manager'], refusal: 'Only a team manager can start a case review meeting' },
  'override-safety-checks': { who: ['manager'], refusal: 'Only a team manager can override the safety checks' },
  'withdraw-safety-override': { who: ['manager'], refusal: 'Only a team manager can withdraw an override' },
  // The server checks these against the role it holds too: a laptop cannot grant them itself.
  'issue-join-codes': { who: ['manager'], refusal: 'Only a team manager can make join codes' },
  'revoke-devices': { who: ['manager'], refusal: 'Only a team manager can revoke a laptop' },
  'take-people-off-laptops': { who: ['manager'], refusal: 'Only a team manager can take someone off a laptop' },
  'remove-from-team': { who: ['manager'], refusal: 'Only a team manager can take a document out of the team' },
  'read-audit': { who: ['manager'], refusal: 'Only a team manager can see who has seen a case' },
  'erase-cases': { who: ['manager'], refusal: 'Only a team manager can erase a case' },
  'see-others-tasks': { who: ['manager'], refusal: "Only a team manager can see another person's tasks" },
} as const satisfies Record<string, { who: readonly Role[]; refusal: string }>

export type Action = keyof typeof PERMISSIONS

export function may(role: Role, action: Action): boolean {
  const who: readonly Role[] = PERMISSIONS[action].who
  return who.includes(role)
}

/** Something this person's role does not allow; the message says who can. */
export class NotPermittedError extends UserFacingError {
  constructor(readonly action: Action) {
    super(PERMISSIONS[action].refusal)
  }
}

/** Throws NotPermittedError unless the role allows the action. */
export function requirePermission(role: Role, action: Action): void {
  if (!may(role, action)) throw new NotPermittedError(action)
}
