import { describe, expect, it } from 'vitest'
import { caseIn, CASEWORKER, edit, MANAGER, newCase, nextId, TODAY } from '../../../../tests/support/cases'
import * as change from '../changes'
import { afterToday } from './happened-by-today'

describe('what has happened happened by today', () => {
  it('refuses a date after today, naming it', () => {
    expect(afterToday('on', 'Date of decision', '2026-11-24', TODAY)).toEqual({ field: 'on', message: '"Date of decision" (24/11/2026) cannot be in the future' })
    expect(afterToday('on', 'Date of decision', TODAY, TODAY)).toBeUndefined()
  })

  // The form's own check says the same (fields.ts): "This date cannot be in the future" did not say
  // which date in the error summary, nor on the command line.
  it('reads as a sentence whatever the label: quoted, in a list of problems and beside its field alike', () => {
    const label = 'All agencies, including the originating outreach referrers, told of the closure on'
    expect(afterToday('closure.agenciesToldOn', label, '2026-11-24', TODAY)?.message).toBe(`"${label}" (24/11/2026) cannot be in the future`)
    expect(() => edit(caseIn('engage'), (d) => change.updateSection(d, 'closure', { agenciesToldOn: '2026-11-24' }, CASEWORKER))).toThrow(
      `agenciesToldOn: "${label}" (24/11/2026) cannot be in the future`,
    )
  })

  it('is kept by the decision, the allocation and the closure, which take their date as given', () => {
    const tomorrow = '2026-11-24'
    const referred = edit(newCase(), (d) =>
      change.updateSection(d, 'referral', { criterionLocalConnection: 'yes', criterionRoughSleeping: 'living-on-street', criterionMultipleNeeds: 'yes' }, CASEWORKER),
    )
    expect(() => edit(referred, (d) => change.acceptReferral(d, tomorrow, CASEWORKER))).toThrow('on: "Date of decision" (24/11/2026) cannot be in the future')
    expect(() => edit(caseIn('allocate'), (d) => change.allocate(d, CASEWORKER.author, tomorrow, MANAGER))).toThrow('"Allocated on" (24/11/2026)')
    expect(() =>
      edit(caseIn('engage'), (d) => change.closeCase(d, { type: 'unplanned', unplannedReason: 'disengaged', on: tomorrow, id: nextId() }, CASEWORKER)),
    ).toThrow('"Case closed on" (24/11/2026) cannot be in the future')
  })

  // A new user's try: an empty "Allocated on" said "Enter a real date", as if what was typed was wrong.
  it('asks for a date left empty by what it is, and names a day the calendar does not have', () => {
    expect(() => edit(caseIn('allocate'), (d) => change.allocate(d, CASEWORKER.author, '', MANAGER))).toThrow('on: Enter the date it was allocated')
    expect(() => edit(caseIn('allocate'), (d) => change.allocate(d, CASEWORKER.author, '31/02/2026', MANAGER))).toThrow('on: 31/02/2026 is not a real date')
    expect(() => edit(caseIn('allocate'), (d) => change.allocate(d, CASEWORKER.author, 'soon', MANAGER))).toThrow('on: Enter a real date, like 27/03/2026')
    expect(() =>
      edit(caseIn('engage'), (d) => change.closeCase(d, { type: 'unplanned', unplannedReason: 'disengaged', on: '', id: nextId() }, CASEWORKER)),
    ).toThrow('on: Enter the date the case closed')
  })
})
