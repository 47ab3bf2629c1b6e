import { readFileSync, realpathSync, statSync } from 'node:fs'
import { relative, resolve, isAbsolute } from 'node:path'

/**
 * The server store's key, from a file outside its data folder (`--key-file`), so a copy of the data
 * folder (a backup, a disk taken away) holds no key to read it with. The file holds 32 random bytes as
 * 64 hex digits (`openssl rand -hex 32 > key`) and, like an SSH key, is readable by its owner only.
 * Each reason to refuse is one line a person can act on.
 */
export function readServerKey(keyFile: string, dataDir: string): Buffer {
  const file = resolve(keyFile)
  let mode: number
  try {
    mode = statSync(file).mode
  } catch {
    throw new Error(`the key file ${file} is missing: make one with "openssl rand -hex 32 > ${file}; chmod 600 ${file}"`)
  }
  if (isInside(file, dataDir)) throw new Error(`the key file must be outside the data folder ${resolve(dataDir)}: a copy of that folder must not carry its key`)
  if (process.platform !== 'win32' && (mode & 0o077) !== 0) throw new Error(`the key file ${file} must be readable by its owner only: chmod 600 ${file}`)
  const text = readFileSync(file, 'utf8').trim()
  if (!/^[0-9a-fA-F]{64}$/.test(text)) throw new Error(`the key file ${file} must hold 64 hex digits (32 random bytes): make one with "openssl rand -hex 32"`)
  return Buffer.from(text, 'hex')
}

function isInside(file: string, dir: string): boolean {
  const real = (path: string) => {
    try {
      return realpathSync(path)
    } catch {
      return resolve(path)
    }
  }
  const path = relative(real(dir), real(file))
  return path === '' || (!path.startsWith('..') && !isAbsolute(path))
}
