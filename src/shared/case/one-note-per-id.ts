import type { CaseNote } from './notes'

/**
 * A note written twice is read once. A finished meeting's owed note is written into its case with
 * the agenda item's id by whichever allowed laptop opens the meeting first (meeting-notes.ts); two
 * doing so while both offline each append it. The later copy is left out only when it is the same
 * note (the same id and words): a note of another's words under a taken id (a bug, or a hostile
 * laptop) is shown, never hidden behind the first.
 */
export function oneNotePerId(notes: readonly CaseNote[]): CaseNote[] {
  const seen = new Map<string, string>()
  return notes.filter((note) => {
    if (seen.get(note.id) === note.text) return false
    if (!seen.has(note.id)) seen.set(note.id, note.text)
    return true
  })
}
