import { describe, expect, it } from 'vitest'
import { sha256Hex } from './crypto'
import { isRevocationProven, revocationNonce, revocationProof } from './revocation-proof'

describe('a revocation proof', () => {
  const secret = 'c2VjcmV0LW9mLXRoZS1sYXB0b3A'
  const credential = `a1b2c3.${secret}`
  const revokedAt = '2026-11-30T14:02:00.000Z'

  it('is proven by the hash of the credential’s secret, over this nonce and this moment', () => {
    const nonce = revocationNonce()
    const proof = revocationProof(sha256Hex(secret), 'a1b2c3', nonce, revokedAt)
    expect(isRevocationProven(credential, nonce, revokedAt, proof)).toBe(true)
  })

  it('is not proven by anyone without the secret’s hash, for another connection, device or moment, or malformed', () => {
    const nonce = revocationNonce()
    const genuine = revocationProof(sha256Hex(secret), 'a1b2c3', nonce, revokedAt)
    expect(isRevocationProven(credential, nonce, revokedAt, revocationProof(sha256Hex('a guess'), 'a1b2c3', nonce, revokedAt))).toBe(false)
    expect(isRevocationProven(credential, revocationNonce(), revokedAt, genuine)).toBe(false)
    expect(isRevocationProven(`ffffff.${secret}`, nonce, revokedAt, genuine)).toBe(false)
    expect(isRevocationProven(credential, nonce, '2020-01-01T00:00:00.000Z', genuine)).toBe(false)
    for (const junk of ['', 'yes', genuine.slice(2), `${genuine}00`, genuine.toUpperCase()]) expect(isRevocationProven(credential, nonce, revokedAt, junk)).toBe(false)
    expect(isRevocationProven('no-secret', nonce, revokedAt, genuine)).toBe(false)
  })
})
