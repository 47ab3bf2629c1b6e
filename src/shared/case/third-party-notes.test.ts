import { describe, expect, it } from 'vitest'
import type { CaseNote } from './notes'
import type { CaseRecord } from './record'
import { notesForReview } from './third-party-notes'

const note = (id: string, text: string): CaseNote => ({ id, date: '2026-10-01', type: 'phone', text, author: { id: 'amina', name: 'Amina Okafor' }, writtenAt: '2026-10-01T10:00:00Z' })

function record(notes: CaseNote[], family: string[]): Pick<CaseRecord, 'notes' | 'family' | 'referral'> {
  return {
    notes,
    family: Object.fromEntries(family.map((name, i) => [`f${i}`, { relationship: 'sister' as const, name, localAuthority: 'E08000032', years: 4 }])) as CaseRecord['family'],
    referral: { clientName: 'Marek Nowak' } as CaseRecord['referral'],
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
})
