import { describe, expect, it } from 'vitest'
import { BRADFORD, caseIn, CASEWORKER, edit, newCase, nextId, read, TODAY } from '../../../../tests/support/cases'
import * as change from '../changes'
import type { CaseRecord } from '../record'
import { beforeDateOfBirth } from './after-date-of-birth'
import { caseDateProblems } from './case-dates'

const EILIDH = { clientName: 'Eilidh Ross', dateOfBirth: '1977-05-24' }

describe("nothing happens to the client before they were born", () => {
  it("refuses an event before the date of birth, by the field's label and the client's first name", () => {
    expect(beforeDateOfBirth('from', 'Lived there from', '1960-01-01', EILIDH)).toEqual({
      field: 'from',
      message: `"Lived there from" (01/01/1960) cannot be before Eilidh's date of birth (24/05/1977)`,
    })
    expect(beforeDateOfBirth('from', 'Lived there from', '1977-05-24', EILIDH)).toBeUndefined()
  })

  it('is kept when an address, a referral date, a consent or a step down is saved, on the field saved', () => {
    const doc = newCase() // Łukasz, born 17/05/1984
    const born = "cannot be before Łukasz's date of birth (17/05/1984)"
    expect(() =>
      edit(doc, (d) => change.addItem(d, 'addresses', nextId(), { address: '1 Low Road', localAuthority: BRADFORD, kind: 'own-tenancy', from: '1960-01-01' }, CASEWORKER)),
    ).toThrow(`from: "Lived there from" (01/01/1960) ${born}`)
    expect(() => edit(doc, (d) => change.updateSection(d, 'referral', { referralDate: '1980-01-01' }, CASEWORKER))).toThrow(`referralDate: "Date of referral" (01/01/1980) ${born}`)
    expect(() => edit(doc, (d) => change.addItem(d, 'sharingConsents', nextId(), { agency: 'GP', givenOn: '1983-01-01', how: 'verbal' }, CASEWORKER))).toThrow(
      `givenOn: "Consent given on" (01/01/1983) ${born}`,
    )
    expect(() => edit(doc, (d) => change.updateSection(d, 'engagement', { serviceExplainedOn: '1984-05-16' }, CASEWORKER))).toThrow(born)
  })

  it('refuses a date of birth changed to after something already recorded, on the date of birth', () => {
    const doc = caseIn('reconnection') // an address from 10/01/2022
    expect(() => edit(doc, (d) => change.updateSection(d, 'referral', { dateOfBirth: '2023-01-01' }, CASEWORKER))).toThrow(
      `dateOfBirth: "Lived there from" (10/01/2022) cannot be before Łukasz's date of birth (01/01/2023)`,
    )
  })

  it("leaves alone dates that are not events in the client's life: an action's, a document's", () => {
    const doc = edit(newCase(), (d) => change.addAction(d, nextId(), { description: 'Find the 1970 tenancy', due: '2026-12-01', doneOn: '2026-11-20' }, CASEWORKER.author, CASEWORKER))
    expect(read(doc).actions).not.toEqual({})
  })

  it("finds every such date of a whole case, by its path", () => {
    const record = JSON.parse(JSON.stringify(read(caseIn('engage')))) as CaseRecord
    record.addresses.a = { address: '12 High Street', localAuthority: BRADFORD, kind: 'own-tenancy', from: '1970-01-01', to: '1971-01-01' }
    record.expenses.e = { date: '1980-02-03', category: 'travel', amount: 1250, recordedBy: { id: 'p', name: 'P' } }
    record.referral.receivedOn = '1983-01-01'
    record.actions.x = { description: 'Old', due: '1970-01-01', owner: { id: 'p', name: 'P' }, createdAt: '', createdBy: { id: 'p', name: 'P' } }
    const fields = caseDateProblems(record, TODAY).errors.map((issue) => issue.field)
    expect(fields.filter((field) => field !== 'reconnectionDay.date')).toEqual(
      expect.arrayContaining(['referral.receivedOn', 'addresses.a.from', 'addresses.a.to', 'expenses.e.date']),
    )
    expect(fields).not.toContain('actions.x.due')
  })
})
