import { UserFacingError } from '../user-facing-error'

/**
 * A change the case's rules do not allow yet; `problems` say what is missing, in words. A file of
 * its own (re-exported by `changes.ts`) so that the window's every form can recognise it without
 * loading the change functions, and with them Automerge.
 */
export class CaseRuleError extends UserFacingError {
  constructor(readonly problems: string[]) {
    super(problems.join('; '))
  }
}
