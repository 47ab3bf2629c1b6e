import { describe, expect, it } from 'vitest'
import { packEmailDue, type PackEmailFacts } from './pack-email-due'

const presentation = (reconnectionDate: string, more: Partial<PackEmailFacts> = {}): PackEmailFacts => ({
  status: 'open',
  reconnectionDate,
  packEmailedOn: null,
  arrivedOn: null,
  ...more,
})

describe('the presentation pack emailed a day in advance (Phase 5)', () => {
  it('is due the working day before the presentation', () => {
    expect(packEmailDue(presentation('2026-11-25'))).toBe('2026-11-24') // Wednesday: Tuesday
    expect(packEmailDue(presentation('2026-11-23'))).toBe('2026-11-20') // Monday: the Friday before
  })

  it('skips bank holidays', () => {
    expect(packEmailDue(presentation('2026-04-07'))).toBe('2026-04-02') // after Easter: the Thursday before Good Friday
    expect(packEmailDue(presentation('2026-12-29'))).toBe('2026-12-24') // after Christmas and Boxing Day's Monday
  })

  it('is not owed once emailed, with no date of reconnection, after arrival, or on a closed case', () => {
    expect(packEmailDue(presentation('2026-11-25', { packEmailedOn: '2026-11-24' }))).toBeUndefined()
    expect(packEmailDue(presentation('2026-11-25', { reconnectionDate: null }))).toBeUndefined()
    expect(packEmailDue(presentation('2026-11-25', { arrivedOn: '2026-11-25' }))).toBeUndefined()
    expect(packEmailDue(presentation('2026-11-25', { status: 'closed' }))).toBeUndefined()
  })
})
