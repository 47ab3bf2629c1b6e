import { UnreadableCaseError } from '../../shared/case/migrations'
import { CaseRuleError } from '../../shared/case/changes'
import { NotPermittedError } from '../../shared/team/permissions'
import { SubjectAccessRefusedError } from '../../shared/case/subject-access'
import { ValidationError } from '../../shared/validation'

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

export class MeetingNotFoundError extends Error {
  constructor() {
    super('That meeting is not in this workspace (it may not have reached this laptop yet)')
    this.name = 'MeetingNotFoundError'
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

/** The window asked for something while nobody is signed in (the app is locked). */
export class SignInFirstError extends Error {
  constructor() {
    super('Sign in first')
    this.name = 'SignInFirstError'
  }
}

/** A PIN refused: wrong, or tried while the laptop waits after too many wrong ones; the message says how long. */
export class PinRefusedError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'PinRefusedError'
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

/** A file Homeward will not take, and why, in words for the person who chose it. */
export class FileRefusedError extends Error {
  constructor(
    readonly fileName: string,
    readonly reason: string,
  ) {
    super(`${fileName}: ${reason}`)
    this.name = 'FileRefusedError'
  }
}

export class AttachmentNotFoundError extends Error {
  constructor(id: string) {
    super(`No document with id ${id} on this case`)
    this.name = 'AttachmentNotFoundError'
  }
}

/** Something the paperwork needs that is not recorded yet; `problems` say what, in words. */
export class PaperworkNotReadyError extends Error {
  constructor(readonly problems: string[]) {
    super(problems.join('; '))
    this.name = 'PaperworkNotReadyError'
  }
}

/** The team's sync server said no (or could not be reached): the message says why, for the person. */
export class ServerRefusedError extends Error {
  constructor(
    message: string,
    readonly status?: number,
  ) {
    super(message)
    this.name = 'ServerRefusedError'
  }
}

/**
 * A document whose stored bytes cannot be read (a failing disk, a file changed by hand). It is left
 * on disk as it is, and named to the person; the rest of the workspace goes on without it.
 */
export class DamagedDocumentError extends Error {
  /** Why, as a list of unreadable cases gives it. */
  static readonly REASON = 'its stored data on this laptop is damaged'

  constructor(readonly documentId: string) {
    super(`This case cannot be read: ${DamagedDocumentError.REASON}. It is kept as it is; the team's other laptops and its sync server have their own copies.`)
    this.name = 'DamagedDocumentError'
  }
}

/** Whether an error's message is for the person (shown as it is), not a fault to keep quiet about. */
export function isUserFacing(error: unknown): error is Error {
  return [
    CaseNotFoundError,
    MeetingNotFoundError,
    NoProfileError,
    WorkspaceLockedError,
    DuplicateCaseError,
    CaseRuleError,
    ValidationError,
    UnreadableCaseError,
    FileRefusedError,
    AttachmentNotFoundError,
    PaperworkNotReadyError,
    NotPermittedError,
    DamagedDocumentError,
    ServerRefusedError,
    SignInFirstError,
    PinRefusedError,
    SubjectAccessRefusedError,
    WrongPassphraseError,
    PassphraseNeededError,
    PassphraseNotChosenError,
    EnterPassphraseFirstError,
  ].some((kind) => error instanceof kind)
}

export class WrongPassphraseError extends Error {
  /** Another message only to add the wait after repeated wrong tries. */
  constructor(message = 'That passphrase does not open this workspace') {
    super(message)
    this.name = 'WrongPassphraseError'
  }
}

export class PassphraseNeededError extends Error {
  constructor() {
    super('This workspace is encrypted: give its passphrase (set HOMEWARD_PASSPHRASE, or run the command in a terminal to be asked)')
    this.name = 'PassphraseNeededError'
  }
}

/** Choosing a new workspace's passphrase went wrong (too short, the two typings differ, stopped). */
export class PassphraseNotChosenError extends Error {
  constructor(reason: string) {
    super(reason)
    this.name = 'PassphraseNotChosenError'
  }
}

/** The window asked for something before the workspace was unlocked with its passphrase. */
export class EnterPassphraseFirstError extends Error {
  constructor() {
    super('Enter the workspace passphrase first')
    this.name = 'EnterPassphraseFirstError'
  }
}
