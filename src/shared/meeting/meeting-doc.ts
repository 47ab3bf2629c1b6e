import { updateText, type ImmutableString } from '@automerge/automerge/slim'
import { toPlain, toStored, type Stored } from '../automerge/registers'
import type { Board } from '../board/board'
import { namesToldApart } from '../case/name-told-apart'
import type { IsoDate } from '../dates'
import type { PersonRef } from '../people'
import type { LearningPoint } from '../team/team-doc'

export const MEETING_KIND = 'homeward/meeting'
export const MEETING_SCHEMA_VERSION = 1

/** Why something is on the agenda: the board's reasons, a learning point, or added by hand. */
export type AgendaReason = 'new-referral' | 'flagged' | 'closure-point' | 'learning-point' | 'added'

export const AGENDA_REASONS: Record<AgendaReason, string> = {
  'new-referral': 'New referral to allocate',
  flagged: 'Flagged',
  'closure-point': 'At the 3-month closure point',
  'learning-point': 'Learning point to review',
  added: 'Added in the meeting',
}

/** An action agreed in the meeting, written into the case as it is recorded. */
export interface MeetingAction {
  description: string
  owner: PersonRef
  due: IsoDate
  /** The action's id in the case. */
  caseActionId: string
}

export interface AgendaItem {
  reason: AgendaReason
  /** What the item is about, as the agenda shows it. */
  title: string
  /** Why it is there, in a few words (the flags, the learning point's text). */
  detail?: string
  caseId?: string
  learningPointId?: string
  /** Agenda order: lower first. Moving an item gives it a number between its new neighbours. */
  position: number
  discussion?: string
  decisions?: string
  actions: Record<string, MeetingAction>
  /** Set when the meeting has been through the item. */
  discussed?: boolean
  /** Set when the item's note is in its case (meeting-notes.ts): until then, a finished meeting still owes it. */
  noteWritten?: boolean
}

/** A team case review meeting: its own document, so that every laptop in the meeting follows it live. */
export interface MeetingRecord {
  kind: typeof MEETING_KIND
  schemaVersion: number
  startedAt: string
  startedBy: PersonRef
  meetingOn: IsoDate
  attendees: Record<string, { name: string }>
  agenda: Record<string, AgendaItem>
  finishedAt?: string
}

/**
 * The discussion and decisions are typed by several people at once, on the shared screen and on
 * their own laptops: unlike every other string (a register, see registers.ts), they are Automerge
 * text, so two people typing in the same field keep both their words. Items recorded before this
 * held registers, which become text at their next edit.
 */
type StoredAgendaItem = Omit<Stored<AgendaItem>, SharedText> & { [K in SharedText]?: string | ImmutableString }
type SharedText = 'discussion' | 'decisions'

export type MeetingDoc = Omit<Stored<MeetingRecord>, 'agenda'> & { agenda: Record<string, StoredAgendaItem> }

function storedItem(item: Omit<AgendaItem, 'actions' | SharedText>): StoredAgendaItem {
  // Made with the item, so that nobody's first keystroke makes the text concurrently with another's.
  return { ...toStored({ ...item, actions: {} }), discussion: '', decisions: '' }
}

export function isMeetingDoc(doc: unknown): doc is MeetingDoc {
  const kind = (doc as { kind?: unknown } | undefined)?.kind
  return kind !== undefined && String(kind) === MEETING_KIND
}

export function readMeeting(doc: MeetingDoc): MeetingRecord {
  // toPlain reads text and registers alike.
  return toPlain<MeetingRecord>(doc as unknown as Stored<MeetingRecord>)
}

/** The agenda in order. */
export function agendaInOrder(meeting: Pick<MeetingRecord, 'agenda'>): (AgendaItem & { id: string })[] {
  return Object.entries(meeting.agenda)
    .map(([id, item]) => ({ id, ...item }))
    .sort((a, b) => a.position - b.position || a.id.localeCompare(b.id))
}

/**
 * The agenda the board suggests (Toolkit: "discuss cases and have a good overview of the whole
 * caseload"; Tool 4, Step 11: learning points reviewed at the next team meeting): new referrals
 * to allocate, then cases at the closure point, then other flagged cases, then learning points
 * not yet reviewed. Each case appears once, under its first reason. A restricted case (and a
 * learning point about one) is never put on it: a meeting is shared with the whole team, so
 * restricted cases are reviewed outside team meetings.
 */
export function suggestedAgenda(
  board: Board,
  learningLog: Record<string, LearningPoint>,
  clientNames: Map<string, string>,
  restricted: ReadonlySet<string> = new Set(),
): Omit<AgendaItem, 'position' | 'actions'>[] {
  const items: Omit<AgendaItem, 'position' | 'actions'>[] = []
  const seen = new Set<string>()
  const titles = namesToldApart(board.rows)
  const add = (reason: AgendaReason, rows: Board['rows']) => {
    for (const row of rows) {
      if (seen.has(row.id) || restricted.has(row.id)) continue
      seen.add(row.id)
      const detail = row.flags.map((flag) => flag.message).join('; ')
      items.push({ reason, title: titles.get(row.id) ?? row.clientName, caseId: row.id, ...(detail ? { detail } : {}) })
    }
  }
  const byName = (rows: Board['rows']) => [...rows].sort((a, b) => a.clientName.localeCompare(b.clientName, 'en-GB'))
  add('new-referral', byName(board.rows.filter((row) => !row.leadCaseworker && (row.phase === 'identify' || row.phase === 'allocate'))))
  add('closure-point', byName(board.rows.filter((row) => row.flags.some((flag) => flag.kind === 'closure-point'))))
  add('flagged', byName(board.rows.filter((row) => row.flags.length > 0)))
  for (const [id, point] of Object.entries(learningLog).sort((a, b) => a[1].at.localeCompare(b[1].at))) {
    if (point.reviewedAt || restricted.has(point.caseId)) continue
    items.push({ reason: 'learning-point', title: `Learning point: ${clientNames.get(point.caseId) ?? 'a closed case'}`, detail: point.text, caseId: point.caseId, learningPointId: id })
  }
  return items
}

export function newMeetingDoc(input: { startedBy: PersonRef; now: Date; today: IsoDate; attendees: PersonRef[]; agenda: Record<string, Omit<AgendaItem, 'position' | 'actions'>> }): MeetingDoc {
  return {
    ...toStored<Omit<MeetingRecord, 'agenda'>>({
      kind: MEETING_KIND,
      schemaVersion: MEETING_SCHEMA_VERSION,
      startedAt: input.now.toISOString(),
      startedBy: input.startedBy,
      meetingOn: input.today,
      attendees: Object.fromEntries(input.attendees.map((person) => [person.id, { name: person.name }])),
    }),
    agenda: Object.fromEntries(Object.entries(input.agenda).map(([id, item], i) => [id, storedItem({ ...item, position: i + 1 })])),
  }
}

// Changes to a meeting, made in the window on each laptop (like a case) or by the core.

export function addAgendaItem(doc: MeetingDoc, id: string, item: Omit<AgendaItem, 'position' | 'actions'>): void {
  const last = Math.max(0, ...Object.values(doc.agenda).map((existing) => existing.position))
  doc.agenda[id] = storedItem({ ...item, position: last + 1 })
}

/** Moves an item up or down one place: it takes a position between its new neighbours. */
export function moveAgendaItem(doc: MeetingDoc, id: string, direction: 'up' | 'down'): void {
  const order = agendaInOrder(readMeeting(doc))
  const at = order.findIndex((item) => item.id === id)
  const to = direction === 'up' ? at - 1 : at + 1
  if (at < 0 || to < 0 || to >= order.length) return
  const beyond = order[direction === 'up' ? to - 1 : to + 1]
  const neighbour = order[to]!.position
  const edge = beyond ? beyond.position : neighbour + (direction === 'up' ? -1 : 1)
  doc.agenda[id]!.position = (neighbour + edge) / 2
}

/** Writes the field as typed, as the few characters that changed: merged with others' typing. */
export function recordDiscussion(doc: MeetingDoc, id: string, part: SharedText, text: string): void {
  const item = doc.agenda[id]
  if (!item) return
  if (typeof item[part] === 'string') updateText(doc, ['agenda', id, part], text)
  else item[part] = text
}

export function markDiscussed(doc: MeetingDoc, id: string, discussed: boolean): void {
  const item = doc.agenda[id]
  if (item) item.discussed = discussed
}

export function setAttendance(doc: MeetingDoc, person: PersonRef, present: boolean): void {
  if (present) doc.attendees[person.id] = toStored({ name: person.name })
  else delete doc.attendees[person.id]
}

export function recordMeetingAction(doc: MeetingDoc, itemId: string, id: string, action: MeetingAction): void {
  doc.agenda[itemId]!.actions[id] = toStored(action)
}

/** The text a case's note carries from the meeting: the discussion and the decisions. */
export function meetingNoteText(item: Pick<AgendaItem, 'discussion' | 'decisions'>): string | undefined {
  const parts = [
    item.discussion?.trim() ? `Discussion: ${item.discussion.trim()}` : '',
    item.decisions?.trim() ? `Decisions: ${item.decisions.trim()}` : '',
  ].filter(Boolean)
  return parts.length > 0 ? `Team case review meeting. ${parts.join('\n')}` : undefined
}
