import { describe, expect, it } from 'vitest'
import type { CaseNote } from './notes'
import type { CaseRecord } from './record'
import { notesForReview } from './third-party-notes'

const note = (id: string, text: string): CaseNote => ({ id, date: '2026-10-01', type: 'phone', text, author: { id: 'amina', name: 'Amina Okafor' }, writtenAt: '2026-10-01T10:00:00Z' })

function record(
  notes: CaseNote[],
  family: string[],
  others: { referrer?: string; signedBy?: string; housingOptions?: string; accompaniedBy?: string } = {},
): Pick<CaseRecord, 'notes' | 'family' | 'referral' | 'plan' | 'reconnectionDay'> {
  return {
    notes,
    family: Object.fromEntries(family.map((name, i) => [`f${i}`, { relationship: 'sister' as const, name, localAuthority: 'E08000032', years: 4 }])) as CaseRecord['family'],
    referral: { clientName: 'Marek Nowak', referrerName: others.referrer ?? 'Sam Reed', referrerSignature: others.signedBy } as CaseRecord['referral'],
    plan: { housingOptionsName: others.housingOptions } as CaseRecord['plan'],
    reconnectionDay: { accompaniedBy: others.accompaniedBy } as CaseRecord['reconnectionDay'],
  }
}

describe('the notes a subject access copy holds back for the reviewer', () => {
  it('holds back a note naming a relative the case records, by any of their names, whatever the capitals or accents', () => {
    const notes = [note('a', 'Spoke to his sister Zofia about a room.'), note('b', 'Called ZÓFIA again.'), note('c', 'Went to the GP with Marek.')]
    const held = notesForReview(record(notes, ['Zofia Nowak']))
    expect(held.map((entry) => entry.note.id)).toEqual(['a', 'b'])
    expect(held[0]!.names).toEqual(['Zofia Nowak'])
  })

  it('does not count a name the client shares, a part of a word, or a name of under 3 letters', () => {
    const notes = [note('a', 'Mr Nowak came in.'), note('b', 'Zofiane is a place name.'), note('c', 'Met Al at the hostel.')]
    expect(notesForReview(record(notes, ['Zofia Nowak', 'Al']))).toEqual([])
  })

  it('holds back nothing when the case records no family or friends by name', () => {
    expect(notesForReview(record([note('a', 'Spoke to his sister.')], ['']))).toEqual([])
  })

  it('holds back a note naming the referrer, the Housing Options contact or whoever accompanies the client, by their names', () => {
    const notes = [
      note('a', 'Sam rang to say Marek was seen at the day centre.'),
      note('b', 'Spoke to Priya Shah at Cardiff Housing Options.'),
      note('c', 'Reed from the outreach team is on leave.'),
      note('d', 'Joanne will travel with him on the coach.'),
      note('e', 'Called Cardiff Council about a room.'),
    ]
    const held = notesForReview(record(notes, [], { referrer: 'Sam Reed', housingOptions: 'Priya Shah, Cardiff Housing Options', accompaniedBy: 'Joanne Price (support worker)' }))
    expect(held.map((entry) => [entry.note.id, entry.names])).toEqual([
      ['a', ['Sam Reed']],
      ['b', ['Priya Shah, Cardiff Housing Options']],
      ['c', ['Sam Reed']],
      ['d', ['Joanne Price (support worker)']],
    ])
  })

  it('takes from those only the names: not a role, the organisation or place after it, the client’s own name, or words written without a capital', () => {
    const notes = [note('a', 'Called the duty officer at the council.'), note('b', 'Marek is doing well.'), note('c', 'Nobody from the team could go.'), note('d', 'Saw Bradford staff.')]
    const others = { referrer: 'Marek Nowak', housingOptions: 'Duty officer, Bradford Council', accompaniedBy: 'nobody from the team' }
    expect(notesForReview(record(notes, [], others))).toEqual([])
  })
})
