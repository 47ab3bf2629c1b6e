import { agendaInOrder, meetingNoteText, type AgendaItem, type MeetingRecord } from './meeting-doc'

/** An item the meeting went through: ticked as discussed, or with its discussion or decisions written. */
export function wasDiscussed(item: Pick<AgendaItem, 'discussed' | 'discussion' | 'decisions'>): boolean {
  return Boolean(item.discussed || meetingNoteText(item))
}

/** What finishing a meeting does, counted from its agenda (`Meetings.finish` does it). */
export interface Finishing {
  items: number
  notDiscussed: number
  /** Notes written into cases: an item about a case with its discussion or decisions written. */
  notes: number
  /** Learning points the meeting went through, marked as reviewed in their cases. */
  reviewed: number
  /** Learning points on the agenda not gone through: they stay to be reviewed at a later meeting. */
  notReviewed: number
}

export function finishing(meeting: Pick<MeetingRecord, 'agenda'>): Finishing {
  const agenda = agendaInOrder(meeting)
  const learningPoints = agenda.filter((item) => item.learningPointId && item.caseId)
  return {
    items: agenda.length,
    notDiscussed: agenda.filter((item) => !wasDiscussed(item)).length,
    notes: agenda.filter((item) => item.caseId && meetingNoteText(item)).length,
    reviewed: learningPoints.filter(wasDiscussed).length,
    notReviewed: learningPoints.filter((item) => !wasDiscussed(item)).length,
  }
}

const count = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`

/**
 * Asked before finishing when the meeting did not go through every item: finishing cannot be
 * undone, and an item not discussed gets no note and leaves its learning point unreviewed.
 */
export function finishQuestion(done: Finishing): string | undefined {
  if (done.notDiscussed === 0) return undefined
  const which =
    done.notDiscussed === done.items
      ? `None of the ${count(done.items, 'item', 'items')} on the agenda ${done.items === 1 ? 'was' : 'were'} discussed.`
      : `${done.notDiscussed} of the ${done.items} items on the agenda ${done.notDiscussed === 1 ? 'was' : 'were'} not discussed.`
  return `${which} Finish the meeting anyway? The meeting cannot be reopened.`
}

/** What a finished meeting did, said exactly: the notes written, the learning points marked reviewed and those left. */
export function finishedMessage(done: Finishing): string {
  const said = ['This meeting has finished.']
  said.push(
    done.notes === 0
      ? 'No note went into a case: nothing was written under an item about one.'
      : `${count(done.notes, 'note of the discussion is', 'notes of the discussion are')} in ${done.notes === 1 ? 'its case' : 'their cases'}.`,
  )
  if (done.reviewed > 0 || done.notReviewed > 0) {
    const left = done.notReviewed > 0 ? `; ${count(done.notReviewed, 'learning point', 'learning points')} not discussed ${done.notReviewed === 1 ? 'stays' : 'stay'} to be reviewed at a later meeting` : ''
    said.push(`${count(done.reviewed, 'learning point discussed is', 'learning points discussed are')} marked as reviewed${left}.`)
  }
  return said.join(' ')
}
