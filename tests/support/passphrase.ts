import { existsSync, renameSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import Database from 'better-sqlite3-multiple-ciphers'
import { unlockWorkspaceKey, WORKSPACE_KEY_FILE } from '../../src/main/core/storage/workspace-key'

/** The passphrase every test's workspace is encrypted under, unless a test says otherwise. */
export const TEST_PASSPHRASE = 'correct horse battery staple'

/**
 * Gives this process and the command lines and browser modes it starts the test passphrase, and
 * a cheap scrypt cost for the throwaway workspaces they create (hundreds of them: at the real cost
 * each would add a second of CPU to the suite).
 */
export function useTestPassphrase(): void {
  process.env.HOMEWARD_PASSPHRASE ??= TEST_PASSPHRASE
  process.env.HOMEWARD_KDF_COST ??= '1024'
}

/** The key test servers' stores are encrypted with (`homeward serve --key-file`, `startSyncServer({ key })`). */
export const TEST_SERVER_KEY = Buffer.alloc(32, 7)

/**
 * `--key-file FILE` for a `homeward serve` under test: one file for every test, outside any data
 * folder, owner-only, written whole so parallel workers never read half of it.
 */
export function serverKeyArgs(): string[] {
  const file = join(tmpdir(), `homeward-test-server-${process.getuid?.() ?? 'user'}.key`)
  const partial = `${file}.${process.pid}.partial`
  writeFileSync(partial, `${TEST_SERVER_KEY.toString('hex')}\n`, { mode: 0o600 })
  renameSync(partial, file)
  return ['--key-file', file]
}

/**
 * Opens a workspace's (or a test server's) SQLite file directly, as a test that looks inside one does:
 * with the workspace key from the test passphrase, or the test server's key.
 */
export function openEncrypted(file: string, options: Database.Options = {}): Database.Database {
  const dir = dirname(file)
  const key = existsSync(join(dir, WORKSPACE_KEY_FILE)) ? unlockWorkspaceKey(dir, process.env.HOMEWARD_PASSPHRASE ?? TEST_PASSPHRASE) : TEST_SERVER_KEY
  const db = new Database(file, options)
  db.pragma("cipher = 'sqlcipher'")
  db.pragma(`key = "x'${key.toString('hex')}'"`)
  return db
}
