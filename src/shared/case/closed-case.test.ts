import { describe, expect, it } from 'vitest'
import * as change from './changes'
import { CaseRuleError } from './changes'
import { CASEWORKER, caseIn, edit, MANAGER, newCase, nextId, read, TODAY } from '../../../tests/support/cases'
import { ValidationError } from '../validation'
import { monitoringReport } from '../reports/monitoring'

const closedInPlanning = () =>
  edit(caseIn('reconnection-planning'), (d) =>
    change.closeCase(d, { type: 'inappropriate', inappropriateReason: 'client-refused', details: 'Chose to stay in London', on: TODAY, id: nextId() }, CASEWORKER),
  )

describe('a closed case is read-only until it is reopened', () => {
  it.each([
    ['a form', (d: Parameters<typeof change.updateSection>[0]) => change.updateSection(d, 'plan', { destination: 'E08000032' }, CASEWORKER)],
    ['a list item', (d: Parameters<typeof change.updateSection>[0]) => change.addItem(d, 'goals', nextId(), { goal: 'Register with a GP' }, CASEWORKER)],
    ['an action', (d: Parameters<typeof change.updateSection>[0]) => change.addAction(d, nextId(), { description: 'Call the council', due: TODAY }, CASEWORKER.author, CASEWORKER)],
    ['the lead caseworker', (d: Parameters<typeof change.updateSection>[0]) => change.allocate(d, MANAGER.author, TODAY, MANAGER)],
    ['the wellbeing scores', (d: Parameters<typeof change.updateSection>[0]) => change.recordWellbeing(d, 'closure', { on: TODAY, items: [3, 3, 3, 3, 3, 3, 3] }, CASEWORKER)],
  ])('refuses a change to %s', (_what, edit_) => {
    const doc = closedInPlanning()
    expect(() => edit(doc, edit_)).toThrow(new CaseRuleError(['The case is closed: reopen it to change it']))
  })

  it('still takes a note in the contact log (a team meeting may discuss a closed case)', () => {
    const doc = edit(closedInPlanning(), (d) => change.addNote(d, { date: TODAY, type: 'other', text: 'Discussed at the team meeting' }, { ...CASEWORKER, id: nextId() }))
    expect(read(doc).notes.at(-1)?.text).toBe('Discussed at the team meeting')
  })
})

describe('reopening a closed case', () => {
  it('needs a reason, and refuses a case that is open', () => {
    expect(() => edit(closedInPlanning(), (d) => change.reopenCase(d, { reason: '  ', id: nextId() }, CASEWORKER))).toThrow(ValidationError)
    expect(() => edit(caseIn('engage'), (d) => change.reopenCase(d, { reason: 'Why not', id: nextId() }, CASEWORKER))).toThrow(
      new CaseRuleError(['The case is not closed']),
    )
  })

  it('returns the case to the phase it was closed in, records who, when and why, and keeps the closure it undid', () => {
    const later = { ...CASEWORKER, now: new Date('2026-11-24T09:00:00Z'), today: '2026-11-24' }
    const doc = edit(closedInPlanning(), (d) => change.reopenCase(d, { reason: 'The client has changed his mind', id: nextId() }, later))
    const record = read(doc)
    expect(record).toMatchObject({ status: 'open', phase: 'reconnection-planning' })
    expect(record.outcome).toBeUndefined()
    expect(record.phaseHistory.slice(-2)).toMatchObject([
      { kind: 'closed', by: CASEWORKER.author },
      {
        kind: 'reopened',
        to: 'reconnection-planning',
        reason: 'The client has changed his mind',
        by: CASEWORKER.author,
        at: '2026-11-24T09:00:00.000Z',
        undid: { type: 'inappropriate', inappropriateReason: 'client-refused', closedOn: TODAY },
      },
    ])
    // Editable again.
    const edited = edit(doc, (d) => change.updateSection(d, 'plan', { destination: 'E08000032' }, later))
    expect(read(edited).plan.destination).toBe('E08000032')
  })

  it('puts a referral that was not taken on back to be decided', () => {
    const rejected = edit(newCase(), (d) => change.rejectReferral(d, { on: TODAY, reason: 'withdrawn', id: nextId() }, CASEWORKER))
    const reopened = read(edit(rejected, (d) => change.reopenCase(d, { reason: 'The referrer sent more detail', id: nextId() }, CASEWORKER)))
    expect(reopened).toMatchObject({ status: 'open', phase: 'identify', referral: { status: 'received' } })
  })

  it('refuses a duplicate merged into another case: its work goes on there', () => {
    const merged = edit(newCase(), (d) => change.markMergedInto(d, 'case-kept', { ...CASEWORKER, id: nextId() }))
    expect(() => edit(merged, (d) => change.reopenCase(d, { reason: 'By mistake', id: nextId() }, CASEWORKER))).toThrow(/merged into case case-kept/)
  })

  it('counts a reopened case as open in the monitoring report, not among the closures', () => {
    const closed = read(closedInPlanning())
    const reopened = read(edit(closedInPlanning(), (d) => change.reopenCase(d, { reason: 'Changed his mind', id: nextId() }, CASEWORKER)))
    const range = { from: '2026-11-01', to: '2026-11-30' }
    const outcomes = (report: ReturnType<typeof monitoringReport>) => report.closures.map(({ label, caseIds }) => [label, caseIds.length] as const)
    const whenClosed = monitoringReport([{ id: 'a', record: closed }], range, TODAY)
    const whenReopened = monitoringReport([{ id: 'a', record: reopened }], range, TODAY)
    expect(outcomes(whenClosed).some(([, count]) => count === 1)).toBe(true)
    expect(outcomes(whenReopened).every(([, count]) => count === 0)).toBe(true)
  })
})
