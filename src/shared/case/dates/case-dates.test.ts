import { describe, expect, it } from 'vitest'
import { caseIn, read, TODAY } from '../../../../tests/support/cases'
import type { CaseRecord } from '../record'
import { caseDateProblems } from './case-dates'

describe("a whole case's dates", () => {
  it('gives every impossible date as an error, by its path, and overlapping addresses as warnings', () => {
    const record = JSON.parse(JSON.stringify(read(caseIn('engage')))) as CaseRecord
    expect(caseDateProblems(record, TODAY)).toEqual({ errors: [], warnings: [] })
    record.addresses.a = { address: '12 High Street', localAuthority: 'E08000032', kind: 'own-tenancy', from: '2021-05-01', to: '2021-04-01' }
    record.addresses.b = { address: '3 Mill Lane', localAuthority: 'E08000035', kind: 'own-tenancy', from: '2020-01-01', to: '2022-01-01' }
    record.employment.j = { employer: 'Mill', localAuthority: 'E08000035', from: '2019-01-01', to: '2018-01-01' }
    record.reconnectionDay.date = '2001-01-01'
    record.outcome = { type: 'planned', closedOn: '2027-01-01', closedBy: { id: 'p', name: 'P' } }
    const { errors, warnings } = caseDateProblems(record, TODAY)
    expect(errors.map((issue) => issue.field)).toEqual(['outcome.closedOn', 'addresses.a.to', 'employment.j.to', 'reconnectionDay.date'])
    expect(warnings).toEqual([expect.stringMatching(/^3 Mill Lane .* and 12 High Street .* overlap/)])
  })

  it("finds every future date of a whole case that records something done, but not due dates or planned days", () => {
    const record = JSON.parse(JSON.stringify(read(caseIn('engage')))) as CaseRecord
    expect(caseDateProblems(record, TODAY).errors).toEqual([])
    record.referral.receivedOn = '2026-12-01'
    record.engagement.serviceExplainedOn = '2026-12-02'
    record.addresses.x = { address: '1 Low Road', localAuthority: 'E08000035', kind: 'own-tenancy', from: '2020-01-01', to: '2027-01-01' }
    record.expenses.e = { date: '2026-12-03', category: 'travel', amount: 1250, recordedBy: { id: 'p', name: 'P' } }
    record.outcome = { type: 'planned', closedOn: '2026-12-04', closedBy: { id: 'p', name: 'P' } }
    record.actions.a = { description: 'Book the coach', due: '2027-01-10', owner: { id: 'p', name: 'P' }, createdAt: '', createdBy: { id: 'p', name: 'P' } }
    record.reconnectionDay.date = '2027-01-15' // planned
    expect(caseDateProblems(record, TODAY).errors.map((issue) => issue.field).sort()).toEqual(
      ['addresses.x.to', 'engagement.serviceExplainedOn', 'expenses.e.date', 'outcome.closedOn', 'referral.receivedOn'].sort(),
    )
  })

  it('refuses a phase history recorded after today, and warns of a pack emailed after the day', () => {
    const record = JSON.parse(JSON.stringify(read(caseIn('engage')))) as CaseRecord
    record.phaseHistory[1]!.at = '2026-11-24T09:00:00.000Z'
    record.reconnectionDay = { date: '2026-11-10', packEmailedOn: '2026-11-12' }
    const { errors, warnings } = caseDateProblems(record, TODAY)
    expect(errors).toEqual([{ field: 'phaseHistory.1.at', message: '"Recorded in the phase history on" (24/11/2026) cannot be in the future' }])
    expect(warnings).toEqual(['The pack is meant to be emailed a day in advance of the presentation on Tuesday 10 November 2026: check this date'])
  })

  it('warns of a pack recorded as emailed before the day it was first made', () => {
    const record = JSON.parse(JSON.stringify(read(caseIn('engage')))) as CaseRecord
    record.generatedDocuments.p = { kind: 'presentation-pack', fileName: 'pack.pdf', pages: 3, at: '2026-11-09T10:00:00.000Z', by: { id: 'p', name: 'P' }, enclosures: [] }
    record.reconnectionDay = { date: '2026-11-10', packEmailedOn: '2026-11-08' }
    expect(caseDateProblems(record, TODAY)).toEqual({
      errors: [],
      warnings: ['The presentation pack was first made on Monday 9 November 2026, after the day it is recorded as emailed: check this date'],
    })
  })
})
