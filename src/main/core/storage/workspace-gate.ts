import { API, type ApiMethod } from '../../../shared/api'
import { chosenPassphraseIssue, type WorkspaceLock } from '../../../shared/session/workspace-passphrase'
import { afterWrongPin, NO_WRONG_PINS, waitInWords, waitLeft, type WrongPins } from '../../../shared/session/wrong-pin-wait'
import type { ApiHandler, ApiHandlers } from '../api/handlers'
import { EnterPassphraseFirstError, PassphraseNotChosenError, WrongPassphraseError } from '../errors'
import { keyFileMissing, workspaceKeyExists } from './workspace-key'

/** The only calls a window may make before the workspace is open: the passphrase page's. */
const OPEN_BEFORE_UNLOCK: ReadonlySet<ApiMethod> = new Set(['getWorkspaceLock', 'unlockWorkspace'])

/** What a window is served before the workspace opens: the passphrase page's API only. */
export interface LockedWorkspace {
  apiHandlers(): ApiHandlers
}

export interface WorkspaceGateOptions {
  dataDir: string
  /**
   * Opens the workspace with the passphrase (derives its key; at the first run, sets it), or throws
   * WrongPassphraseError. Called once per try, one try at a time.
   */
  open(passphrase: string): Promise<void>
  now?: () => Date
}

/**
 * The window's API while the workspace is still locked (no passphrase given to this process yet):
 * the passphrase page's two calls, and "Enter the workspace passphrase first" for every other. The
 * passphrase goes to `open` and is not kept here. Wrong tries wait as wrong PINs do
 * (`wrong-pin-wait.ts`); the count is in memory, since the encrypted settings where PINs keep theirs
 * cannot be read yet, and a plain count on disk would stop no one: whoever has the folder can guess
 * at its key file offline, which scrypt's cost, not this wait, slows.
 */
export function workspaceGate(options: WorkspaceGateOptions): LockedWorkspace {
  const now = options.now ?? (() => new Date())
  let wrong: WrongPins = NO_WRONG_PINS
  let opened = false
  /** Tries one at a time: two at once must not both pass the wait's check, nor open the workspace twice. */
  let trying: Promise<unknown> = Promise.resolve()

  // A workspace whose key file is missing is asked for its passphrase, and refused saying what is missing, never offered a new one.
  const lock = (): WorkspaceLock => ({ state: opened ? 'open' : workspaceKeyExists(options.dataDir) || keyFileMissing(options.dataDir) ? 'enter' : 'choose' })

  const unlock = async (passphrase: string): Promise<void> => {
    if (opened) return
    const left = waitLeft(wrong, now())
    if (left > 0) throw new WrongPassphraseError(`Too many wrong passphrases. Try again in ${waitInWords(left)}.`)
    if (lock().state === 'choose') {
      // The page checks the two typings; the length is checked here too, as the page cannot be trusted.
      const problem = chosenPassphraseIssue(passphrase, passphrase)
      if (problem) throw new PassphraseNotChosenError(problem.message)
    }
    try {
      await options.open(passphrase)
    } catch (error) {
      if (!(error instanceof WrongPassphraseError)) throw error
      wrong = afterWrongPin(wrong, now())
      const wait = waitLeft(wrong, now())
      throw wait > 0 ? new WrongPassphraseError(`${error.message}. Try again in ${waitInWords(wait)}.`) : error
    }
    wrong = NO_WRONG_PINS
    opened = true
  }

  const refuse: ApiHandler<ApiMethod> = () => {
    throw new EnterPassphraseFirstError()
  }
  const admitted: Pick<ApiHandlers, 'getWorkspaceLock' | 'unlockWorkspace'> = {
    getWorkspaceLock: lock,
    unlockWorkspace: ({ passphrase }) => {
      const next = trying.then(() => unlock(passphrase))
      trying = next.catch(() => undefined)
      return next.then(() => ({}))
    },
  }
  const refused = (Object.keys(API) as ApiMethod[]).filter((method) => !OPEN_BEFORE_UNLOCK.has(method)).map((method) => [method, refuse])
  const gate = { ...(Object.fromEntries(refused) as ApiHandlers), ...admitted }
  return { apiHandlers: () => gate }
}

/** The same two calls once the workspace is open: a page still on the passphrase page finds it open. */
export const openWorkspaceGateHandlers = {
  getWorkspaceLock: (): WorkspaceLock => ({ state: 'open' }),
  unlockWorkspace: () => ({}),
} satisfies Partial<ApiHandlers>
