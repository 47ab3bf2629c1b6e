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
 * records, since information about someone else is shared only with their consent or where that is
 * reasonable (UK GDPR, Data Protection Act 2018 Sch. 2 para. 16). The people are the family and
 * friends list, the referrer, the Housing Options contact and whoever accompanies the client on the
 * day of reconnection; never the client. Nothing marks a note as being about someone else, so a note
 * is taken to name a person when it holds one of their names (3 letters or more) as a whole word,
 * whatever the capitals or accents; a name the client shares (a family surname) does not count. The
 * rest of the notes go in the copy.
 */
export function notesForReview(record: Pick<CaseRecord, 'notes' | 'family' | 'referral' | 'plan' | 'reconnectionDay'>): NoteForReview[] {
  const client = new Set(words(record.referral.clientName))
  const named = (name: string, nameWords: string[]) => ({ name, words: nameWords.filter((word) => word.length >= 3 && !client.has(word)) })
  const people = [
    // A family member's name is only a name.
    ...Object.values(record.family).map((member) => member.name?.trim() ?? '').filter(Boolean).map((name) => named(name, words(name))),
    // These may be written with a role or a place ("Sam Reed, St Mungo's"; "Duty officer, Cardiff
    // Council"): the name is what comes before it, its words those written with a capital, less a role's.
    ...[record.referral.referrerName, record.referral.referrerSignature, record.plan.housingOptionsName, record.reconnectionDay.accompaniedBy]
      .map((text) => text?.trim() ?? '')
      .filter(Boolean)
      .map((text) => named(text, capitalisedWords(text.split(/[,(;/]| - | at | from /i)[0]!).filter((word) => !NOT_NAMES.has(word)))),
  ].filter((person) => person.words.length > 0)
  return record.notes.flatMap((note) => {
    const said = new Set(words(note.text))
    const names = people.filter((person) => person.words.some((word) => said.has(word))).map((person) => person.name)
    return names.length > 0 ? [{ note, names: [...new Set(names)] }] : []
  })
}

/** Capitalised words that name a role, a title or an organisation, not a person (folded, as `words` gives them). */
const NOT_NAMES = new Set(
  ['Council', 'City', 'Borough', 'County', 'London', 'Housing', 'Options', 'Team', 'Outreach', 'Service', 'Services', 'Street', 'Duty', 'Officer', 'Worker', 'Support', 'Manager', 'Caseworker', 'The', 'From', 'And', 'With', 'Mrs', 'Miss', 'Mr', 'Ms', 'Dr'].flatMap(words),
)

/** The words of a text that begin with a capital letter, as `words` gives them. */
function capitalisedWords(text: string): string[] {
  return text
    .split(/[^\p{L}'’]+/u)
    .filter((word) => /^\p{Lu}/u.test(word))
    .flatMap(words)
}

/** A text's words as names are compared (see personNameKey): letters and apostrophes, folded. */
function words(text: string): string[] {
  return personNameKey(text).split(/[^\p{L}'’]+/u).filter(Boolean)
}
