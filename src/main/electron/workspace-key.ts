import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { safeStorage } from 'electron'
import { keyOpensWorkspace } from '../core/storage/workspace-key'

/** The workspace key, sealed by the operating system's keychain (Electron's safeStorage). */
const SEALED_KEY_FILE = 'homeward-key.sealed'

/**
 * The desktop app keeps the key derived from the workspace passphrase (the one kind of workspace
 * key: the command line opens the same folder with the passphrase), sealed with `safeStorage`,
 * which only this user's keychain can open, so the person types the passphrase once on a laptop.
 * Not testable here (no Electron binary on the build machines); the rules it leans on are in the
 * core and tested there.
 */

/** The kept key, if there is one and it still opens this workspace; otherwise the page asks. */
export function keptWorkspaceKey(dataDir: string): Buffer | undefined {
  const file = join(dataDir, SEALED_KEY_FILE)
  if (!existsSync(file) || !safeStorage.isEncryptionAvailable()) return undefined
  try {
    const key = Buffer.from(safeStorage.decryptString(readFileSync(file)), 'hex')
    return keyOpensWorkspace(dataDir, key) ? key : undefined
  } catch {
    // Sealed by another user or computer (a copied folder): it cannot be opened here.
    return undefined
  }
}

/** Keeps the key, once it has opened the workspace; where there is no keychain, it is asked for each time. */
export function keepWorkspaceKey(dataDir: string, key: Uint8Array): void {
  if (!safeStorage.isEncryptionAvailable()) return
  const file = join(dataDir, SEALED_KEY_FILE)
  mkdirSync(dataDir, { recursive: true, mode: 0o700 })
  writeFileSync(`${file}.partial`, safeStorage.encryptString(Buffer.from(key).toString('hex')), { mode: 0o600 })
  renameSync(`${file}.partial`, file)
}
