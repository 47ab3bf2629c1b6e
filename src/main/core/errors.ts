import { UserFacingError } from '../../shared/user-facing-error'

/**
 * Failures a person can act on, raised by the core (the shared rules raise their own). Kept apart
 * from the core so callers can recognise them without loading it.
 */
export class CaseNotFoundError extends UserFacingError {
  constructor(id: string) {
    super(`No case with id ${id} in this workspace`)
  }
}

export class MeetingNotFoundError extends UserFacingError {
  constructor() {
    super('That meeting is not in this workspace (it may not have reached this laptop yet)')
  }
}

export class NoProfileError extends UserFacingError {
  constructor() {
    super('Nobody is set up on this laptop yet: open Homeward once and say who is using it')
  }
}

export class WorkspaceLockedError extends UserFacingError {
  constructor(dataDir: string) {
    super(`This workspace is already open in another Homeward window or command (${dataDir})`)
  }
}

/** The window asked for something while nobody is signed in (the app is locked). */
export class SignInFirstError extends UserFacingError {
  constructor() {
    super('Sign in first')
  }
}

/** A PIN refused: wrong, or tried while the laptop waits after too many wrong ones; the message says how long. */
export class PinRefusedError extends UserFacingError {}

/** A referral that looks like a client who already has a case; `matches` are the cases. */
export class DuplicateCaseError extends UserFacingError {
  constructor(readonly matches: { id: string; clientName: string; dateOfBirth: string; chainNumber: string | null }[]) {
    const first = matches[0]!
    super(
      `There is already a case for ${first.clientName}, born ${first.dateOfBirth}${first.chainNumber ? `, CHAIN ${first.chainNumber}` : ''} (${first.id})`,
    )
  }
}

/** A file Homeward will not take, and why, in words for the person who chose it. */
export class FileRefusedError extends UserFacingError {
  constructor(
    readonly fileName: string,
    readonly reason: string,
  ) {
    super(`${fileName}: ${reason}`)
  }
}

export class AttachmentNotFoundError extends UserFacingError {
  constructor(id: string) {
    super(`No document with id ${id} on this case`)
  }
}

/** Something the paperwork needs that is not recorded yet; `problems` say what, in words. */
export class PaperworkNotReadyError extends UserFacingError {
  constructor(readonly problems: string[]) {
    super(problems.join('; '))
  }
}

/** The team's sync server said no (or could not be reached): the message says why, for the person. */
export class ServerRefusedError extends UserFacingError {
  constructor(
    message: string,
    readonly status?: number,
  ) {
    super(message)
  }
}

/**
 * A document whose stored bytes cannot be read (a failing disk, a file changed by hand). It is left
 * on disk as it is, and named to the person; the rest of the workspace goes on without it.
 */
export class DamagedDocumentError extends UserFacingError {
  /** Why, as a list of unreadable cases gives it. */
  static readonly REASON = 'its stored data on this laptop is damaged'

  constructor(readonly documentId: string) {
    super(`This case cannot be read: ${DamagedDocumentError.REASON}. It is kept as it is; the team's other laptops and its sync server have their own copies.`)
  }
}

export class WrongPassphraseError extends UserFacingError {
  /** Another message only to add the wait after repeated wrong tries. */
  constructor(message = 'That passphrase does not open this workspace') {
    super(message)
  }
}

export class PassphraseNeededError extends UserFacingError {
  /** `folder` when there is no workspace there yet: the passphrase asked for is a new one, which creates it. */
  constructor(folder?: string) {
    super(
      folder === undefined
        ? 'This workspace is encrypted: give its passphrase (set HOMEWARD_PASSPHRASE, or run the command in a terminal to be asked)'
        : `There is no workspace in ${folder} yet: to create one, choose its passphrase (set HOMEWARD_PASSPHRASE, or run the command in a terminal to be asked)`,
    )
  }
}

/** The databases are there, encrypted, but not the key file their key is derived with: no passphrase can open them. */
export class KeyFileMissingError extends UserFacingError {
  constructor() {
    super('This workspace’s key file homeward-key.json is missing: restore it from your backup')
  }
}

/** Choosing a new workspace's passphrase went wrong (too short, the two typings differ, stopped). */
export class PassphraseNotChosenError extends UserFacingError {}

/** The window asked for something before the workspace was unlocked with its passphrase. */
export class EnterPassphraseFirstError extends UserFacingError {
  constructor() {
    super('Enter the workspace passphrase first')
  }
}

/** Whether an error's message is for the person (shown as it is), not a fault to keep quiet about. */
export function isUserFacing(error: unknown): error is Error {
  return error instanceof UserFacingError
}

/** "My tasks" asked for someone who is not in the team (a member taken off since the page opened). */
export class PersonNotFoundError extends UserFacingError {
  constructor() {
    super('No one in the team by that name or id')
  }
}
