import { describe, expect, it } from 'vitest'
import { packHandedOverAnotherDay } from './pack-handed-over-on-the-day'

describe('the pack is handed over in hard copy on the day', () => {
  it('warns, without refusing, of a hand-over before or after the day', () => {
    const warning = 'The pack is meant to be handed over in hard copy on the day of the presentation, Wednesday 12 August 2026: check this date'
    expect(packHandedOverAnotherDay({ date: '2026-08-12', packHandedOverOn: '2026-08-10' })).toBe(warning)
    expect(packHandedOverAnotherDay({ date: '2026-08-12', packHandedOverOn: '2026-08-13' })).toBe(warning)
  })

  it('says nothing of a hand-over on the day, or with no day or hand-over recorded', () => {
    expect(packHandedOverAnotherDay({ date: '2026-08-12', packHandedOverOn: '2026-08-12' })).toBeUndefined()
    expect(packHandedOverAnotherDay({ packHandedOverOn: '2026-08-12' })).toBeUndefined()
    expect(packHandedOverAnotherDay({ date: '2026-08-12' })).toBeUndefined()
  })
})
