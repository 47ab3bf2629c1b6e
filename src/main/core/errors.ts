/**
 * Failures a person can act on, raised by the core and shown as they are (in the window, or as the
 * command line's one-line reason). Kept apart from the core so callers can recognise them without
 * loading it.
 */
export class CaseNotFoundError extends Error {
  constructor(id: string) {
    super(`No case with id ${id} in this workspace`)
    this.name = 'CaseNotFoundError'
  }
}

export class NoProfileError extends Error {
  constructor() {
    super('Nobody is set up on this laptop yet: open Homeward once and say who is using it')
    this.name = 'NoProfileError'
  }
}

export class WorkspaceLockedError extends Error {
  constructor(dataDir: string) {
    super(`This workspace is already open in another Homeward window or command (${dataDir})`)
    this.name = 'WorkspaceLockedError'
  }
}

/** A referral that looks like a client who already has a case; `matches` are the cases. */
export class DuplicateCaseError extends Error {
  constructor(readonly matches: { id: string; clientName: string; dateOfBirth: string; chainNumber: string | null }[]) {
    const first = matches[0]!
    super(
      `There is already a case for ${first.clientName}, born ${first.dateOfBirth}${first.chainNumber ? `, CHAIN ${first.chainNumber}` : ''} (${first.id})`,
    )
    this.name = 'DuplicateCaseError'
  }
}
