import { personNameKey } from '../team/same-person-name'
import type { CaseNote } from './notes'
import type { CaseRecord } from './record'

/** A note held back from a subject access copy for a reviewer to decide on, and whom it names. */
export interface NoteForReview {
  note: CaseNote
  names: string[]
}

/**
 * The notes a subject access copy holds back for the reviewer: those naming another person the case
 * records (its family and friends list), since information about someone else is shared only with
 * their consent or where that is reasonable (UK GDPR, Data Protection Act 2018 Sch. 2 para. 16).
 * Nothing marks a note as being about someone else, so a note is taken to name a person when it holds
 * one of their names (3 letters or more) as a whole word, whatever the capitals or accents; a name
 * the client shares (a family surname) does not count. The rest of the notes go in the copy.
 */
export function notesForReview(record: Pick<CaseRecord, 'notes' | 'family' | 'referral'>): NoteForReview[] {
  const client = new Set(words(record.referral.clientName))
  const people = Object.values(record.family)
    .map((member) => member.name?.trim() ?? '')
    .filter(Boolean)
    .map((name) => ({ name, words: words(name).filter((word) => word.length >= 3 && !client.has(word)) }))
    .filter((person) => person.words.length > 0)
  return record.notes.flatMap((note) => {
    const said = new Set(words(note.text))
    const names = people.filter((person) => person.words.some((word) => said.has(word))).map((person) => person.name)
    return names.length > 0 ? [{ note, names: [...new Set(names)] }] : []
  })
}

/** A text's words as names are compared (see personNameKey): letters and apostrophes, folded. */
function words(text: string): string[] {
  return personNameKey(text).split(/[^\p{L}'’]+/u).filter(Boolean)
}
