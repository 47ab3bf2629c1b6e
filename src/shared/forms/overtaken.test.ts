import { describe, expect, it } from 'vitest'
import type { Field } from './fields'
import { overtakenFields } from './overtaken'

const referrer: Field = { name: 'referrerName', label: 'Referrer’s name', kind: 'text' }
const team: Field = { name: 'outreachTeam', label: 'Outreach team', kind: 'text' }
const fields = [referrer, team]

describe('a save over a value someone else saved since the form was opened', () => {
  it('stops, naming the field and their value', () => {
    const issues = overtakenFields(fields, { referrerName: 'Sam Reed' }, { referrerName: 'Priya Shah' }, { referrerName: 'Sam Reed (A)' })
    expect(issues).toEqual([{ field: 'referrerName', message: expect.stringContaining('Someone else saved Referrer’s name as “Priya Shah” since you started') }])
  })

  it('says so when they cleared it', () => {
    const issues = overtakenFields(fields, { referrerName: 'Sam Reed' }, {}, { referrerName: 'Sam Reed (A)' })
    expect(issues[0]?.message).toMatch(/^Someone else cleared Referrer’s name since you started/)
  })

  it('lets the save through where nobody else changed the field, or they saved the same value, or they changed another field', () => {
    expect(overtakenFields(fields, { referrerName: 'Sam Reed' }, { referrerName: 'Sam Reed' }, { referrerName: 'Jo' })).toEqual([])
    expect(overtakenFields(fields, { referrerName: 'Sam Reed' }, { referrerName: 'Jo' }, { referrerName: 'Jo' })).toEqual([])
    expect(overtakenFields(fields, { referrerName: 'Sam Reed', outreachTeam: 'A' }, { referrerName: 'Sam Reed', outreachTeam: 'B' }, { referrerName: 'Jo' })).toEqual([])
  })
})
