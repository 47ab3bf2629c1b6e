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
