import { describe, expect, it } from 'vitest'
import * as change from '../case/changes'
import { CASEWORKER, edit, newCase } from '../../../tests/support/cases'
import { firstRecorded } from './first-recorded'
import { levelChange, workChange } from './income-and-work-change'

describe('income and employment, first recorded to last', () => {
  it('reads what the needs assessment first recorded from the case history, whatever it holds now', () => {
    let doc = newCase()
    expect(firstRecorded(doc)).toEqual({ benefitClaimsAtFirst: false })
    // First saved: money not yet assessed, high need for work, not in work; no benefit claims yet.
    doc = edit(doc, (d) => change.updateSection(d, 'needs', { moneyLevel: 'not-assessed', educationAndWorkLevel: 'high', workOrTraining: 'none' }, CASEWORKER))
    doc = edit(doc, (d) => change.updateSection(d, 'needs', { moneyLevel: 'high', benefitClaims: 'Universal Credit claim made at the Jobcentre.' }, CASEWORKER))
    doc = edit(doc, (d) => change.updateSection(d, 'needs', { moneyLevel: 'low', educationAndWorkLevel: 'medium', workOrTraining: 'employed' }, CASEWORKER))
    expect(firstRecorded(doc)).toEqual({ moneyLevel: 'high', educationAndWorkLevel: 'high', workOrTraining: 'none', benefitClaimsAtFirst: false })
    expect(String(doc.needs.moneyLevel)).toBe('low')
  })

  it('knows benefit claims written the first time the assessment was saved, and a field emptied and filled again keeps its first value', () => {
    let doc = newCase()
    doc = edit(doc, (d) => change.updateSection(d, 'needs', { benefitClaims: 'PIP, paid to the Nationwide account.', workOrTraining: 'training' }, CASEWORKER))
    doc = edit(doc, (d) => change.updateSection(d, 'needs', { workOrTraining: undefined }, CASEWORKER))
    doc = edit(doc, (d) => change.updateSection(d, 'needs', { workOrTraining: 'volunteering' }, CASEWORKER))
    expect(firstRecorded(doc)).toEqual({ workOrTraining: 'training', benefitClaimsAtFirst: true })
  })

  it('takes from a hostile history only the values the form can hold', () => {
    let doc = newCase()
    // Written by a tampered laptop, not through the form's checks.
    doc = edit(doc, (d) => Object.assign(d.needs as Record<string, unknown>, { moneyLevel: 'catastrophic', educationAndWorkLevel: ['high'], workOrTraining: 42, benefitClaims: '   ' }))
    doc = edit(doc, (d) => change.updateSection(d, 'needs', { moneyLevel: 'medium', workOrTraining: 'training' }, CASEWORKER))
    expect(firstRecorded(doc)).toEqual({ moneyLevel: 'medium', workOrTraining: 'training', benefitClaimsAtFirst: false })
    const notAMap = edit(newCase(), (d) => {
      ;(d as unknown as Record<string, unknown>).needs = ['high']
    })
    expect(firstRecorded(notAMap)).toEqual({ benefitClaimsAtFirst: false })
  })

  it('compares levels of need: less need is better, "Not assessed" or none at either end is not assessed', () => {
    expect(levelChange('high', 'low')).toBe('less')
    expect(levelChange('low', 'medium')).toBe('more')
    expect(levelChange('medium', 'medium')).toBe('same')
    expect(levelChange('none', 'none')).toBe('same')
    expect(levelChange(undefined, 'low')).toBe('not-assessed')
    expect(levelChange('high', 'not-assessed')).toBe('not-assessed')
  })

  it('compares work or training: paid work and training count, volunteering does not', () => {
    expect(workChange('none', 'employed')).toBe('into')
    expect(workChange('volunteering', 'training')).toBe('into')
    expect(workChange('training', 'employed')).toBe('stayed')
    expect(workChange('employed', 'volunteering')).toBe('left')
    expect(workChange('none', 'volunteering')).toBe('neither')
    expect(workChange(undefined, 'employed')).toBe('not-recorded')
  })
})
