import { describe, expect, it } from 'vitest'
import { CASEWORKER, caseIn, edit, nextId, read } from '../../../../tests/support/cases'
import * as change from '../changes'
import { followUpBeforeClosure } from './follow-up-after-closure'

const closedOn = (on: string) => ({ type: 'unplanned', unplannedReason: 'disengaged', closedOn: on, closedBy: CASEWORKER.author }) as const

describe('a follow-up check is dated on or after the case closed', () => {
  it("refuses a check before the case's closure, and allows the day itself or later", () => {
    const closed = { outcome: closedOn('2026-08-20'), phaseHistory: [] }
    expect(followUpBeforeClosure({ doneOn: '2026-08-19' }, closed)).toEqual({
      field: 'doneOn',
      message: 'Checked on (19/08/2026) cannot be before the case was closed (20/08/2026)',
    })
    expect(followUpBeforeClosure({ doneOn: '2026-08-20' }, closed)).toBeUndefined()
    expect(followUpBeforeClosure({ doneOn: '2026-11-20' }, closed)).toBeUndefined()
    expect(followUpBeforeClosure({ doneOn: '2026-08-19' }, { phaseHistory: [] })).toBeUndefined()
  })

  it('measures from the first closure, so a case reopened and closed again keeps its earlier checks', () => {
    const reopened = { id: 'h', at: '2026-10-01T09:00:00Z', by: CASEWORKER.author, kind: 'reopened', to: 'intensive-support', undid: closedOn('2026-08-20') } as const
    const closedAgain = { outcome: closedOn('2026-11-01'), phaseHistory: [reopened] }
    expect(followUpBeforeClosure({ doneOn: '2026-09-25' }, closedAgain)).toBeUndefined()
    expect(followUpBeforeClosure({ doneOn: '2026-08-01' }, closedAgain)?.message).toBe('Checked on (01/08/2026) cannot be before the case was closed (20/08/2026)')
  })

  it('is kept when a check is recorded on the closed case', () => {
    const closed = edit(caseIn('intensive-support'), (d) =>
      change.closeCase(d, { type: 'unplanned', unplannedReason: 'disengaged', on: '2026-11-20', id: nextId() }, CASEWORKER),
    )
    const check = { check: '3-months', contactMethod: 'phone', stillAccommodated: 'yes' }
    expect(() => edit(closed, (d) => change.addItem(d, 'followUps', 'f', { ...check, doneOn: '2026-11-19' }, CASEWORKER))).toThrow(
      'doneOn: Checked on (19/11/2026) cannot be before the case was closed (20/11/2026)',
    )
    const checked = edit(closed, (d) => change.addItem(d, 'followUps', 'f', { ...check, doneOn: '2026-11-21' }, CASEWORKER))
    expect(read(checked).followUps.f?.doneOn).toBe('2026-11-21')
  })
})
