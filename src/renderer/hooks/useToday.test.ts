import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { watchTheDay } from './useToday'

describe('watchTheDay: the day a window left open shows moves on at midnight', () => {
  beforeEach(() => vi.useFakeTimers())
  afterEach(() => vi.useRealTimers())

  it('tells of the new day just after midnight, not before, and again the next night', () => {
    vi.setSystemTime(new Date(2026, 10, 30, 23, 58)) // 30/11/2026, 23:58 on the laptop's clock
    const days: string[] = []
    const watch = watchTheDay((day) => days.push(day))
    vi.advanceTimersByTime(60_000)
    expect(days).toEqual([])
    vi.advanceTimersByTime(62_000)
    expect(days).toEqual(['2026-12-01'])
    vi.advanceTimersByTime(24 * 60 * 60 * 1000)
    expect(days).toEqual(['2026-12-01', '2026-12-02'])
    watch.stop()
    vi.advanceTimersByTime(24 * 60 * 60 * 1000)
    expect(days).toEqual(['2026-12-01', '2026-12-02'])
  })

  it('a laptop woken after midnight, its timer not yet fired, learns the day when asked to look again', () => {
    vi.setSystemTime(new Date(2026, 10, 30, 17, 0))
    const days: string[] = []
    const watch = watchTheDay((day) => days.push(day))
    // Asleep overnight: the clock moved on, no timer ran.
    vi.setSystemTime(new Date(2026, 11, 1, 8, 30))
    watch.check()
    expect(days).toEqual(['2026-12-01'])
    watch.check()
    expect(days).toEqual(['2026-12-01'])
    watch.stop()
  })
})
