import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto'
import { REVOCATION_HEADERS } from '../shared/sync/protocol'
import { sha256Hex } from './crypto'

/**
 * A server's proof that a laptop's credential is revoked, which only the server that issued the
 * credential can make: an HMAC-SHA256 keyed by the hash of the credential's secret (what the server
 * stores; the laptop computes the same from its secret), over the device, a nonce the laptop chose
 * afresh for this connection, and when it was revoked. A fake server, or anyone in the middle,
 * knows neither the secret nor its hash, so cannot make a laptop delete the team's data; a proof
 * seen once cannot be replayed, since the next connection has another nonce.
 */
export function revocationProof(secretHash: string, deviceId: string, nonce: string, revokedAt: string): string {
  return createHmac('sha256', Buffer.from(secretHash, 'hex')).update(`homeward-revoked\n${deviceId}\n${nonce}\n${revokedAt}`).digest('hex')
}

/** A fresh nonce for one connection: 128 random bits. */
export function revocationNonce(): string {
  return randomBytes(16).toString('hex')
}

/** What a nonce from a laptop must look like (the server makes no proof over anything else). */
export const NONCE_PATTERN = /^[0-9a-f]{32}$/

/**
 * Whether `proof` is the server's for this laptop's credential (`deviceId.secret`), checked in
 * constant time. Anything malformed is simply not a proof.
 */
export function isRevocationProven(credential: string, nonce: string, revokedAt: string, proof: string): boolean {
  const [deviceId, secret] = credential.split('.')
  if (!deviceId || !secret || !/^[0-9a-f]{64}$/.test(proof)) return false
  const expected = Buffer.from(revocationProof(sha256Hex(secret), deviceId, nonce, revokedAt), 'hex')
  return timingSafeEqual(expected, Buffer.from(proof, 'hex'))
}

/**
 * What a server's refusal says of this laptop being taken off the team, read alike from the
 * WebSocket upgrade and from every HTTP call: `revokedAt` when proven over the nonce this laptop
 * sent; `unproven` when it claims so without a valid proof (a fake server, or someone in the
 * middle: a refusal only, nothing is deleted); undefined when it says nothing of it.
 */
export function revocationIn(
  credential: string,
  nonce: string,
  status: number,
  header: (name: string) => string | string[] | null | undefined,
): { revokedAt: string } | 'unproven' | undefined {
  const at = header(REVOCATION_HEADERS.revokedAt) ?? undefined
  const proof = header(REVOCATION_HEADERS.proof) ?? undefined
  if (status !== 401 || (at === undefined && proof === undefined)) return undefined
  if (typeof at !== 'string' || typeof proof !== 'string' || Number.isNaN(Date.parse(at)) || !isRevocationProven(credential, nonce, at, proof)) return 'unproven'
  return { revokedAt: new Date(at).toISOString() }
}
