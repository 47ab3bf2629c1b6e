import { PDFDocument } from '@cantoo/pdf-lib'
import type { ClosureLetterPlan } from '../../shared/case/closure-letter'
import type { CaseRecord } from '../../shared/case/record'
import { formatLongDate, type IsoDate } from '../../shared/dates'
import { councilName } from '../../shared/places/local-authority'
import { placeName } from '../../shared/places/place-name'
import type { Agency, Letterhead, TeamSettings } from '../../shared/team/settings'
import { embedFaces } from './fonts'
import { Composer, stampFooters } from './layout'
import { addressAndDate, drawLetterhead, embedTeamImage, setProperties, signOff, signOffHeight, type Signer } from './letter'
import type { MadeDocument } from './pack'

export interface ClosureLetterInput {
  record: CaseRecord
  plan: ClosureLetterPlan
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
  // The place in running text ("settled in Edinburgh"); the council by its proper name where it is meant.
  const area = plan.area ? placeName(plan.area) : undefined
  const council = plan.area ? councilName(plan.area) : undefined
  const body = { size: 11, after: 8 }

  drawLetterhead(c, settings.letterhead, await embedTeamImage(doc, settings.logo))
  addressAndDate(c, [name, ...plan.address], formatLongDate(today))
  c.text(`Dear ${firstName},`, body)
  c.text(`Your support from ${teamPhrase(settings.letterhead)} is ending`, { bold: true, size: 12.5, after: 8 })
  c.text(`I am writing to let you know that we are closing your case. ${whyClosing(record, area, plan.decisionPending)}`, body)
  c.text('This letter tells you who can help you now, what to do if you have a problem or a crisis, and how to get back in touch with us.', body)

  const teamContact = [settings.letterhead.phone, settings.letterhead.email].filter(Boolean).join(' or ')
  const askUsOn = [settings.letterhead.phone && `call ${settings.letterhead.phone}`, settings.letterhead.email && `email ${settings.letterhead.email}`].filter(Boolean).join(' or ')
  c.heading(area ? `Who can help you in ${area}` : 'Who can help you now', 2)
  if (plan.arranged.length > 0) {
    c.text('We have arranged for these services to support you:', body)
    // Every line is an item of this one list, in the caseworker's order: a service with no directory
    // entry is an item like the others (its name, then what was arranged), not a lone line below them.
    for (const support of plan.arranged) {
      const [only, ...more] = support.agencies
      if (only && more.length > 0) {
        // One line naming several agencies: the line as written, then each one's entry under it.
        c.ensure(60)
        c.text(support.text, { bold: true, size: 11, after: 4 })
        for (const agency of support.agencies) serviceEntry(c, agency.name, agency.service, agency, 12)
        continue
      }
      // A service nothing says how to reach (the caseworker was told before making the letter):
      // the client is not left with a bare name, but asks the team.
      const askUs = support.noContact && askUsOn ? `Ask us how to reach them: ${askUsOn}` : undefined
      serviceEntry(c, support.name, support.arranged ?? only?.service, only, 0, askUs)
    }
  }
  if (plan.agencies.length > 0) {
    if (plan.arranged.length > 0) c.text(`Other services${area ? ` in ${area}` : ''} that can help:`, body)
    for (const agency of plan.agencies) serviceEntry(c, agency.name, agency.service, agency)
  }

  const helpers: (Agency | string)[] = [...plan.arranged.flatMap((support): (Agency | string)[] => (support.agencies.length > 0 ? support.agencies : [support.text])), ...plan.agencies]
  // The directory's Housing Options contact, else the one the case's plan recorded.
  const housingPhone = plan.housingOptions?.phone ?? record.plan.housingOptionsPhone
  const housingTeam = plan.housingOptions?.teamName ?? 'Housing Options'
  if (plan.decisionPending && council) {
    c.heading('Your homelessness application', 2)
    c.text(
      `${council} has not yet made a decision on your homelessness application. They will write to you with their decision: open any letter from them straight away and keep it safe.` +
        (housingPhone ? ` If you have a question about your application, call their ${housingTeam} team on ${housingPhone}.` : ''),
      body,
    )
    c.text(
      `If the council decides it does not have to help you with housing, you can ask it to look at the decision again (a review). You must ask within 21 days of getting their letter.${helpers.length > 0 ? ' The services above can help you do this.' : ''}`,
      body,
    )
  }

  c.heading('If you have a problem', 2)
  if (helpers.length > 0) c.text(`Get in touch with the services above as soon as you can: it is easier to sort a problem out early.`, body)
  if (council) {
    c.text(`If you might lose your home, contact the ${housingTeam} team at ${council}${housingPhone ? ` on ${housingPhone}` : ''} straight away.`, body)
  }

  c.heading('In a crisis', 2)
  const outOfHours = [
    ...(plan.housingOptions?.outOfHours && council ? [`If you have nowhere to stay tonight: ${council}, out of hours, ${plan.housingOptions.outOfHours}.`] : []),
    ...helpers.filter((helper): helper is Agency => typeof helper !== 'string').flatMap((agency) => [
      ...(agency.outOfHours ? [`${agency.name}, out of hours: ${agency.outOfHours}.`] : []),
      ...(agency.crisis ? [`${agency.name}, crisis line: ${agency.crisis}.`] : []),
    ]),
  ]
  c.bullets([...NATIONAL_HELP, ...outOfHours], { size: 11 })

  const backInTouch = {
    text: `If things change and you would like our help again, ask any support worker or outreach worker to refer you to us again${teamContact ? `, or contact us yourself on ${teamContact}` : ''}. We will be glad to hear from you.`,
    style: body,
  }
  const thanks = { text: `Thank you for working with us, ${firstName}. We wish you all the best.`, style: { ...body, after: 14 } }
  const closing = 'Best wishes,'
  const signature = await embedTeamImage(doc, signer.signature)
  // The thanks is one short line: kept with the sign-off alone, the last page would hold nothing but
  // the sign-off. The whole last section goes over the page with it instead.
  c.ensure(
    c.headingHeight('Getting back in touch', 2) +
      c.textHeight(backInTouch.text, backInTouch.style) +
      c.textHeight(thanks.text, thanks.style) +
      signOffHeight(c, closing, signer, signature, settings.letterhead),
  )
  c.heading('Getting back in touch', 2)
  c.text(backInTouch.text, backInTouch.style)
  signOff(c, thanks, closing, signer, signature, settings.letterhead)

  stampFooters(doc, faces, { subject: name, notice: 'Private and confidential: for the person it is addressed to.' })
  setProperties(
    doc,
    {
      title: `Closure letter: ${name}`,
      author: [signer.name, settings.letterhead.organisation].filter(Boolean).join(', '),
      subject: `The closing of ${name}'s case, and the support available${area ? ` in ${area}` : ''}`,
    },
    input.now,
  )
  return { bytes: await doc.save(), pages: doc.getPageCount(), enclosurePages: {} }
}

/**
 * The team by name, as a sentence needs it: "the Safe Connections team" (a team name is a common
 * noun and takes "the"), an organisation's own name as it is, or "our team".
 */
function teamPhrase(letterhead: Partial<Letterhead>): string {
  if (letterhead.teamName) return /^the\s/i.test(letterhead.teamName) ? letterhead.teamName : `the ${letterhead.teamName}`
  return letterhead.organisation ?? 'our team'
}

/** The reason, in plain words, from how the case closed (or, before it is closed, the closure review). */
export function whyClosing(record: CaseRecord, area: string | undefined, decisionPending: boolean): string {
  switch (record.outcome?.type ?? 'planned') {
    case 'planned':
      // Not "settled" while the council's decision is still to come: the letter says so further on.
      return decisionPending
        ? `This is because you have moved${area ? ` to ${area}` : ''} and services there are now supporting you.`
        : `This is because you are settled${area ? ` in ${area}` : ''} and getting support from services there.`
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

/**
 * A service in one of the letter's lists: its name in bold, then under it what it does for the
 * client (what was arranged, or the directory's description) and how to reach it, indented by
 * `indent` when it sits under the caseworker's line naming several agencies (or `reach`, where
 * nothing says how). Kept on one page.
 */
function serviceEntry(c: Composer, name: string, about: string | undefined, agency: Agency | undefined, indent = 0, reach?: string): void {
  const lines = [
    about ?? '',
    reach ?? '',
    agency?.address ? agency.address.replace(/\n+/g, ', ') : '',
    agency?.phone ? `Phone: ${agency.phone}` : '',
    agency?.openingTimes ? `Open: ${agency.openingTimes}` : '',
  ].filter(Boolean)
  const size = indent ? 10.5 : 11
  c.ensure(c.textHeight(name, { bold: true, size, indent, after: 2 }) + lines.reduce((sum, line) => sum + c.textHeight(line, { size: 10.5, indent: indent + 12, after: 1 }), 0))
  c.text(name, { bold: true, size, indent, after: 2 })
  for (const line of lines) c.text(line, { size: 10.5, indent: indent + 12, after: 1 })
  c.space(8)
}
