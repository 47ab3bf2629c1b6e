import { randomBytes } from 'node:crypto'
import { mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { readSealedFile, seal, unseal, writeSealedFile } from './sealed-file'

describe('a sealed file', () => {
  const key = randomBytes(32)
  const words = Buffer.from('%PDF-1.7 Presentation pack for Olwen Draftperson')

  it('holds no byte of what it seals in clear, and gives it back whole with the key', () => {
    const sealed = seal(words, key)
    expect(sealed.includes(Buffer.from('Olwen'))).toBe(false)
    expect(unseal(sealed, key).equals(words)).toBe(true)
  })

  it('refuses another key, a changed byte, and a file that was never sealed', () => {
    const sealed = seal(words, key)
    expect(() => unseal(sealed, randomBytes(32))).toThrow()
    const changed = Buffer.from(sealed)
    changed[changed.length - 1]! ^= 1
    expect(() => unseal(changed, key)).toThrow()
    expect(() => unseal(words, key)).toThrow(/^Not a sealed Homeward file$/)
  })

  it('is written from its parts, megabytes of them, and reads back whole, owner-only, with no partial file left', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sealed-'))
    try {
      const pack = randomBytes(9 * 1024 * 1024 + 7)
      const path = join(dir, 'pack.pdf')
      await writeSealedFile(path, pack, key)
      expect((await readSealedFile(path, key)).equals(pack)).toBe(true)
      expect(statSync(path).mode & 0o777).toBe(0o600)
      expect(readdirSync(dir)).toEqual(['pack.pdf'])
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  })
})
