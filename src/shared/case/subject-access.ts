import type { Person } from '../people'
import { UserFacingError } from '../user-facing-error'

/**
 * Who may make a subject access copy of a case (UK GDPR Article 15): a manager, or the case's lead
 * caseworker, who knows the case and answers for it. A restricted case is held only by the
 * laptops of the people it is restricted to, so nobody else's laptop has it to copy.
 */
export function mayMakeSubjectAccessCopy(person: Pick<Person, 'id' | 'role'>, leadCaseworkerId: string | undefined): boolean {
  return person.role === 'manager' || (leadCaseworkerId !== undefined && person.id === leadCaseworkerId)
}

/** The refusal, in words, for anyone else. */
export const SUBJECT_ACCESS_REFUSAL = 'Only the case’s lead caseworker or a manager can make a subject access copy of it.'

/** Someone else asked for a subject access copy: refused, with who can make one. */
export class SubjectAccessRefusedError extends UserFacingError {
  constructor() {
    super(SUBJECT_ACCESS_REFUSAL)
  }
}
