import { describe, expect, it } from 'vitest'
import { BRADFORD, CASEWORKER, edit, newCase, read } from '../../../../tests/support/cases'
import * as change from '../changes'
import { ValidationError } from '../../validation'
import { endsBeforeItStarts } from './ends-after-it-starts'

describe('a period ends after it starts', () => {
  it('refuses an address or job that ends before it starts, on the end date', () => {
    expect(endsBeforeItStarts({ from: '2024-05-03', to: '2024-05-02' })).toEqual({
      field: 'to',
      message: 'Until (02/05/2024) cannot be before the start (03/05/2024)',
    })
  })

  it('allows one that ends the day it starts, later, or not yet', () => {
    expect(endsBeforeItStarts({ from: '2024-05-03', to: '2024-05-03' })).toBeUndefined()
    expect(endsBeforeItStarts({ from: '2024-05-03', to: '2025-01-01' })).toBeUndefined()
    expect(endsBeforeItStarts({ from: '2024-05-03' })).toBeUndefined()
  })

  it('is kept when an address or a job is added or changed, on the form that changed it', () => {
    const address = { address: '4 Manor Row', localAuthority: BRADFORD, kind: 'own-tenancy', from: '2022-01-10', to: '2022-01-09' }
    const issues = (fn: () => unknown) => {
      try {
        fn()
      } catch (error) {
        return error instanceof ValidationError ? error.issues : error
      }
      return []
    }
    expect(issues(() => edit(newCase(), (d) => change.addItem(d, 'addresses', 'a', address, CASEWORKER)))).toEqual([
      { field: 'to', message: 'Until (09/01/2022) cannot be before the start (10/01/2022)' },
    ])
    const job = { employer: 'Mill', localAuthority: BRADFORD, from: '2022-01-10', to: '2023-01-01' }
    let doc = edit(newCase(), (d) => change.addItem(d, 'employment', 'j', job, CASEWORKER))
    expect(issues(() => edit(doc, (d) => change.updateItem(d, 'employment', 'j', { from: '2023-02-01' }, CASEWORKER)))).toEqual([
      { field: 'to', message: 'Until (01/01/2023) cannot be before the start (01/02/2023)' },
    ])
    doc = edit(doc, (d) => change.updateItem(d, 'employment', 'j', { from: '2022-06-01' }, CASEWORKER))
    expect(read(doc).employment.j).toMatchObject({ from: '2022-06-01', to: '2023-01-01' })
  })
})
