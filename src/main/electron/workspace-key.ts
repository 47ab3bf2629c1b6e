import { randomBytes } from 'node:crypto'
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { safeStorage } from 'electron'

/** The workspace key, sealed by the operating system's keychain (Electron's safeStorage). */
const SEALED_KEY_FILE = 'homeward-key.sealed'

/**
 * The desktop app's workspace key: a random 32 bytes made on the first run and kept in the
 * workspace sealed with `safeStorage`, which only this user's keychain can open, so the person is
 * never asked for a passphrase at the desk. Not testable here (no Electron binary on the build machines).
 */
export function desktopWorkspaceKey(dataDir: string): Buffer {
  if (!safeStorage.isEncryptionAvailable()) throw new Error('This computer’s keychain is not available, so Homeward cannot keep its workspace encrypted')
  const file = join(dataDir, SEALED_KEY_FILE)
  if (existsSync(file)) return Buffer.from(safeStorage.decryptString(readFileSync(file)), 'hex')
  const key = randomBytes(32)
  mkdirSync(dataDir, { recursive: true, mode: 0o700 })
  writeFileSync(`${file}.partial`, safeStorage.encryptString(key.toString('hex')), { mode: 0o600 })
  renameSync(`${file}.partial`, file)
  return key
}
