import { describe, expect, it } from 'vitest'
import { caseFlags } from '../case/flags'
import { allocationDue, type AllocationFacts } from './allocation-due'
import { newCase, read } from '../../../tests/support/cases'

const received = (receivedOn: string, more: Partial<AllocationFacts> = {}): AllocationFacts => ({
  status: 'open',
  allocated: false,
  referralStatus: 'received',
  receivedOn,
  ...more,
})

describe('a referral allocated within 3 working days (the managers’ task)', () => {
  it('is due on the third working day after it reached the team', () => {
    expect(allocationDue(received('2026-11-23'))).toBe('2026-11-26') // Monday: Thursday
    expect(allocationDue(received('2026-11-20'))).toBe('2026-11-25') // Friday: the weekend skipped
    expect(allocationDue(received('2026-12-23'))).toBe('2026-12-30') // Christmas and Boxing Day's Monday skipped
  })

  it('is overdue the working day the board flags it unallocated', () => {
    const record = read(newCase())
    const due = allocationDue(received(record.referral.receivedOn))!
    expect(caseFlags(record, due).map((flag) => flag.kind)).not.toContain('unallocated-referral')
    expect(caseFlags(record, '2026-07-07').map((flag) => flag.kind)).toContain('unallocated-referral')
    expect(due).toBe('2026-07-06')
  })

  it('is not owed once allocated, for a rejected referral, or on a closed case', () => {
    expect(allocationDue(received('2026-11-23', { allocated: true }))).toBeUndefined()
    expect(allocationDue(received('2026-11-23', { referralStatus: 'rejected' }))).toBeUndefined()
    expect(allocationDue(received('2026-11-23', { status: 'closed' }))).toBeUndefined()
  })
})
