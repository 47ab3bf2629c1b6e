import { randomUUID } from 'node:crypto'
import { toStored } from '../../shared/automerge/registers'
import * as change from '../../shared/case/changes'
import { agendaInOrder, meetingNoteText, newMeetingDoc, readMeeting, recordMeetingAction, suggestedAgenda, type MeetingRecord } from '../../shared/meeting/meeting-doc'
import { readCase } from '../../shared/case/case-doc'
import { ValidationError } from '../../shared/validation'
import { makeMinutes } from '../paperwork/minutes'
import { NotAllowedError } from './errors'
import type { Workspace } from './workspace'

/**
 * Starts a team case review meeting (the manager's): its agenda built from the caseload board and
 * the learning points not yet reviewed, everyone in the team down as attending until unticked.
 */
export async function startMeeting(workspace: Workspace): Promise<string> {
  const context = workspace.currentContext()
  if (context.role !== 'manager') throw new NotAllowedError('Only a team manager can start a case review meeting')
  const board = workspace.board()
  const names = new Map(workspace.listCases().map((summary) => [summary.id, summary.clientName]))
  const agenda = Object.fromEntries(suggestedAgenda(board, workspace.learningLog(), names).map((item) => [randomUUID(), item]))
  const attendees = workspace.members().map((member) => ({ id: member.id, name: member.name }))
  return workspace.createMeeting(newMeetingDoc({ startedBy: context.author, now: context.now, today: context.today, attendees, agenda }))
}

/**
 * An action agreed on an item about a case: written into the case first (its rules check it), then
 * recorded in the meeting for the minutes.
 */
export async function addMeetingAction(
  workspace: Workspace,
  input: { meetingId: string; itemId: string; description: string; ownerId: string; due: string },
): Promise<string> {
  const meeting = readMeeting((await workspace.openMeeting(input.meetingId)).doc())
  const item = meeting.agenda[input.itemId]
  if (!item?.caseId) throw new ValidationError([{ field: 'description', message: 'Actions go on an item about a case' }])
  const owner = workspace.members().find((member) => member.id === input.ownerId)
  if (!owner) throw new ValidationError([{ field: 'ownerId', message: 'Choose who will do it' }])
  const actionId = randomUUID()
  const ownerRef = { id: owner.id, name: owner.name }
  await workspace.changeCase(item.caseId, (doc, context) =>
    change.addAction(doc, actionId, { description: input.description, due: input.due }, ownerRef, context),
  )
  const stored = readCase((await workspace.openCase(item.caseId)).doc()).actions[actionId]!
  await workspace.changeMeeting(input.meetingId, (doc) =>
    recordMeetingAction(doc, input.itemId, randomUUID(), { description: stored.description, owner: ownerRef, due: stored.due, caseActionId: actionId }),
  )
  return actionId
}

/**
 * Ends the meeting: each case discussed gets a note of the discussion and decisions (the actions
 * went in as they were agreed), and the learning points the meeting went through are marked as
 * reviewed in the team's log. Finishing twice does nothing more.
 */
export async function finishMeeting(workspace: Workspace, id: string): Promise<void> {
  const meeting = readMeeting((await workspace.openMeeting(id)).doc())
  if (meeting.finishedAt) return
  const reviewed: string[] = []
  for (const item of agendaInOrder(meeting)) {
    const text = meetingNoteText(item)
    if (item.caseId && text && item.reason !== 'learning-point') {
      await workspace.changeCase(item.caseId, (doc, context) =>
        change.addNote(doc, { date: meeting.meetingOn, type: 'other', text }, { ...context, id: randomUUID() }),
      )
    }
    if (item.learningPointId && (item.discussed || text)) reviewed.push(item.learningPointId)
  }
  await workspace.markLearningPointsReviewed(reviewed)
  const now = workspace.now().toISOString()
  await workspace.changeMeeting(id, (doc) => {
    doc.finishedAt = toStored(now)
  })
}

/** The minutes of a meeting as a PDF: attendees, the cases discussed, decisions, actions and owners. */
export async function meetingMinutes(workspace: Workspace, id: string): Promise<{ fileName: string; bytes: Uint8Array }> {
  const meeting: MeetingRecord = readMeeting((await workspace.openMeeting(id)).doc())
  const bytes = await makeMinutes({ meeting, settings: workspace.teamSettings(), now: workspace.now() })
  return { fileName: `Case review minutes ${meeting.meetingOn}.pdf`, bytes }
}
