import { describe, expect, it } from 'vitest'
import { formSchema } from '../forms/fields'
import { validate } from '../validation'
import { EXPENSE_FIELDS } from './support'

describe('an expense', () => {
  it('asks in plain words for the category left unchosen', () => {
    const result = validate(formSchema(EXPENSE_FIELDS, '2026-11-20'), { date: '20/11/2026', amount: '12.50' })
    expect(result).toEqual({ ok: false, issues: [{ field: 'category', message: 'Choose a category' }] })
  })
})
