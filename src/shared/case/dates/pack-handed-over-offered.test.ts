import { describe, expect, it } from 'vitest'
import { packHandedOverOffered } from './pack-handed-over-offered'

describe('the date offered for the pack handed over', () => {
  it('is the day of the presentation, on the day or marked after it', () => {
    expect(packHandedOverOffered({ date: '2026-08-12' }, '2026-08-12')).toBe('2026-08-12')
    expect(packHandedOverOffered({ date: '2026-08-12' }, '2026-08-14')).toBe('2026-08-12')
  })

  it('is none before the day: the pack has not gone yet', () => {
    expect(packHandedOverOffered({ date: '2026-08-12' }, '2026-08-11')).toBeUndefined()
  })

  it('is today when no day is set', () => {
    expect(packHandedOverOffered({}, '2026-08-11')).toBe('2026-08-11')
  })
})
