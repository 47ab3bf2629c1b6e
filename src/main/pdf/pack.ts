import { PDFDocument } from '@cantoo/pdf-lib'
import type { MediaType } from '../../shared/case/attachments'
import { noContactForCouncil } from '../../shared/case/contact-for-council'
import { agenciesWithConsent } from '../../shared/case/engagement'
import { ADDRESS_FIELDS, FAMILY_FIELDS, localConnectionSentence, testLocalConnection, type AreaConnection } from '../../shared/case/local-connection'
import { NOTHING_ENCLOSED, saysEnclosedWithNothingEnclosed, type PackWriting } from '../../shared/case/pack-warnings'
import type { PackPlan, PackRecipient } from '../../shared/case/presentation-pack'
import type { CaseRecord } from '../../shared/case/record'
import { RISK_FIELDS } from '../../shared/case/reconnection'
import { REFERRAL_DETAIL_FIELDS } from '../../shared/case/referral'
import { formatLongDate, formatUkDate, type IsoDate } from '../../shared/dates'
import { displayValue, type Field } from '../../shared/forms/fields'
import { councilName } from '../../shared/places/local-authority'
import type { TeamSettings } from '../../shared/team/settings'
import { appendEnclosure } from './enclosures'
import { embedFaces, type Faces } from './fonts'
import { Composer, stampFooters } from './layout'
import { addressAndDate, drawLetterhead, embedTeamImage, setProperties, signOff, type Signer } from './letter'
// Saves the scans' bytes with one copy each, not pdf-lib's byte-at-a-time loop.
import './stream-bytes'

export interface PackInput {
  record: CaseRecord
  plan: PackPlan & { recipient: PackRecipient }
  settings: TeamSettings
  signer: Signer
  today: IsoDate
  now: Date
  /** Reads an enclosure's file, when its turn comes. */
  readEnclosure(id: string): Promise<{ fileName: string; mediaType: MediaType; bytes: Uint8Array }>
  onProgress?(done: number, total: number): void
}

export interface MadeDocument {
  bytes: Uint8Array
  pages: number
  /** How many pages each enclosure took, by id. */
  enclosurePages: Record<string, number>
}

export const CONFIDENTIAL = 'CONFIDENTIAL. Personal information shared with the client’s consent for their homelessness application. Do not copy or pass on.'

/**
 * The presentation pack (Toolkit, Phase 5): a covering letter on the team's letterhead, a one-page
 * summary of the client, an index of enclosures with their page numbers, then the enclosures (no
 * index when nothing is enclosed).
 * The front pages are laid out twice: once to count them, so the index can give page numbers.
 */
export async function makePresentationPack(input: PackInput): Promise<MadeDocument> {
  const total = input.plan.enclosures.length + 2
  input.onProgress?.(0, total)
  const trial = await PDFDocument.create({ updateMetadata: false })
  const frontPages = await writeFrontPages(trial, input, undefined)
  const doc = await PDFDocument.create({ updateMetadata: false })
  const faces = await writeFrontPages(doc, input, frontPages.count)
  input.onProgress?.(1, total)

  const enclosurePages: Record<string, number> = {}
  const labels: string[] = []
  for (const [i, enclosure] of input.plan.enclosures.entries()) {
    const file = await input.readEnclosure(enclosure.id)
    const added = await appendEnclosure(doc, file)
    enclosurePages[enclosure.id] = added
    for (let page = 0; page < added; page++) labels.push(`Enclosure ${i + 1}`)
    input.onProgress?.(i + 2, total)
  }
  const front = doc.getPageCount() - labels.length
  stampFooters(doc, faces.faces, {
    subject: input.record.referral.clientName,
    notice: CONFIDENTIAL,
    pageLabel: (index) => (index < front ? undefined : labels[index - front]),
  })
  const name = input.record.referral.clientName
  setProperties(
    doc,
    {
      title: `Presentation pack: ${name}`,
      author: [input.signer.name, input.settings.letterhead.organisation].filter(Boolean).join(', '),
      subject: `Homelessness application under Part VII of the Housing Act 1996 to ${councilName(input.plan.recipient.localAuthority)}`,
    },
    input.now,
  )
  const bytes = await doc.save()
  input.onProgress?.(total, total)
  return { bytes, pages: doc.getPageCount(), enclosurePages }
}

/**
 * Writes the letter, summary and index into `doc`. With `frontPageCount` unknown the index shows
 * wide placeholder numbers (so its lines wrap as the real ones will); returns how many pages the
 * front took, and the faces used.
 */
async function writeFrontPages(doc: PDFDocument, input: PackInput, frontPageCount: number | undefined): Promise<{ count: number; faces: Faces }> {
  const faces = await embedFaces(doc)
  const c = new Composer(doc, faces)
  await coveringLetter(c, doc, input)
  c.newPage()
  clientSummary(c, input)
  // With nothing enclosed the letter says so, and there is no index to say it again.
  if (input.plan.enclosures.length > 0) {
    c.newPage()
    enclosureIndex(c, input, frontPageCount)
  }
  return { count: doc.getPageCount(), faces }
}

/**
 * The caseworker's writing as the pack prints it: as written, but where it says a document is
 * enclosed and nothing is (`saysEnclosedWithNothingEnclosed`, which warned of it), with a note
 * after it, so the council does not look for what is not there.
 */
function asWritten(input: PackInput): (name: PackWriting, text: string) => string {
  const unbacked = new Set(saysEnclosedWithNothingEnclosed(input.record, input.plan).map((writing) => writing.name))
  return (name, text) => (unbacked.has(name) ? `${text} ${NOTHING_ENCLOSED}` : text)
}

async function coveringLetter(c: Composer, doc: PDFDocument, input: PackInput): Promise<void> {
  const { record, plan, settings, signer, today } = input
  const { recipient } = plan
  const name = record.referral.clientName
  const firstName = name.split(/\s+/)[0] ?? name
  const council = councilName(recipient.localAuthority)
  const written = asWritten(input)
  drawLetterhead(c, settings.letterhead, await embedTeamImage(doc, settings.logo))
  addressAndDate(c, [recipient.contactName ?? '', recipient.teamName, ...recipient.address, recipient.email ? `By email: ${recipient.email}` : ''], formatLongDate(today))
  c.text(`Dear ${recipient.contactName ?? 'Housing Options Officer'},`, { after: 10 })
  c.text(`${name}, born ${formatLongDate(record.referral.dateOfBirth)}: homelessness application under Part VII of the Housing Act 1996`, {
    bold: true,
    size: 11.5,
    after: 10,
  })
  const roughSleeping = record.referral.criterionRoughSleeping === 'living-on-street' ? ' and is sleeping rough' : ''
  c.text(
    `${name} is making an application for homelessness assistance to ${council} under Part VII of the Housing Act 1996. ${firstName} was referred to our Safe Connections service by ${record.referral.outreachTeam}${roughSleeping}. We help people sleeping rough to return safely, with support, to an area where they have a local connection.`,
    { after: 8 },
  )
  if (record.plan.earlyContactOn) {
    c.text(`We contacted your team on ${formatLongDate(record.plan.earlyContactOn)} to let you know that we are working with ${firstName} and intend to make this application.`, { after: 8 })
  }
  c.heading('Local connection', 3)
  c.text(localConnectionSentence(name, destinationArea(record, recipient.localAuthority, today), today), { after: 8 })
  if (record.plan.priorityNeed) {
    c.heading('Priority need', 3)
    c.text(written('priorityNeed', record.plan.priorityNeed), { after: 8 })
  }
  c.heading('Support needs', 3)
  if (plan.includesHealth && (record.referral.supportNeeds || record.plan.healthArrangements)) {
    if (record.referral.supportNeeds) c.text(written('supportNeeds', record.referral.supportNeeds), { after: 6 })
    if (record.plan.healthArrangements) c.text(written('healthArrangements', record.plan.healthArrangements), { after: 8 })
  } else if (plan.includesHealth) {
    c.text('No support needs are recorded.', { after: 8 })
  } else {
    c.text(`${firstName} has not asked us to describe their health and support needs in this letter; they can tell you about them at the presentation.`, { after: 8 })
  }
  c.heading('Arrangements for the day', 3)
  const day = record.reconnectionDay
  const attending = day.accompaniedBy ? `${day.accompaniedBy} will come with ${firstName}` : `A caseworker from our team will come with ${firstName}`
  c.text(
    day.date
      ? `${firstName} will present at your office on ${formatLongDate(day.date)}. ${attending}, and can stay for the whole day.`
      : `We will agree the day of the presentation with you. ${attending}, and can stay for the whole day.`,
    { after: 6 },
  )
  if (record.plan.presentationArrangements) c.text(written('presentationArrangements', record.plan.presentationArrangements), { after: 6 })
  const last = {
    text: `${
      plan.enclosures.length === 0
        ? `With this letter is a summary of ${firstName}'s circumstances. No other documents are enclosed.`
        : `With this letter are a summary of ${firstName}'s circumstances and copies of ${plan.enclosures.length} document${plan.enclosures.length === 1 ? '' : 's'}, listed in the index.`
    } Please contact me on ${settings.letterhead.phone ?? ''} or at ${settings.letterhead.email ?? ''} if you need anything before then.`,
    style: { after: 14 },
  }
  signOff(c, last, 'Yours sincerely,', signer, await embedTeamImage(doc, signer.signature), settings.letterhead)
}

/** The local connection test for the destination, as at today. */
function destinationArea(record: CaseRecord, destination: string, today: IsoDate): AreaConnection {
  const areas = testLocalConnection(
    {
      addresses: Object.values(record.addresses),
      employment: Object.values(record.employment),
      family: Object.values(record.family),
      special: Object.values(record.special),
    },
    today,
  )
  return (
    areas.find((area) => area.localAuthority === destination) ?? {
      localAuthority: destination,
      residence: { daysInLastYear: 0, daysInLastFiveYears: 0, holds: false },
      employment: [],
      family: [],
      special: [],
      connected: false,
    }
  )
}

/** A stored value as the form's catalogue shows it (labels for choices, en-GB dates). */
function shown<F extends readonly Field[]>(fields: F, values: object, name: F[number]['name']): string {
  const field = fields.find((candidate) => candidate.name === name)!
  return displayValue(field, (values as Record<string, unknown>)[name])
}

/** Tool 3's facts the receiving authority needs, on one page where they fit. */
function clientSummary(c: Composer, input: PackInput): void {
  const { record, plan, today } = input
  const r = record.referral
  const written = asWritten(input)
  c.heading('Client summary', 1)
  c.heading('Identity', 3)
  c.keyValues([
    ['Name', r.clientName],
    ['Date of birth', formatUkDate(r.dateOfBirth)],
    ['CHAIN number', r.chainNumber ?? ''],
    ['UK national', shown(REFERRAL_DETAIL_FIELDS, r, 'ukNational')],
    ['Identity documents', [shown(REFERRAL_DETAIL_FIELDS, r, 'hasId'), r.idDetails].filter(Boolean).join(': ')],
    [
      'Recourse to public funds',
      [shown(REFERRAL_DETAIL_FIELDS, r, 'publicFunds'), shown(REFERRAL_DETAIL_FIELDS, r, 'publicFundsBasis')].filter(Boolean).join(': '),
    ],
  ])
  // Only while consent to share with the council is in force; a pack is not made without it.
  if (plan.clientContact) {
    c.heading('How to contact them', 3)
    if (plan.clientContact.length === 0) c.text(noContactForCouncil(r.clientName), { size: 9.5 })
    else c.keyValues(plan.clientContact.map(({ label, value }) => [label, value]))
  }
  c.heading('Address history', 3)
  const addresses = Object.values(record.addresses).sort((a, b) => (b.from ?? '').localeCompare(a.from ?? ''))
  if (addresses.length === 0) c.text('No addresses recorded.', { size: 9.5 })
  else {
    c.table(
      [
        { title: 'Address', width: 0.4 },
        { title: 'Local authority', width: 0.2 },
        { title: 'Type of stay', width: 0.18 },
        { title: 'Dates', width: 0.22 },
      ],
      addresses.map((a) => [
        [a.address, a.postcode].filter(Boolean).join(', '),
        shown(ADDRESS_FIELDS, a, 'localAuthority'),
        shown(ADDRESS_FIELDS, a, 'kind'),
        `${formatUkDate(a.from ?? '')} to ${a.to ? formatUkDate(a.to) : 'now'}`,
      ]),
      { size: 8.5 },
    )
  }
  c.heading('Local connection evidence', 3)
  const area = destinationArea(record, plan.recipient.localAuthority, today)
  const evidence = [
    ...area.employment.map((job) => `Works for ${job.employer} since ${formatUkDate(job.from ?? '')}${job.evidence ? ` (evidence: ${job.evidence})` : ''}`),
    ...area.family.map(
      (relative) =>
        `${shown(FAMILY_FIELDS, relative, 'relationship')}${relative.name ? `, ${relative.name},` : ''} has lived there ${relative.years} years${relative.evidence ? ` (evidence: ${relative.evidence})` : ''}`,
    ),
    ...area.special.map((item) => `Special circumstances: ${item.description}`),
    ...Object.values(record.addresses)
      .filter((a) => a.localAuthority === area.localAuthority && a.evidence)
      .map((a) => `${a.address}: ${a.evidence}`),
    ...plan.enclosures.flatMap((enclosure, i) => {
      const linked = record.attachments[enclosure.id]?.evidenceFor
      return linked ? [`Enclosure ${i + 1}: ${enclosure.title}`] : []
    }),
  ]
  c.text(localConnectionSentence(r.clientName, area, today), { size: 9.5, after: 4 })
  if (evidence.length) c.bullets(evidence, { size: 9.5 })
  c.heading('Health and support needs', 3)
  if (plan.includesHealth) {
    c.keyValues([
      ['Support needs', r.supportNeeds ? written('supportNeeds', r.supportNeeds) : ''],
      ['Health and substance misuse arrangements', record.plan.healthArrangements ? written('healthArrangements', record.plan.healthArrangements) : ''],
    ])
  } else {
    c.text('Not shared: the client has not agreed to share their health and support needs in this pack.', { size: 9.5 })
  }
  c.heading('Agencies involved', 3)
  const agencies = [`${r.outreachTeam} (referrer: ${r.referrerName})`, ...agenciesWithConsent(record.sharingConsents)]
  if (r.homeAreaAgencies) agencies.push(`In the home area: ${r.homeAreaAgencies}`)
  c.bullets(agencies, { size: 9.5 })
  c.heading('Risks relevant to the receiving authority', 3)
  c.keyValues([
    ['Risk assessment', record.risk.assessedOn ? `Done on ${formatUkDate(record.risk.assessedOn)}` : 'Not yet done'],
    ['Flight risk', shown(RISK_FIELDS, record.risk, 'flightRisk')],
    ['Other risks from the move', record.risk.otherRisks ?? ''],
    ['How the risks will be managed', record.risk.mitigations ?? ''],
  ])
}

function enclosureIndex(c: Composer, input: PackInput, frontPageCount: number | undefined): void {
  const { enclosures } = input.plan
  c.heading('Index of enclosures', 1)
  let next = (frontPageCount ?? 0) + 1
  c.table(
    [
      { title: 'No.', width: 0.08 },
      { title: 'Document', width: 0.6 },
      { title: 'Dated', width: 0.16 },
      { title: 'Pages', width: 0.16, align: 'right' },
    ],
    enclosures.map((enclosure, i) => {
      const first = next
      next += enclosure.pages
      const pages = frontPageCount === undefined ? '9999 to 9999' : enclosure.pages === 1 ? String(first) : `${first} to ${first + enclosure.pages - 1}`
      return [String(i + 1), `${enclosure.title}\n${enclosure.fileName}`, formatUkDate(enclosure.date), pages]
    }),
  )
}
