/**
 * A failure a person can act on: its message is for them, shown as it is (in the window, or as the
 * command line's one-line reason). Any other error is a fault, kept quiet and logged without case
 * data. Each kind is named for itself, so a caller can tell them apart.
 */
export class UserFacingError extends Error {
  constructor(message: string) {
    super(message)
    this.name = new.target.name
  }
}
