import { requireKeyFileIfEncrypted, workspaceKeyExists } from '../core/storage/workspace-key'
import { PassphraseNeededError, PassphraseNotChosenError } from '../core/errors'
import { MIN_WORKSPACE_PASSPHRASE_LENGTH as MIN_PASSPHRASE_LENGTH } from '../../shared/session/workspace-passphrase'

/**
 * The workspace passphrase for one command: HOMEWARD_PASSPHRASE, or asked on the terminal without
 * echo (twice, when this command creates the workspace and so sets it). Without either, refused.
 */
export async function cliPassphrase(dataDir: string): Promise<string> {
  const given = process.env.HOMEWARD_PASSPHRASE
  if (given) return given
  requireKeyFileIfEncrypted(dataDir)
  if (!process.stdin.isTTY || !process.stderr.isTTY) throw workspaceKeyExists(dataDir) ? new PassphraseNeededError() : new PassphraseNeededError(dataDir)
  if (workspaceKeyExists(dataDir)) return ask('Workspace passphrase: ')
  process.stderr.write('This creates a workspace, encrypted with a passphrase you choose now. Nobody can recover a lost passphrase: without it, the workspace cannot be opened.\n')
  const chosen = await ask(`Choose a passphrase (at least ${MIN_PASSPHRASE_LENGTH} characters): `)
  if (chosen.length < MIN_PASSPHRASE_LENGTH) throw new PassphraseNotChosenError(`a passphrase needs at least ${MIN_PASSPHRASE_LENGTH} characters`)
  if ((await ask('Type it again: ')) !== chosen) throw new PassphraseNotChosenError('the two passphrases were not the same: nothing was created')
  return chosen
}

/** Reads one line from the terminal in raw mode, so what is typed is never shown. */
function ask(prompt: string): Promise<string> {
  process.stderr.write(prompt)
  const input = process.stdin
  input.setRawMode(true)
  input.resume()
  return new Promise((resolve, reject) => {
    let typed = ''
    const done = (error?: Error) => {
      input.off('data', onData)
      input.setRawMode(false)
      input.pause()
      process.stderr.write('\n')
      if (error) reject(error)
      else resolve(typed)
    }
    const onData = (chunk: Buffer) => {
      for (const char of chunk.toString('utf8')) {
        if (char === '\r' || char === '\n') return done()
        if (char === '\u0003') return done(new PassphraseNotChosenError('stopped: no passphrase given'))
        if (char === '\u007f' || char === '\b') typed = typed.slice(0, -1)
        else typed += char
      }
    }
    input.on('data', onData)
  })
}
