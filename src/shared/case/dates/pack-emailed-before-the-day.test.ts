import { describe, expect, it } from 'vitest'
import { packEmailedAfterTheDay } from './pack-emailed-before-the-day'

describe('the pack is emailed before the day the client presents', () => {
  it('warns, without refusing, of a pack emailed after the day', () => {
    expect(packEmailedAfterTheDay({ date: '2026-08-12' }, '2026-08-13')).toBe(
      'The pack is meant to be emailed a day in advance of the presentation on Wednesday 12 August 2026: check this date',
    )
  })

  it('says nothing of a pack emailed before or on the day, or with no day set', () => {
    expect(packEmailedAfterTheDay({ date: '2026-08-12' }, '2026-08-11')).toBeUndefined()
    expect(packEmailedAfterTheDay({ date: '2026-08-12' }, '2026-08-12')).toBeUndefined()
    expect(packEmailedAfterTheDay({}, '2026-08-13')).toBeUndefined()
    expect(packEmailedAfterTheDay({ date: '2026-08-12' }, undefined)).toBeUndefined()
  })
})
