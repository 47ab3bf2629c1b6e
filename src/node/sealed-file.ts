import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto'
import { open, readFile, rename } from 'node:fs/promises'

/**
 * Files a workspace keeps outside its databases (the paperwork made on a laptop) are encrypted
 * with the workspace key: AES-256-GCM, a fresh 12-byte nonce per file, the tag checked on reading
 * (a changed or damaged file is refused, never shown half right). Layout: MAGIC, nonce, tag, data.
 */
const MAGIC = Buffer.from('HOMEWARD-SEALED-1\n', 'latin1')
const NONCE = 12
const TAG = 16

export function seal(bytes: Uint8Array, key: Uint8Array): Buffer {
  return Buffer.concat(sealedParts(bytes, key))
}

/**
 * A sealed file's parts in order, not joined: a pack is megabytes of scans, and joining them
 * (twice, as `seal` once did) cost more than encrypting them; a file is written from the parts.
 */
function sealedParts(bytes: Uint8Array, key: Uint8Array): Buffer[] {
  const nonce = randomBytes(NONCE)
  const cipher = createCipheriv('aes-256-gcm', key, nonce)
  cipher.setAAD(MAGIC)
  const data = cipher.update(bytes)
  const last = cipher.final()
  return [MAGIC, nonce, cipher.getAuthTag(), data, last]
}

export function isSealed(bytes: Uint8Array): boolean {
  return Buffer.from(bytes.subarray(0, MAGIC.length)).equals(MAGIC)
}

export function unseal(sealed: Uint8Array, key: Uint8Array): Buffer {
  const bytes = Buffer.from(sealed)
  if (bytes.length < MAGIC.length + NONCE + TAG || !isSealed(bytes)) throw new Error('Not a sealed Homeward file')
  const nonce = bytes.subarray(MAGIC.length, MAGIC.length + NONCE)
  const tag = bytes.subarray(MAGIC.length + NONCE, MAGIC.length + NONCE + TAG)
  const decipher = createDecipheriv('aes-256-gcm', key, nonce)
  decipher.setAAD(MAGIC)
  decipher.setAuthTag(tag)
  return Buffer.concat([decipher.update(bytes.subarray(MAGIC.length + NONCE + TAG)), decipher.final()])
}

/** Writes a sealed file whole (a partial file renamed into place), readable by its owner only. */
export async function writeSealedFile(path: string, bytes: Uint8Array, key: Uint8Array): Promise<void> {
  const file = await open(`${path}.partial`, 'w', 0o600)
  try {
    const parts = sealedParts(bytes, key)
    const length = parts.reduce((sum, part) => sum + part.length, 0)
    // writev may write less than asked (a full disk, a signal): what is left is written until all is.
    for (let written = (await file.writev(parts)).bytesWritten; written < length; ) {
      written += (await file.write(Buffer.concat(parts).subarray(written))).bytesWritten
    }
  } finally {
    await file.close()
  }
  await rename(`${path}.partial`, path)
}

export async function readSealedFile(path: string, key: Uint8Array): Promise<Buffer> {
  return unseal(await readFile(path), key)
}
