import { describe, expect, it } from 'vitest'
import { displayValue, formSchema } from '../forms/fields'
import { validate } from '../validation'
import * as change from './changes'
import { NEED_DOMAINS, NEEDS_FIELDS, NEEDS_GROUPS } from './needs'
import { caseIn, CASEWORKER, edit, read, TODAY } from '../../../tests/support/cases'

describe('the needs assessment', () => {
  it('has each domain with a level, the client’s own words and the caseworker’s notes, and the benefit claims under money', () => {
    for (const domain of NEED_DOMAINS) {
      const group = NEEDS_GROUPS.find((g) => g.title === domain.title)!
      expect(group.fields.map((field) => field.name).slice(0, 3)).toEqual([`${domain.key}Level`, `${domain.key}ClientWords`, `${domain.key}Notes`])
    }
    expect(NEEDS_GROUPS.find((g) => g.title === 'Finances and benefits')!.fields.map((field) => field.name)).toContain('benefitClaims')
  })

  it('keeps the client’s words apart from the caseworker’s notes', () => {
    const doc = edit(caseIn('engage'), (d) =>
      change.updateSection(
        d,
        'needs',
        { assessedOn: '2026-11-20', assessedBy: 'Amina Okafor', alcoholLevel: 'high', alcoholClientWords: 'I drink to sleep.', alcoholNotes: 'Wants a detox referral.' },
        CASEWORKER,
      ),
    )
    const record = read(doc)
    expect(record.needs).toMatchObject({ alcoholLevel: 'high', alcoholClientWords: 'I drink to sleep.', alcoholNotes: 'Wants a detox referral.' })
    const level = NEEDS_FIELDS.find((field) => field.name === 'alcoholLevel')!
    expect(displayValue(level, 'not-assessed')).toBe('Not assessed')
  })

  it('refuses a level that is not on the scale, naming the domain', () => {
    const result = validate(formSchema(NEEDS_FIELDS, TODAY), { mentalHealthLevel: 'severe' })
    expect(result).toEqual({ ok: false, issues: [{ field: 'mentalHealthLevel', message: 'Choose emotional wellbeing and mental health: level of need' }] })
  })

  it('asks under Offending whether probation supervises the client and who, and under training and employment whether they are in work or training now', () => {
    const names = (title: string) => NEEDS_GROUPS.find((g) => g.title === title)!.fields.map((field) => field.name)
    expect(names('Offending')).toEqual(expect.arrayContaining(['onProbation', 'probationContact']))
    expect(names('Basic skills, training and employment')).toContain('workOrTraining')
    const doc = edit(caseIn('engage'), (d) => change.updateSection(d, 'needs', { onProbation: 'yes', probationContact: 'Leeds Probation, Sam Ode', workOrTraining: 'training' }, CASEWORKER))
    expect(read(doc).needs).toMatchObject({ onProbation: 'yes', probationContact: 'Leeds Probation, Sam Ode', workOrTraining: 'training' })
    expect(validate(formSchema(NEEDS_FIELDS, TODAY), { workOrTraining: 'retired' })).toEqual({
      ok: false,
      issues: [{ field: 'workOrTraining', message: 'Choose basic skills, training and employment: in work or training now?' }],
    })
  })
})
