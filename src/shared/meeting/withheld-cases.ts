import { toStored } from '../automerge/registers'
import { ERASED_CASE_NAME, RESTRICTED_CASE_NAME } from '../reports/anonymised-case'
import { withheldCases as teamWithheldCases } from '../team/withheld-cases'
import { isMap, mapIn, type TeamDoc } from '../team/team-doc'
import { readMeeting, type MeetingDoc, type MeetingRecord } from './meeting-doc'

/**
 * Meetings and the learning log are shared with the whole team, so what they say about a case
 * outlives the case's own document. An erased case is withheld from every laptop; a restricted
 * one from the laptops that may not hold it (the rule the board and lists follow, `laptopMayHold`).
 */
export type Withheld = 'erased' | 'restricted'

/** What an agenda item about a withheld case is called in its place, and what its actions say. */
export const WITHHELD_TITLE: Record<Withheld, string> = { erased: ERASED_CASE_NAME, restricted: RESTRICTED_CASE_NAME }
export const WITHHELD_ACTION = 'Not shown'

/** How each of the meeting's cases is withheld from a laptop of these people, if it is: the team's rule (`withheldCases`), for its agenda. */
export function withheldCases(meeting: Pick<MeetingRecord, 'agenda'>, team: TeamDoc, personIds: readonly string[]): Record<string, Withheld> {
  const { restricted, erased } = teamWithheldCases(team, personIds)
  const how = new Map<string, Withheld>([...restricted.map((id) => [id, 'restricted'] as const), ...erased.map((id) => [id, 'erased'] as const)])
  const result: Record<string, Withheld> = {}
  for (const { caseId } of Object.values(meeting.agenda)) {
    const withheld = caseId === undefined ? undefined : how.get(caseId)
    if (withheld) result[caseId!] = withheld
  }
  return result
}

/**
 * The meeting as a laptop may show it (the window, the minutes): an item about a withheld case
 * keeps its place, reason, whether it was discussed and its actions' owners and dates, and says
 * nothing else (no name, flags, learning point, discussion, decisions or action).
 */
export function meetingAsShown(meeting: MeetingRecord, withheld: Readonly<Record<string, Withheld>>): MeetingRecord {
  const agenda = Object.fromEntries(
    Object.entries(meeting.agenda).map(([id, item]) => {
      const how = item.caseId === undefined ? undefined : withheld[item.caseId]
      if (!how) return [id, item]
      const { detail: _detail, discussion: _discussion, decisions: _decisions, ...kept } = item
      const actions = Object.fromEntries(Object.entries(item.actions).map(([actionId, action]) => [actionId, { ...action, description: WITHHELD_ACTION }]))
      return [id, { ...kept, title: WITHHELD_TITLE[how], actions }]
    }),
  )
  return { ...meeting, agenda }
}

/** Whether the meeting still holds words about one of these erased cases (so a change is made only when needed). */
export function holdsErasedWords(meeting: Pick<MeetingRecord, 'agenda'>, erased: ReadonlySet<string>): boolean {
  return Object.values(meeting.agenda).some(
    (item) =>
      item.caseId !== undefined &&
      erased.has(item.caseId) &&
      (item.title !== ERASED_CASE_NAME ||
        item.detail !== undefined ||
        item.discussion !== undefined ||
        item.decisions !== undefined ||
        Object.values(item.actions).some((action) => action.description !== WITHHELD_ACTION)),
  )
}

/**
 * Takes an erased case's words out of a meeting: each of its items becomes "Erased case", without
 * the flags or learning point, discussion or decisions, its actions "Not shown" (their owners and
 * dates kept), so the minutes still read, as they are shown before the erasure reaches a laptop.
 * The text is deleted, not emptied, so that what someone was typing into it at that moment on
 * another laptop goes with it. (Earlier values stay in the document's history: the server, erasing
 * the case, rebuilds the meeting without them, `rebuilt-meeting.ts`.)
 */
export function forgetErasedItems(doc: MeetingDoc, erased: ReadonlySet<string>): void {
  for (const [id, item] of Object.entries(readMeeting(doc).agenda)) {
    if (item.caseId === undefined || !erased.has(item.caseId)) continue
    const stored = doc.agenda[id]!
    if (item.title !== ERASED_CASE_NAME) stored.title = toStored(ERASED_CASE_NAME)
    if (item.detail !== undefined) delete stored.detail
    if (item.discussion !== undefined) delete stored.discussion
    if (item.decisions !== undefined) delete stored.decisions
    for (const [actionId, action] of Object.entries(item.actions)) if (action.description !== WITHHELD_ACTION) stored.actions[actionId]!.description = toStored(WITHHELD_ACTION)
  }
}

/** The team's learning points about these erased cases (by id). */
export function erasedLearningPoints(team: TeamDoc, erased: ReadonlySet<string>): string[] {
  return Object.entries(mapIn(team.learningLog))
    .filter(([, point]) => isMap(point) && erased.has(String((point as { caseId?: unknown }).caseId)))
    .map(([id]) => id)
}

/** Deletes the team's learning points about these erased cases: their text names or describes the person. */
export function forgetErasedLearningPoints(team: TeamDoc, erased: ReadonlySet<string>): void {
  for (const id of erasedLearningPoints(team, erased)) delete team.learningLog[id]
}
