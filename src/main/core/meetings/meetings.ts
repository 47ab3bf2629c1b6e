import { randomUUID } from 'node:crypto'
import * as Automerge from '@automerge/automerge'
import { isValidDocumentId, type DocHandle, type DocumentId } from '@automerge/automerge-repo'
import { authoredBy } from '../../../shared/authorship'
import { toPlain, toStored } from '../../../shared/automerge/registers'
import * as change from '../../../shared/case/changes'
import { readCase } from '../../../shared/case/case-doc'
import { markLearningPointsReviewed } from '../../../shared/case/learning-points'
import {
  agendaInOrder,
  isMeetingDoc,
  newMeetingDoc,
  readMeeting,
  recordMeetingAction,
  suggestedAgenda,
  type MeetingDoc,
} from '../../../shared/meeting/meeting-doc'
import { casesForAgenda, keptOffAgenda } from '../../../shared/meeting/agenda-cases'
import { namesToldApart } from '../../../shared/case/name-told-apart'
import { wasDiscussed } from '../../../shared/meeting/finishing'
import { markNoteWritten, notesToWrite, type MeetingNote } from '../../../shared/meeting/meeting-notes'
import { erasedLearningPoints, forgetErasedItems, forgetErasedLearningPoints, holdsErasedWords, meetingAsShown, withheldCases, type Withheld } from '../../../shared/meeting/withheld-cases'
import { agendaNames, rebuiltMeeting } from '../../../shared/meeting/rebuilt-meeting'
import { currentCaseId, type Correction } from '../../../shared/team/corrections'
import { erasures } from '../../../shared/team/erasures'
import { requirePermission } from '../../../shared/team/permissions'
import { addMeetingToTeam, mapIn, type TeamRecord } from '../../../shared/team/team-doc'
import { ValidationError } from '../../../shared/validation'
import { toBase64, type ApiHandlers } from '../api/handlers'
import type { Cases } from '../cases/cases'
import type { RestrictedCases } from '../cases/restricted-cases'
import { CaseNotFoundError, MeetingNotFoundError } from '../errors'
import type { Team } from '../team/team'
import type { WorkspaceCore } from '../workspace-core'

/**
 * Team case review meetings: each its own document, listed in the team's. The agenda comes from
 * the caseload board and the learning log; actions agreed go straight into the cases; finishing
 * writes the discussion into each case discussed. What a meeting says about an erased case is taken
 * out of it, and a case this laptop may not hold is shown without a word of it (withheld-cases.ts).
 */
export class Meetings {
  constructor(
    private readonly core: WorkspaceCore,
    private readonly cases: Cases,
    private readonly team: Team,
    private readonly restricted: RestrictedCases,
  ) {}

  /** The team's meetings, latest first. */
  list(): { id: string; startedAt: string }[] {
    return Object.entries(toPlain<TeamRecord['meetings']>(this.core.teamDoc().doc().meetings ?? {}))
      .map(([id, entry]) => ({ id, startedAt: entry.startedAt }))
      .sort((a, b) => b.startedAt.localeCompare(a.startedAt))
  }

  /**
   * A meeting, with any words about an erased case taken out first: the laptop that erased it may
   * not have held this meeting then (or was offline), so whichever laptop opens it next does it.
   * Likewise, a finished meeting's notes owed to cases this laptop holds are written now: finished
   * on a laptop not allowed a restricted case, its note waited for one that is. An old id of a
   * meeting rebuilt when a case on its agenda was erased leads to the new document.
   */
  async open(meetingId: string): Promise<DocHandle<MeetingDoc>> {
    const id = currentCaseId(this.core.teamDoc().doc(), meetingId)
    if (!isValidDocumentId(id) || !(id in (this.core.teamDoc().doc().meetings ?? {}))) throw new MeetingNotFoundError()
    const handle = await this.core.repo.find<MeetingDoc>(id, { allowableStates: ['ready', 'unavailable'] })
    if (!handle.isReady() || !isMeetingDoc(handle.doc())) throw new MeetingNotFoundError()
    await this.#forgetErasedIn(handle, new Set(Object.keys(erasures(this.core.teamDoc().doc()))))
    if (readMeeting(handle.doc()).finishedAt) await this.#writeNotes(handle)
    return handle
  }

  /** Writes into this laptop's cases the notes the meeting owes them; those of cases withheld from it wait. */
  async #writeNotes(handle: DocHandle<MeetingDoc>): Promise<void> {
    const meeting = readMeeting(handle.doc())
    const { write } = notesToWrite(meeting, withheldCases(meeting, this.core.teamDoc().doc(), this.restricted.personIds()))
    for (const note of write) await this.#writeNote(handle, meeting.meetingOn, note)
  }

  /**
   * One note, once: its id in the case is the item's, so a laptop whose copy of the meeting does not
   * yet say it was written still sees it in the case, and only marks it. A case that has not reached
   * this laptop yet keeps its note owed, to be written when it has.
   */
  async #writeNote(handle: DocHandle<MeetingDoc>, on: string, note: MeetingNote): Promise<void> {
    const opened = await this.cases.open(note.caseId).catch((error: unknown) => {
      if (error instanceof CaseNotFoundError) return undefined
      throw error
    })
    if (!opened) return
    const held = readCase(opened.doc())
    if (!held.notes.some((existing) => existing.id === note.itemId)) {
      await this.cases.change(note.caseId, (doc, context) => change.addNote(doc, { date: on, type: 'other', text: note.text }, { ...context, id: note.itemId }))
    }
    const context = this.core.context()
    handle.change((doc) => markNoteWritten(doc, note.itemId), authoredBy(context.author, context.now))
    await this.core.repo.flush([handle.documentId])
  }

  async #forgetErasedIn(handle: DocHandle<MeetingDoc>, erased: ReadonlySet<string>): Promise<void> {
    if (!holdsErasedWords(readMeeting(handle.doc()), erased)) return
    const context = this.core.context()
    handle.change((doc) => forgetErasedItems(doc, erased), authoredBy(context.author, context.now))
    await this.core.repo.flush([handle.documentId])
  }

  /**
   * Takes the erased cases' words (these, and every erasure the team document holds) out of the
   * team's learning log and every meeting on this laptop: the erasing laptop's part, at once.
   */
  async forgetErased(caseIds: readonly string[] = []): Promise<void> {
    const team = this.core.teamDoc()
    const erased = new Set([...Object.keys(erasures(team.doc())), ...caseIds])
    this.forgetErasedLearningPoints(erased)
    for (const id of Object.keys(mapIn(team.doc().meetings))) {
      if (!isValidDocumentId(id)) continue
      const handle = await this.core.repo.find<MeetingDoc>(id, { allowableStates: ['ready', 'unavailable'] })
      if (handle.isReady() && isMeetingDoc(handle.doc())) await this.#forgetErasedIn(handle, erased)
    }
  }

  /**
   * A laptop on its own erasing a case does what a team's server does (`src/server/erased-cases.ts`):
   * each meeting whose agenda names the case is made again as a new document without its words and
   * with no history (`rebuiltMeeting`). Returns the corrections to record, by old id: the erasure's
   * change to the team document lists the new meetings in the old ones' places, and
   * `CorrectedCases.follow` then deletes the old ones.
   */
  async rebuildNaming(caseId: string): Promise<Record<string, Correction>> {
    const context = this.core.context()
    const erased = new Set([...Object.keys(erasures(this.core.teamDoc().doc())), caseId])
    const rebuilt: Record<string, Correction> = {}
    for (const id of Object.keys(mapIn(this.core.teamDoc().doc().meetings))) {
      if (!isValidDocumentId(id)) continue
      const handle = await this.core.repo.find<MeetingDoc>(id, { allowableStates: ['ready', 'unavailable'] })
      if (!handle.isReady() || !isMeetingDoc(handle.doc()) || !agendaNames(handle.doc(), caseId)) continue
      const fresh = rebuiltMeeting(handle.doc(), erased, authoredBy(context.author, context.now))
      const created = this.core.repo.create<MeetingDoc>()
      created.update(() => fresh)
      rebuilt[id] = { replacedBy: created.documentId, heads: Automerge.getHeads(handle.doc()), by: context.author.id, at: context.now.toISOString(), field: '', erasedCase: caseId }
    }
    await this.core.repo.flush(Object.values(rebuilt).map((correction) => correction.replacedBy as DocumentId))
    return rebuilt
  }

  /**
   * Deletes the learning points about erased cases, if the team's log holds any: on the erasing
   * laptop, and on any other as the erasure reaches it (one written there while offline, say).
   */
  forgetErasedLearningPoints(erased: ReadonlySet<string> = new Set(Object.keys(erasures(this.core.teamDoc().doc())))): void {
    if (erasedLearningPoints(this.core.teamDoc().doc(), erased).length === 0) return
    this.core.changeTeam((team) => forgetErasedLearningPoints(team, erased))
  }

  /** How each case on the meeting's agenda is withheld from this laptop, if it is (erased, or restricted to others). */
  async withheld(id: string): Promise<Record<string, Withheld>> {
    const meeting = readMeeting((await this.open(id)).doc())
    return withheldCases(meeting, this.core.teamDoc().doc(), this.restricted.personIds())
  }

  async change(id: string, edit: (doc: MeetingDoc) => void): Promise<void> {
    const handle = await this.open(id)
    const context = this.core.context()
    handle.change(edit, authoredBy(context.author, context.now))
    await this.core.repo.flush([handle.documentId])
  }

  /**
   * Starts a team case review meeting (the manager's): its agenda built from the caseload board and
   * the learning points not yet reviewed, everyone in the team down as attending until unticked.
   */
  async start(): Promise<string> {
    const context = this.core.context()
    requirePermission(context.role, 'start-meeting')
    const names = new Map(this.cases.list().map((summary) => [summary.id, summary.clientName]))
    const agenda = Object.fromEntries(suggestedAgenda(this.cases.board(), this.team.learningLog(), names, keptOffAgenda(this.core.teamDoc().doc())).map((item) => [randomUUID(), item]))
    const attendees = this.team.members().map((member) => ({ id: member.id, name: member.name }))
    const content = newMeetingDoc({ startedBy: context.author, now: context.now, today: context.today, attendees, agenda })
    const handle = this.core.repo.create<MeetingDoc>()
    handle.change((doc) => Object.assign(doc, content), authoredBy(context.author, context.now))
    this.core.changeTeam((team) => addMeetingToTeam(team, handle.documentId, context.now), context)
    await this.core.repo.flush([handle.documentId, this.core.teamDoc().documentId])
    return handle.documentId
  }

  /** The open cases that may be added to a meeting's agenda by hand, by their agenda titles: never a restricted one (agenda-cases.ts). */
  agendaCases(): { id: string; title: string }[] {
    const open = this.cases.board().rows
    const titles = namesToldApart(open)
    return casesForAgenda(open, this.core.teamDoc().doc())
      .map((row) => ({ id: row.id, title: titles.get(row.id) ?? row.clientName }))
      .sort((a, b) => a.title.localeCompare(b.title, 'en-GB'))
  }

  /**
   * An action agreed on an item about a case: written into the case first (its rules check it), then
   * recorded in the meeting for the minutes.
   */
  async addAction(input: { meetingId: string; itemId: string; description: string; ownerId: string; due: string }): Promise<string> {
    const meeting = readMeeting((await this.open(input.meetingId)).doc())
    const item = meeting.agenda[input.itemId]
    if (!item?.caseId) throw new ValidationError([{ field: 'description', message: 'Actions go on an item about a case' }])
    const owner = this.team.members().find((member) => member.id === input.ownerId)
    if (!owner) throw new ValidationError([{ field: 'ownerId', message: 'Choose who will do it' }])
    const actionId = randomUUID()
    const ownerRef = { id: owner.id, name: owner.name }
    await this.cases.change(item.caseId, (doc, context) =>
      change.addAction(doc, actionId, { description: input.description, due: input.due }, ownerRef, context),
    )
    const stored = readCase((await this.cases.open(item.caseId)).doc()).actions[actionId]!
    await this.change(input.meetingId, (doc) =>
      recordMeetingAction(doc, input.itemId, randomUUID(), { description: stored.description, owner: ownerRef, due: stored.due, caseActionId: actionId }),
    )
    return actionId
  }

  /**
   * Ends the meeting: each case discussed that this laptop holds gets a note of the discussion and
   * decisions (the actions went in as they were agreed); a case restricted to others keeps its note
   * owed, for a laptop allowed it to write (see `open`). The learning points the meeting went through
   * (`wasDiscussed`) are marked as reviewed in their cases; the rest stay for a later meeting.
   * Finishing twice does nothing more.
   */
  async finish(id: string): Promise<void> {
    const handle = await this.open(id)
    const meeting = readMeeting(handle.doc())
    if (meeting.finishedAt) return
    await this.#writeNotes(handle)
    const reviewed = new Map<string, string[]>()
    for (const item of agendaInOrder(meeting)) {
      if (item.learningPointId && item.caseId && wasDiscussed(item)) {
        reviewed.set(item.caseId, [...(reviewed.get(item.caseId) ?? []), item.learningPointId])
      }
    }
    for (const [caseId, ids] of reviewed) await this.#markReviewed(caseId, ids)
    const now = this.core.now().toISOString()
    await this.change(id, (doc) => {
      doc.finishedAt = toStored(now)
    })
  }

  /** A case no longer on this laptop (restricted to others since the agenda was made) keeps its points unreviewed, for the next meeting. */
  async #markReviewed(caseId: string, ids: readonly string[]): Promise<void> {
    await this.cases.change(caseId, (doc, context) => markLearningPointsReviewed(doc, ids, context)).catch((error: unknown) => {
      if (!(error instanceof CaseNotFoundError)) throw error
    })
  }

  /**
   * The minutes of a meeting as a PDF: attendees, the cases discussed, decisions, actions and owners;
   * a case this laptop may not hold, only as "Restricted case" (or "Erased case").
   */
  async minutes(id: string): Promise<{ fileName: string; bytes: Uint8Array }> {
    const stored = readMeeting((await this.open(id)).doc())
    const meeting = meetingAsShown(stored, withheldCases(stored, this.core.teamDoc().doc(), this.restricted.personIds()))
    const { makeMinutes } = await import('../../pdf/minutes')
    const bytes = await makeMinutes({ meeting, settings: this.team.settings(), now: this.core.now() })
    return { fileName: `Case review minutes ${meeting.meetingOn}.pdf`, bytes }
  }

  handlers() {
    return {
      listMeetings: () => this.list(),
      startMeeting: async () => ({ id: await this.start() }),
      addMeetingAction: async (input) => ({ id: await this.addAction(input) }),
      finishMeeting: async ({ meetingId }) => {
        await this.finish(meetingId)
        return {}
      },
      meetingWithheldCases: ({ meetingId }) => this.withheld(meetingId),
      meetingAgendaCases: () => this.agendaCases(),
      meetingMinutes: async ({ meetingId }) => {
        const made = await this.minutes(meetingId)
        return { fileName: made.fileName, base64: toBase64(made.bytes) }
      },
    } satisfies Partial<ApiHandlers>
  }
}
