import { randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto'

/**
 * A PIN kept only as a slow hash: scrypt with a random 16-byte salt per person, N = 2^15, r = 8,
 * p = 1 (32 MiB and about a tenth of a second a guess on a laptop), a 32-byte key. The parameters
 * are stored with each hash, so stronger ones later still check the PINs set before (and the tests'
 * throwaway workspaces can hash theirs at the workspace key's lowered cost, `kdfCost`).
 */
export interface PinHash {
  scheme: 'scrypt'
  N: number
  r: number
  p: number
  salt: string
  hash: string
}

const PARAMETERS = { N: 2 ** 15, r: 8, p: 1 } as const
const KEY_BYTES = 32

export async function hashPin(pin: string, N: number = PARAMETERS.N): Promise<PinHash> {
  const salt = randomBytes(16)
  const parameters = { ...PARAMETERS, N }
  const key = await derive(pin, salt, parameters)
  return { scheme: 'scrypt', ...parameters, salt: salt.toString('base64'), hash: key.toString('base64') }
}

export async function pinMatches(pin: string, stored: PinHash): Promise<boolean> {
  const expected = Buffer.from(stored.hash, 'base64')
  const key = await derive(pin, Buffer.from(stored.salt, 'base64'), stored)
  return key.length === expected.length && timingSafeEqual(key, expected)
}

function derive(pin: string, salt: Buffer, { N, r, p }: { N: number; r: number; p: number }): Promise<Buffer> {
  // scrypt needs 128·N·r bytes; Node's default ceiling (32 MiB) is just short of N = 2^15, r = 8.
  const options: ScryptOptions = { N, r, p, maxmem: 256 * N * r }
  return new Promise((done, fail) => scrypt(pin.normalize('NFC'), salt, KEY_BYTES, options, (error, key) => (error ? fail(error) : done(key))))
}
