import { createHash, timingSafeEqual } from 'node:crypto'

/** The SHA-256 of some bytes or text, in hex: how chunks, scans and credentials are named and checked. */
export function sha256Hex(data: string | Uint8Array): string {
  return createHash('sha256').update(data).digest('hex')
}

/**
 * Whether two secrets (or their hashes) are the same, taking as long whatever they share: a
 * comparison that stops at the first difference tells an attacker how much of a guess was right.
 */
export function sameSecret(a: string, b: string): boolean {
  const [given, expected] = [Buffer.from(a), Buffer.from(b)]
  return given.length === expected.length && timingSafeEqual(given, expected)
}
