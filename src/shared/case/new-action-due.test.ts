import { describe, expect, it } from 'vitest'
import { CASEWORKER, edit, newCase, nextId, read, TODAY } from '../../../tests/support/cases'
import * as change from './changes'
import { newActionDueBeforeToday } from './new-action-due'

describe('a new action is due today or later', () => {
  it('refuses a new action due before today, unless it is recorded as done', () => {
    expect(newActionDueBeforeToday({ due: '2020-01-01' }, TODAY)).toEqual({
      field: 'due',
      message: 'Due by (01/01/2020) cannot be before today for a new action still to do',
    })
    expect(newActionDueBeforeToday({ due: TODAY }, TODAY)).toBeUndefined()
    expect(newActionDueBeforeToday({ due: '2020-01-01', doneOn: '2020-01-01' }, TODAY)).toBeUndefined()
  })

  it('is applied when an action is added, not when an action agreed earlier has passed its date', () => {
    const owner = CASEWORKER.author
    expect(() => edit(newCase(), (d) => change.addAction(d, nextId(), { description: 'Phone Housing Options', due: '2020-01-01' }, owner, CASEWORKER))).toThrow(
      'Due by (01/01/2020) cannot be before today',
    )
    const id = nextId()
    const agreed = edit(newCase(), (d) => change.addAction(d, id, { description: 'Phone Housing Options', due: TODAY }, owner, CASEWORKER))
    const later = { ...CASEWORKER, today: '2026-12-01' }
    const done = edit(agreed, (d) => change.updateItem(d, 'actions', id, { doneOn: '2026-11-30' }, later))
    expect(read(done).actions[id]?.doneOn).toBe('2026-11-30')
  })
})
