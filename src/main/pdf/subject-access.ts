import { PDFDocument } from '@cantoo/pdf-lib'
import { attachmentsInOrder, ATTACHMENT_FIELDS, GENERATED_KINDS } from '../../shared/case/attachments'
import { CASE_COLLECTIONS, CASE_SECTIONS, type CaseCollection, type CaseSection } from '../../shared/case/changes'
import { closedAs, closedLabel } from '../../shared/case/closed-label'
import { NOTE_TYPE_LABELS } from '../../shared/case/notes'
import { agreedActions, FIRST_ACTION_ID } from '../../shared/case/partner-actions'
import { phaseLabel } from '../../shared/case/phases'
import type { CaseRecord } from '../../shared/case/record'
import { wellbeingTotal } from '../../shared/case/support'
import type { NoteForReview } from '../../shared/case/third-party-notes'
import { formatUkDate, formatUkDateTime, type IsoDate } from '../../shared/dates'
import { displayValue, type Field } from '../../shared/forms/fields'
import type { PersonRef } from '../../shared/people'
import { embedFaces } from './fonts'
import { Composer, stampFooters } from './layout'
import { setProperties } from './letter'

export interface SubjectAccessInput {
  record: CaseRecord
  /** The notes held back for the reviewer (notesForReview): left out of the contact log, listed at the end. */
  forReview: NoteForReview[]
  /** Each scanned document's file name in the copy's folder, by the document's id. */
  scanFiles: Record<string, string>
  madeBy: PersonRef
  today: IsoDate
  now: Date
}

/** The forms' headings, as the case's tabs name them. */
const SECTION_TITLES: Record<CaseSection, string> = {
  referral: 'Referral',
  allocation: 'Allocation',
  engagement: 'Engagement and consent',
  plan: 'Reconnection plan',
  risk: 'Risk assessment',
  safety: 'Safety checks',
  reconnectionDay: 'The day of reconnection',
  stepDown: 'Step down of support',
  closure: 'Case closure and review (Tool 4)',
  contact: 'Contact details',
  equality: 'Equality monitoring',
  needs: 'Needs assessment',
  intensiveSupport: 'Intensive support (Phase 6)',
}

/** Each list's heading, and what one of its entries is called. */
const COLLECTION_TITLES: Record<CaseCollection, [string, string]> = {
  sharingConsents: ['Consent to share information', 'Consent'],
  addresses: ['Address history', 'Address'],
  employment: ['Employment', 'Job'],
  family: ['Family and friends', 'Person'],
  special: ['Special circumstances', 'Circumstance'],
  actions: ['Actions', 'Action'],
  expenses: ['Expenses', 'Expense'],
  goals: ['Goals', 'Goal'],
  onwardReferrals: ['Onward referrals to other agencies', 'Referral'],
  partnerActions: ['Actions agreed with partners on the onward referrals', 'Action'],
  reviews: ['Support plan reviews', 'Review'],
  followUps: ['Follow-up checks after closure', 'Check'],
  markers: ['Warning markers', 'Marker'],
}

const HISTORY_KINDS: Record<CaseRecord['phaseHistory'][number]['kind'], string> = {
  opened: 'Case opened',
  forward: 'Moved on',
  back: 'Moved back',
  closed: 'Closed',
  merged: 'A duplicate merged in',
  reopened: 'Reopened',
}

/** An action agreed with a partner names the onward referral it was agreed on, as the list of referrals above shows it. */
function onReferral(record: CaseRecord, item: { referral: string }): [string, string][] {
  const referral = record.onwardReferrals[item.referral]
  return [['Agreed on the referral to', referral ? `${referral.agency}, referred on ${formatUkDate(referral.madeOn)}` : 'a referral since removed']]
}

/**
 * A subject access copy (UK GDPR Article 15): everything the case holds about the person, readable,
 * each field with its label as the forms show it. Empty fields are left out; the notes that name
 * another person are held back from the contact log and printed in full on the last pages, headed
 * "For the reviewer", for whoever answers the request to decide on before the copy is given.
 */
export async function makeSubjectAccessCopy(input: SubjectAccessInput): Promise<{ bytes: Uint8Array; pages: number }> {
  const { record, madeBy, today, now } = input
  const doc = await PDFDocument.create({ updateMetadata: false })
  const faces = await embedFaces(doc)
  const c = new Composer(doc, faces)
  const name = record.referral.clientName
  const madeOn = `Subject access copy, made on ${formatUkDate(today)} by ${madeBy.name}`

  c.heading(`Subject access copy: ${name}`, 1)
  c.text(
    `Everything this team holds about ${name} in Homeward, on ${formatUkDate(today)}. The scanned documents are the files beside this one, in its folder, each as it was given to us; record.json there is a copy of the same record as the computer holds it. Fields left empty are not listed.`,
    { after: 10 },
  )
  const state = closedAs(record)
  c.keyValues([
    ['Case opened', `${formatUkDateTime(record.createdAt)} by ${record.createdBy.name}`],
    ['Where the case is', state ? closedLabel(state) : phaseLabel(record.phase)],
    ['Lead caseworker', record.allocation.leadCaseworker?.name ?? 'Not allocated'],
    ['Allocated on', record.allocation.allocatedOn ? formatUkDate(record.allocation.allocatedOn) : ''],
    ['Referral received on', formatUkDate(record.referral.receivedOn)],
  ])

  for (const section of Object.keys(CASE_SECTIONS) as CaseSection[]) {
    const rows = fieldRows(CASE_SECTIONS[section], record[section])
    if (section === 'safety' && record.safety.override) {
      const { by, at, reason } = record.safety.override
      rows.push(['Manager’s override', `${reason} (${by.name}, ${formatUkDateTime(at)})`])
    }
    c.heading(SECTION_TITLES[section], 2)
    if (rows.length > 0) c.keyValues(rows)
    else c.text('Nothing recorded.', { size: 9.5 })
  }

  for (const collection of Object.keys(CASE_COLLECTIONS) as CaseCollection[]) {
    const [title, entry] = COLLECTION_TITLES[collection]
    // The agreed actions in the order the case page lists them: by referral, each's by due date.
    const items =
      collection === 'partnerActions'
        ? agreedActions(record).flatMap((action) => (action.id === FIRST_ACTION_ID ? [] : [record.partnerActions[action.id]!]))
        : Object.values(record[collection] as Record<string, object>)
    c.heading(title, 2)
    if (items.length === 0) c.text('None recorded.', { size: 9.5 })
    items.forEach((item, i) => {
      c.heading(`${entry} ${i + 1}`, 3)
      c.keyValues([...(collection === 'partnerActions' ? onReferral(record, item as { referral: string }) : []), ...fieldRows(CASE_COLLECTIONS[collection], item)])
    })
  }

  c.heading('Wellbeing scores', 2)
  const scores = (['start', 'closure'] as const).flatMap((when) => {
    const score = record.wellbeing[when]
    return score ? [[when === 'start' ? 'At the start' : 'At closure', `${wellbeingTotal(score)} of 35, on ${formatUkDate(score.on)} (answers: ${score.items.join(', ')})`] as [string, string]] : []
  })
  if (scores.length > 0) c.keyValues(scores)
  else c.text('None recorded.', { size: 9.5 })

  // Tool 4, Step 11's points are about this case: they are kept in it, so they are part of the copy.
  c.heading("Learning points for the team's learning log", 2)
  const points = Object.values(record.learningPoints).sort((a, b) => a.at.localeCompare(b.at))
  if (points.length > 0) c.keyValues(points.map((point) => [`${formatUkDateTime(point.at)}, ${point.by.name}`, point.text]))
  else c.text('None recorded.', { size: 9.5 })

  if (record.outcome) {
    c.heading('How the case closed', 2)
    c.keyValues([
      ['Closed on', `${formatUkDate(record.outcome.closedOn)} by ${record.outcome.closedBy.name}`],
      ['Closure', state ? closedLabel(state) : record.outcome.type],
      ['Details', record.outcome.details ?? ''],
    ])
  }

  const held = new Set(input.forReview.map((entry) => entry.note.id))
  c.heading('Contact log (case notes)', 2)
  const notes = record.notes.filter((note) => !held.has(note.id))
  if (held.size > 0) {
    c.text(
      `${held.size} ${held.size === 1 ? 'note names' : 'notes name'} another person: ${held.size === 1 ? 'it is' : 'they are'} on the pages headed “For the reviewer”, who decides what of ${held.size === 1 ? 'it' : 'them'} can be shared.`,
      { size: 9.5 },
    )
  }
  if (notes.length === 0 && held.size === 0) c.text('No notes.', { size: 9.5 })
  for (const note of notes) noteBlock(c, note)

  c.heading('Phase history', 2)
  c.table(
    [
      { title: 'When', width: 0.2 },
      { title: 'What', width: 0.38 },
      { title: 'Who', width: 0.18 },
      { title: 'Reason', width: 0.24 },
    ],
    record.phaseHistory.map((step) => [
      formatUkDateTime(step.at),
      `${HISTORY_KINDS[step.kind]}: ${step.from && step.from !== step.to ? `${phaseLabel(step.from)} to ` : ''}${phaseLabel(step.to)}`,
      step.by.name,
      step.reason ?? '',
    ]),
    { size: 8.5 },
  )

  c.heading('Scanned documents', 2)
  const scans = attachmentsInOrder(record.attachments)
  if (scans.length === 0) c.text('None.', { size: 9.5 })
  else {
    c.table(
      [
        { title: 'File in this folder', width: 0.34 },
        { title: 'What it is', width: 0.3 },
        { title: 'Dated', width: 0.14 },
        { title: 'Added by', width: 0.22 },
      ],
      scans.map((scan) => [
        input.scanFiles[scan.id] ?? `${scan.fileName} (not on this laptop yet)`,
        [displayValue(ATTACHMENT_FIELDS[0], scan.type), scan.note].filter(Boolean).join(': '),
        formatUkDate(scan.date),
        `${scan.addedBy.name}, ${formatUkDate(scan.addedAt.slice(0, 10))}`,
      ]),
      { size: 8.5 },
    )
  }
  const made = Object.values(record.generatedDocuments)
  if (made.length > 0) {
    c.heading('Paperwork made from the case', 3)
    c.bullets(made.map((document) => `${GENERATED_KINDS[document.kind]}, ${formatUkDateTime(document.at)} by ${document.by.name} (${document.pages} pages)`), { size: 9.5 })
  }

  if (input.forReview.length > 0) {
    c.newPage()
    c.heading('For the reviewer', 1)
    c.text(
      `These notes name another person. Information about someone else is given only with their consent, or where it is reasonable to give it without (UK GDPR; Data Protection Act 2018, Schedule 2, paragraph 16). Decide on each, and take these pages out before the copy is given to ${name}.`,
      { after: 10 },
    )
    for (const { note, names } of input.forReview) noteBlock(c, note, `Names: ${names.join(', ')}`)
  }

  stampFooters(doc, faces, { subject: name, notice: `${madeOn}. Confidential: it holds ${name}’s personal information.` })
  setProperties(doc, { title: `Subject access copy: ${name}`, author: madeBy.name, subject: madeOn }, now)
  return { bytes: await doc.save(), pages: doc.getPageCount() }
}

/** A form's filled-in fields, label and value as the form shows them. */
function fieldRows(fields: readonly Field[], values: object): [string, string][] {
  const stored = values as Record<string, unknown>
  return fields.flatMap((field) => {
    const value = displayValue(field, stored[field.name])
    return value ? [[field.label, value] as [string, string]] : []
  })
}

function noteBlock(c: Composer, note: CaseRecord['notes'][number], extra?: string): void {
  const about = [`${formatUkDate(note.date)}, ${NOTE_TYPE_LABELS[note.type].toLowerCase()}`, `written by ${note.author.name}, ${formatUkDateTime(note.writtenAt)}`, note.corrects ? 'corrects an earlier note' : '', extra ?? '']
  c.text(about.filter(Boolean).join(' · '), { size: 9, bold: true, after: 2 })
  c.text(note.text, { size: 10, after: 10 })
}
