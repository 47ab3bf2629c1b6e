import { describe, expect, it } from 'vitest'
import { formatUkDateTime } from '../dates'
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

  // A new user's try found "Someone else saved…" when it was them, in another window: no one, no time.
  it('names who saved it and when, and says when it was this same person in another window', () => {
    const amina = { id: 'amina', name: 'Amina Okafor' }
    const lastSave = () => ({ author: amina, at: '2026-11-30T09:33:00.000Z' })
    const by = (me: { id: string; name: string }) =>
      overtakenFields(fields, { referrerName: 'Sam Reed' }, { referrerName: 'Sam Reed One' }, { referrerName: 'Sam Reed Two' }, lastSave, me)[0]?.message
    const at = formatUkDateTime('2026-11-30T09:33:00.000Z')
    expect(by(amina)).toBe(`Amina Okafor saved Referrer’s name as “Sam Reed One” on ${at} (in another window). Save again to replace it with yours, or cancel to keep theirs`)
    expect(by({ id: 'jo', name: 'Jo Bloggs' })).toMatch(new RegExp(`^Amina Okafor saved Referrer’s name as “Sam Reed One” on ${at}\\. Save again`))
  })
})
