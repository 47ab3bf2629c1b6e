import { PDFDocument } from '@cantoo/pdf-lib'
import { formatLongDate, formatUkDate, formatUkDateTime } from '../../shared/dates'
import { AGENDA_REASONS, agendaInOrder, type MeetingRecord } from '../../shared/meeting/meeting-doc'
import type { TeamSettings } from '../../shared/team/settings'
import { embedFaces } from './fonts'
import { Composer, stampFooters } from './layout'
import { drawLetterhead, embedTeamImage, setProperties } from './letter'

export interface MinutesInput {
  meeting: MeetingRecord
  settings: TeamSettings
  now: Date
}

/**
 * The minutes of a team case review meeting: who attended, each item discussed with its discussion
 * and decisions, and every action agreed with its owner and due date, gathered at the end too.
 */
export async function makeMinutes({ meeting, settings, now }: MinutesInput): Promise<Uint8Array> {
  const doc = await PDFDocument.create({ updateMetadata: false })
  const faces = await embedFaces(doc)
  const c = new Composer(doc, faces)
  const team = settings.letterhead.teamName ?? settings.letterhead.organisation ?? 'Safe Connections team'
  const items = agendaInOrder(meeting)
  const discussed = items.filter((item) => item.discussed || item.discussion || item.decisions || Object.keys(item.actions).length > 0)

  drawLetterhead(c, settings.letterhead, await embedTeamImage(doc, settings.logo))
  c.heading('Team case review meeting: minutes', 1)
  c.keyValues(
    [
      ['Date', formatLongDate(meeting.meetingOn)],
      ['Chaired by', meeting.startedBy.name],
      ['Attendees', Object.values(meeting.attendees).map((person) => person.name).sort((a, b) => a.localeCompare(b, 'en-GB')).join(', ') || 'None recorded'],
      ['Items', `${discussed.length} discussed of ${items.length} on the agenda`],
    ],
    { labelWidth: 110 },
  )

  c.heading('Cases and items discussed', 2)
  if (discussed.length === 0) c.text('No item was discussed.')
  for (const item of discussed) {
    c.heading(item.title, 3)
    c.text(AGENDA_REASONS[item.reason] + (item.detail ? `: ${item.detail}` : ''), { size: 9.5, after: 4 })
    const rows: [string, string][] = []
    if (item.discussion) rows.push(['Discussion', item.discussion])
    if (item.decisions) rows.push(['Decisions', item.decisions])
    for (const action of Object.values(item.actions)) rows.push(['Action', `${action.description} (${action.owner.name}, by ${formatUkDate(action.due)})`])
    if (rows.length > 0) c.keyValues(rows, { labelWidth: 90 })
  }

  const actions = items.flatMap((item) => Object.values(item.actions).map((action) => ({ item, action })))
  c.heading('Actions agreed', 2)
  if (actions.length === 0) c.text('No actions were agreed.')
  else {
    c.table(
      [
        { title: 'Action', width: 0.44 },
        { title: 'Case', width: 0.22 },
        { title: 'Owner', width: 0.18 },
        { title: 'Due by', width: 0.16 },
      ],
      actions
        .sort((a, b) => a.action.due.localeCompare(b.action.due))
        .map(({ item, action }) => [action.description, item.title, action.owner.name, formatUkDate(action.due)]),
    )
  }
  c.text(
    meeting.finishedAt ? `Meeting closed ${formatUkDateTime(meeting.finishedAt)}.` : `Draft: the meeting was still open at ${formatUkDateTime(now.toISOString())}.`,
    { size: 9.5 },
  )

  stampFooters(doc, faces, { subject: `Case review minutes, ${formatUkDate(meeting.meetingOn)}`, notice: 'Confidential: holds details of the people the team supports.' })
  setProperties(doc, { title: `Case review meeting minutes, ${formatUkDate(meeting.meetingOn)}`, author: team, subject: `${team}: team case review meeting` }, now)
  return doc.save()
}
