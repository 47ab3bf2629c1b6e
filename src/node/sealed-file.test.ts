import { randomBytes } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import { seal, unseal } from './sealed-file'

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
})
