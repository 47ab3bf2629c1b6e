import type { FieldIssue } from '../validation'

/**
 * The workspace passphrase, which the workspace's key is derived from (not a person's PIN: one for
 * the whole folder). Long, because anyone who copies the folder can guess at it offline, where no
 * wait after wrong tries slows them; the same length the command line asks for.
 */
export const MIN_WORKSPACE_PASSPHRASE_LENGTH = 10
/** Longer gains nothing and only costs hashing; the API refuses more. */
export const MAX_WORKSPACE_PASSPHRASE_LENGTH = 1000

/**
 * Where the workspace is, for the page that asks for its passphrase: `choose` at the first run (no
 * key yet), `enter` at later starts, `open` once unlocked (or given by HOMEWARD_PASSPHRASE, or the
 * desktop app's sealed key).
 */
export type WorkspaceLockState = 'choose' | 'enter' | 'open'
export interface WorkspaceLock {
  state: WorkspaceLockState
}

/** What is wrong with a newly chosen passphrase and its second typing, by field; undefined when it can be used. */
export function chosenPassphraseIssue(chosen: string, again: string): FieldIssue | undefined {
  const length = [...chosen].length
  if (length < MIN_WORKSPACE_PASSPHRASE_LENGTH) return { field: 'passphrase', message: `A workspace passphrase needs at least ${MIN_WORKSPACE_PASSPHRASE_LENGTH} characters` }
  if (length > MAX_WORKSPACE_PASSPHRASE_LENGTH) return { field: 'passphrase', message: `A workspace passphrase can be at most ${MAX_WORKSPACE_PASSPHRASE_LENGTH} characters` }
  if (again !== chosen) return { field: 'again', message: 'The two passphrases are not the same: type it again' }
  return undefined
}
