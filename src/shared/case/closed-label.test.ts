import { describe, expect, it } from 'vitest'
import * as change from './changes'
import { caseStateLabel, closedAs, closedLabel } from './closed-label'
import { summariseCase } from './summary'
import { CASEWORKER, caseIn, edit, newCase, nextId, read, TODAY } from '../../../tests/support/cases'

describe('a closed case is named as closed, with how it closed', () => {
  it('shows "Closed — not appropriate", not the phase it was closed in', () => {
    const doc = edit(caseIn('reconnection-planning'), (d) =>
      change.closeCase(d, { type: 'inappropriate', inappropriateReason: 'risk-of-harm', details: 'Risk from a former partner', on: TODAY, id: nextId() }, CASEWORKER),
    )
    const summary = summariseCase('case-1', read(doc))
    expect(summary).toMatchObject({ status: 'closed', closedAs: 'inappropriate', phase: 'reconnection-planning' })
    expect(caseStateLabel(summary)).toBe('Closed — not appropriate')
  })

  it('names each kind of ending', () => {
    expect(closedLabel('planned')).toBe('Closed — planned')
    expect(closedLabel('unplanned')).toBe('Closed — unplanned')
    expect(closedLabel('no-progress')).toBe('Closed — no progress')
    expect(closedLabel('no-provision')).toBe('Closed — no provision')
    expect(closedLabel('rejected')).toBe('Closed — referral not accepted')
    expect(closedLabel('merged')).toBe('Closed — merged into another case')
  })

  it('names a rejected referral and a merged duplicate as closed too', () => {
    const rejected = edit(newCase(), (d) => change.rejectReferral(d, { on: TODAY, reason: 'no-local-connection', id: nextId() }, CASEWORKER))
    expect(closedAs(read(rejected))).toBe('rejected')
    const merged = edit(newCase(), (d) => change.markMergedInto(d, 'case-kept', { ...CASEWORKER, id: nextId() }))
    expect(closedAs(read(merged))).toBe('merged')
  })

  it('shows an open case by its phase', () => {
    const summary = summariseCase('case-2', read(caseIn('engage')))
    expect(summary.closedAs).toBeNull()
    expect(caseStateLabel(summary)).toBe('Phase 3 – Engage')
  })
})
