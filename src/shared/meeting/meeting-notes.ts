import { agendaInOrder, meetingNoteText, type MeetingDoc, type MeetingRecord } from './meeting-doc'
import type { Withheld } from './withheld-cases'

/** A note a meeting owes a case: what was said on one agenda item, written into the item's case. */
export interface MeetingNote {
  itemId: string
  caseId: string
  text: string
}

/**
 * The notes a meeting owes its cases and not yet written: every item about a case (not a learning
 * point) with a discussion or decisions, whose note no laptop has recorded as written.
 */
export function notesOwed(meeting: Pick<MeetingRecord, 'agenda'>): MeetingNote[] {
  const owed: MeetingNote[] = []
  for (const item of agendaInOrder(meeting)) {
    const text = meetingNoteText(item)
    if (item.caseId && text && item.reason !== 'learning-point' && !item.noteWritten) owed.push({ itemId: item.id, caseId: item.caseId, text })
  }
  return owed
}

/**
 * Which of the notes owed this laptop writes, and which wait. A laptop writes only into the cases it
 * holds: one restricted to others is not here, so its note waits, marked as owed in the shared
 * meeting, for a laptop allowed the case to write it when it next opens the meeting. An erased
 * case's note is never written (the meeting no longer holds its words anyway).
 */
export function notesToWrite(meeting: Pick<MeetingRecord, 'agenda'>, withheld: Readonly<Record<string, Withheld>>): { write: MeetingNote[]; waiting: MeetingNote[] } {
  const owed = notesOwed(meeting)
  return {
    write: owed.filter((note) => withheld[note.caseId] === undefined),
    waiting: owed.filter((note) => withheld[note.caseId] === 'restricted'),
  }
}

/** Records in the meeting that the item's note is in its case, so no other laptop writes it again. */
export function markNoteWritten(doc: MeetingDoc, itemId: string): void {
  const item = doc.agenda[itemId]
  if (item) item.noteWritten = true
}
