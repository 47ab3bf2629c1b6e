import { describe, expect, it } from 'vitest'
import { BRADFORD, CASEWORKER, caseIn, edit, read, TODAY } from '../../../tests/support/cases'
import * as change from './changes'
import { valuesFormsRefuse } from './values-as-forms-take'

describe('a whole case from a file', () => {
  const record = read(
    edit(caseIn('engage'), (d) => {
      change.updateSection(d, 'contact', { phone: '0113 496 0000' }, CASEWORKER)
      change.addItem(d, 'addresses', 'home', { address: '4 Manor Row', localAuthority: BRADFORD, kind: 'own-tenancy', from: '2022-01-10' }, CASEWORKER)
    }),
  )

  it('passes whatever its forms would take', () => {
    expect(valuesFormsRefuse(record, TODAY)).toEqual([])
  })

  it('refuses, by path and in the form’s words, a value its form would refuse', () => {
    const phone = { ...record, contact: { ...record.contact, phone: '12' } }
    expect(valuesFormsRefuse(phone, TODAY)).toEqual([{ field: 'contact.phone', message: expect.stringMatching(/^Phone number/) }])
    const postcode = { ...record, addresses: { home: { ...record.addresses.home!, postcode: 'not a postcode' } } }
    expect(valuesFormsRefuse(postcode, TODAY).map((issue) => issue.field)).toEqual(['addresses.home.postcode'])
  })

  it('refuses a follow-up check whose answers contradict each other, as its form does', () => {
    const check = { check: '3-months', doneOn: '2026-11-22', contactMethod: 'phone', stillAccommodated: 'yes', returnedToRoughSleeping: 'yes' } as const
    expect(valuesFormsRefuse({ ...record, followUps: { f: check } }, TODAY)).toEqual([
      { field: 'followUps.f.returnedToRoughSleeping', message: 'The answers to Still accommodated? and Returned to rough sleeping? cannot both be Yes: change the one that is not true' },
    ])
  })
})
