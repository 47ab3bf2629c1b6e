import { PDFDocument } from '@cantoo/pdf-lib'
import type { ClosureLetterPlan } from '../../shared/case/closure-letter'
import type { CaseRecord } from '../../shared/case/record'
import { formatLongDate, type IsoDate } from '../../shared/dates'
import { councilName, localAuthorityName } from '../../shared/places/local-authority'
import type { Agency, TeamSettings } from '../../shared/team/settings'
import { embedFaces } from './fonts'
import { Composer, stampFooters } from './layout'
import { addressAndDate, drawLetterhead, embedTeamImage, setProperties, signOff, type Signer } from './letter'
import type { MadeDocument } from './pack'

export interface ClosureLetterInput {
  record: CaseRecord
  plan: ClosureLetterPlan & { area: string }
  settings: TeamSettings
  signer: Signer
  today: IsoDate
  now: Date
}

/** Numbers for anyone, anywhere in the UK, whatever the directory holds. */
const NATIONAL_HELP = [
  'If you or someone else is in danger, or it is a medical emergency, call 999.',
  'If you need medical help and it is not an emergency, call 111, day or night.',
  'If you are struggling to cope and want to talk to someone, call Samaritans free on 116 123, day or night.',
]

/**
 * The closure letter (Toolkit, Phase 8; Tool 4, Step 7): to the client, in plain English, saying
 * the case is closing and why, who supports them locally, what to do in a problem or a crisis, and
 * how to get back in touch.
 */
export async function makeClosureLetter(input: ClosureLetterInput): Promise<MadeDocument> {
  const { record, plan, settings, signer, today } = input
  const doc = await PDFDocument.create({ updateMetadata: false })
  const faces = await embedFaces(doc)
  const c = new Composer(doc, faces)
  const name = record.referral.clientName
  const firstName = name.split(/\s+/)[0] ?? name
  const area = localAuthorityName(plan.area)
  const body = { size: 11, after: 8 }
  const team = settings.letterhead.teamName ?? settings.letterhead.organisation ?? 'our team'

  drawLetterhead(c, settings.letterhead, await embedTeamImage(doc, settings.logo))
  addressAndDate(c, [name, ...currentAddress(record)], formatLongDate(today))
  c.text(`Dear ${firstName},`, body)
  c.text(`Your support from ${team} is ending`, { bold: true, size: 12.5, after: 8 })
  c.text(`I am writing to let you know that we are closing your case. ${whyClosing(record, area)}`, body)
  c.text('This letter tells you who can help you now, what to do if you have a problem or a crisis, and how to get back in touch with us.', body)

  c.heading(`Who can help you in ${area}`, 2)
  for (const agency of plan.agencies) agencyEntry(c, agency)

  c.heading('If you have a problem', 2)
  c.text(`Get in touch with the services above as soon as you can: it is easier to sort a problem out early.`, body)
  if (plan.housingOptions) {
    const phone = plan.housingOptions.phone ? ` on ${plan.housingOptions.phone}` : ''
    c.text(`If you might lose your home, contact ${councilName(plan.area)}'s ${plan.housingOptions.teamName ?? 'Housing Options'} team${phone} straight away.`, body)
  }

  c.heading('In a crisis', 2)
  const outOfHours = [
    ...(plan.housingOptions?.outOfHours ? [`If you have nowhere to stay tonight: ${councilName(plan.area)}, out of hours, ${plan.housingOptions.outOfHours}.`] : []),
    ...plan.agencies.flatMap((agency) => [
      ...(agency.outOfHours ? [`${agency.name}, out of hours: ${agency.outOfHours}.`] : []),
      ...(agency.crisis ? [`${agency.name}, crisis line: ${agency.crisis}.`] : []),
    ]),
  ]
  c.bullets([...NATIONAL_HELP, ...outOfHours], { size: 11 })

  c.heading('Getting back in touch', 2)
  const contact = [settings.letterhead.phone, settings.letterhead.email].filter(Boolean).join(' or ')
  c.text(
    `If things change and you would like our help again, ask any support worker or outreach worker to refer you to us again, or contact us yourself on ${contact}. We will be glad to hear from you.`,
    body,
  )
  c.text(`Thank you for working with us, ${firstName}. We wish you all the best.`, { ...body, after: 14 })
  signOff(c, 'Best wishes,', signer, await embedTeamImage(doc, signer.signature), settings.letterhead)

  stampFooters(doc, faces, { subject: name, notice: 'Private and confidential: for the person it is addressed to.' })
  setProperties(
    doc,
    {
      title: `Closure letter: ${name}`,
      author: [signer.name, settings.letterhead.organisation].filter(Boolean).join(', '),
      subject: `The closing of ${name}'s case, and the support available in ${area}`,
    },
    input.now,
  )
  return { bytes: await doc.save(), pages: doc.getPageCount(), enclosurePages: {} }
}

/** The address the client lives at now: their latest stay with no end date. */
function currentAddress(record: CaseRecord): string[] {
  const current = Object.values(record.addresses)
    .filter((address) => !address.to && address.kind !== 'rough-sleeping')
    .sort((a, b) => (b.from ?? '').localeCompare(a.from ?? ''))[0]
  return current ? [...current.address.split(/,\s*|\n/), current.postcode ?? ''].filter(Boolean) : []
}

/** The reason, in plain words, from how the case closed (or, before it is closed, the closure review). */
function whyClosing(record: CaseRecord, area: string): string {
  switch (record.outcome?.type ?? 'planned') {
    case 'planned':
      return `This is because you are settled in ${area} and getting support from services there.`
    case 'no-progress':
      return 'This is because we have not been able to make progress together for some time.'
    case 'inappropriate':
      return 'This is because moving back to an area where you have a connection is not the right choice for you at the moment.'
    case 'no-provision':
      return 'This is because the support and housing you would need are not available in the area where you have a connection.'
    default:
      return record.outcome?.unplannedReason === 'in-custody'
        ? 'This is because we are not able to support you while you are in custody.'
        : 'This is because we have not been in touch with each other for some time.'
  }
}

function agencyEntry(c: Composer, agency: Agency): void {
  c.ensure(60)
  c.text([agency.name, agency.service].filter(Boolean).join(': '), { bold: true, size: 11, after: 2 })
  const details = [
    agency.address ? agency.address.replace(/\n+/g, ', ') : '',
    agency.phone ? `Phone: ${agency.phone}` : '',
    agency.openingTimes ? `Open: ${agency.openingTimes}` : '',
  ].filter(Boolean)
  for (const line of details) c.text(line, { size: 10.5, indent: 12, after: 1 })
  c.space(8)
}
