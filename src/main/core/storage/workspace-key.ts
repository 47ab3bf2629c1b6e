import { createHmac, randomBytes, scryptSync, timingSafeEqual } from 'node:crypto'
import { existsSync, mkdirSync, readFileSync, realpathSync, renameSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, isAbsolute, join, relative, resolve } from 'node:path'
import { z } from 'zod'
import { chosenPassphraseIssue } from '../../../shared/session/workspace-passphrase'
import { isEncryptedSqlite } from '../../../node/sqlite'
import { KeyFileMissingError, PassphraseNotChosenError, WrongPassphraseError } from '../errors'
import { workspaceFiles } from './workspace-files'

/**
 * The workspace key: 32 bytes derived from the workspace passphrase with scrypt, which every
 * database and file of the workspace is encrypted with. The salt and a check value live in a small
 * plain file beside them (neither is secret): the check refuses a wrong passphrase before any
 * database is touched, so a mistyped passphrase changes nothing in the folder.
 */
export const WORKSPACE_KEY_FILE = 'homeward-key.json'

const KeyFile = z.object({
  version: z.literal(1),
  kdf: z.literal('scrypt'),
  /** scrypt's cost: the work of each guess at the passphrase. */
  N: z.number().int().min(1024),
  r: z.number().int().min(1),
  p: z.number().int().min(1),
  salt: z.string().min(16),
  check: z.string().min(16),
})
type KeyFile = z.infer<typeof KeyFile>

/** 2^15 × 8 × 128 bytes = 32 MB a guess. Tests lower it (HOMEWARD_KDF_COST) only for their own throwaway workspaces. */
const DEFAULT_COST = 2 ** 15

/**
 * scrypt's cost for a new workspace, and for the PINs set in it. A lower cost (HOMEWARD_KDF_COST,
 * which the tests set so that hundreds of throwaway workspaces and sign-ins do not each spend 32 MB
 * and a tenth of a second) is honoured only for a folder inside the system's temporary folder,
 * where the tests make theirs: a real workspace is never weakened by a variable left set on a
 * laptop or copied from a guide.
 */
export function kdfCost(dataDir: string, env: NodeJS.ProcessEnv = process.env, temporaryFolder = tmpdir()): number {
  const lowered = Number(env.HOMEWARD_KDF_COST)
  if (!Number.isInteger(lowered) || lowered < 1024 || lowered >= DEFAULT_COST) return DEFAULT_COST
  return inside(temporaryFolder, dataDir) ? lowered : DEFAULT_COST
}

function inside(folder: string, dataDir: string): boolean {
  const temporary = realpathSync(folder)
  // The folder may not exist yet: its nearest existing parent is resolved (symlinks followed, so a
  // link from elsewhere into the temporary folder, or out of it, is judged by where it really leads).
  const absolute = resolve(dataDir)
  let existing = absolute
  while (!existsSync(existing) && dirname(existing) !== existing) existing = dirname(existing)
  const real = join(realpathSync(existing), relative(existing, absolute))
  const path = relative(temporary, real)
  return path !== '' && !path.startsWith('..') && !isAbsolute(path)
}

/** Derived once per process and workspace: scrypt is slow on purpose, and a workspace opens many databases. */
const derived = new Map<string, Buffer>()

export function workspaceKeyExists(dataDir: string): boolean {
  return existsSync(join(dataDir, WORKSPACE_KEY_FILE))
}

/**
 * Refuses a workspace whose databases are encrypted but whose key file is gone (not backed up with
 * them, say): a new key file would open nothing, and writing one would change the folder.
 */
export function requireKeyFileIfEncrypted(dataDir: string): void {
  if (keyFileMissing(dataDir)) throw new KeyFileMissingError()
}

export function keyFileMissing(dataDir: string): boolean {
  return !workspaceKeyExists(dataDir) && Object.values(workspaceFiles(dataDir)).some(isEncryptedSqlite)
}

/**
 * The workspace's key from its passphrase: the key file's salt, or, for a workspace without one (new,
 * or from before encryption), a new salt, whose file is written now, for a passphrase long enough.
 * A wrong passphrase is refused, and so is an encrypted workspace without its key file.
 */
export function unlockWorkspaceKey(dataDir: string, passphrase: string, cost = kdfCost(dataDir)): Buffer {
  const file = join(dataDir, WORKSPACE_KEY_FILE)
  requireKeyFileIfEncrypted(dataDir)
  if (!existsSync(file)) return createKeyFile(dataDir, passphrase, cost)
  const saved = KeyFile.parse(JSON.parse(readFileSync(file, 'utf8')))
  const key = derive(passphrase, saved)
  if (!timingSafeEqual(checkOf(key), Buffer.from(saved.check, 'base64'))) throw new WrongPassphraseError()
  return key
}

/**
 * Whether a key kept elsewhere (the desktop app's, sealed by the keychain) is still this
 * workspace's: false once the folder has another key file (a new passphrase, a folder restored
 * from elsewhere), or none.
 */
export function keyOpensWorkspace(dataDir: string, key: Uint8Array): boolean {
  const file = join(dataDir, WORKSPACE_KEY_FILE)
  if (!existsSync(file)) return false
  const saved = KeyFile.parse(JSON.parse(readFileSync(file, 'utf8')))
  return key.length === 32 && timingSafeEqual(checkOf(key), Buffer.from(saved.check, 'base64'))
}

function createKeyFile(dataDir: string, passphrase: string, cost: number): Buffer {
  // Every way in (the terminal, the page, HOMEWARD_PASSPHRASE) sets a passphrase here, so its length is checked here.
  const problem = chosenPassphraseIssue(passphrase, passphrase)
  if (problem) throw new PassphraseNotChosenError(problem.message)
  const params = { version: 1 as const, kdf: 'scrypt' as const, N: cost, r: 8, p: 1, salt: randomBytes(16).toString('base64') }
  const key = derive(passphrase, params)
  const saved: KeyFile = { ...params, check: checkOf(key).toString('base64') }
  mkdirSync(dataDir, { recursive: true, mode: 0o700 })
  const file = join(dataDir, WORKSPACE_KEY_FILE)
  writeFileSync(`${file}.partial`, `${JSON.stringify(saved)}\n`, { mode: 0o600 })
  renameSync(`${file}.partial`, file)
  return key
}

function derive(passphrase: string, params: Omit<KeyFile, 'check'>): Buffer {
  const id = `${params.salt}\0${params.N}\0${passphrase}`
  const known = derived.get(id)
  if (known) return known
  const key = scryptSync(passphrase.normalize('NFC'), Buffer.from(params.salt, 'base64'), 32, {
    N: params.N,
    r: params.r,
    p: params.p,
    maxmem: 256 * params.N * params.r,
  })
  derived.set(id, key)
  return key
}

/** Proves a key right without revealing it: an HMAC of a fixed label under the key. */
function checkOf(key: Uint8Array): Buffer {
  return createHmac('sha256', key).update('homeward workspace key check').digest()
}
