import { describe, expect, it } from 'vitest'
import { formatUkDateTime } from '../dates'
import type { Field } from './fields'
import { overtakenFields, overtakenIssue } from './overtaken'

const referrer: Field = { name: 'referrerName', label: 'Referrer’s name', kind: 'text' }
const team: Field = { name: 'outreachTeam', label: 'Outreach team', kind: 'text' }
const fields = [referrer, team]

describe('a save over a value someone else saved since the form was opened', () => {
  it('stops, with both values of the field', () => {
    const overtaken = overtakenFields(fields, { referrerName: 'Sam Reed' }, { referrerName: 'Priya Shah' }, { referrerName: 'Sam Reed (A)' })
    expect(overtaken).toEqual([{ field: referrer, mine: 'Sam Reed (A)', theirs: 'Priya Shah', savedBy: 'someone else, since you started' }])
  })

  it('stops when they cleared it, their value being none', () => {
    const overtaken = overtakenFields(fields, { referrerName: 'Sam Reed' }, {}, { referrerName: 'Sam Reed (A)' })
    expect(overtaken).toMatchObject([{ field: referrer, mine: 'Sam Reed (A)', theirs: undefined }])
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
      overtakenFields(fields, { referrerName: 'Sam Reed' }, { referrerName: 'Sam Reed One' }, { referrerName: 'Sam Reed Two' }, lastSave, me)[0]?.savedBy
    const at = formatUkDateTime('2026-11-30T09:33:00.000Z')
    expect(by(amina)).toBe(`Amina Okafor on ${at} (in another window)`)
    expect(by({ id: 'jo', name: 'Jo Bloggs' })).toBe(`Amina Okafor on ${at}`)
  })

  // An instruction inside an error summary confused: the summary only points to the choice at the field.
  it('is one short line in the error summary, leading to the choice at the field rather than its input', () => {
    const [overtaken] = overtakenFields(fields, { referrerName: 'Sam Reed' }, { referrerName: 'Priya Shah' }, { referrerName: 'Sam Reed (A)' })
    expect(overtakenIssue(overtaken!)).toEqual({
      field: 'referrerName-overtaken',
      message: 'Referrer’s name was changed while you were typing: choose which to keep',
    })
  })
})
