import type { IsoDate } from '../dates'
import { councilName } from '../places/local-authority'
import { letterheadProblems, type HousingOptionsContact, type PaperworkSettings } from '../team/settings'
import { packWarnings } from './pack-warnings'
import { NO_PACK_CONSENT, sharingRefusal } from './consent-to-share'
import { contactForCouncil } from './contact-for-council'
import { ATTACHMENT_TYPES, attachmentsInOrder, type AttachmentRecord } from './attachments'
import type { CaseRecord } from './record'

/**
 * What goes into the presentation pack (Toolkit, Phase 5), decided once for the app's preview, the
 * PDF and the command line: to whom it goes, and only what the client agreed to share, in the
 * case's order, less what the caseworker leaves out this time.
 */

/** The Housing Options team a pack is addressed to: the plan's contact, else the team's directory. */
export interface PackRecipient {
  localAuthority: string
  contactName?: string
  teamName: string
  address: string[]
  email?: string
  phone?: string
}

export interface PackEnclosure {
  id: string
  /** As the index lists it: what it is, and the caseworker's note. */
  title: string
  fileName: string
  date: string
  pages: number
}

export interface PackPlan {
  /** What must be recorded before the pack can be made; empty when it can. */
  problems: string[]
  /** What a person should know before making it, and may make it anyway (packWarnings). */
  warnings: string[]
  recipient?: PackRecipient
  /** How the council can reach the client (`contactForCouncil`): only while consent to share with it is in force. */
  clientContact?: { label: string; value: string }[]
  /** Health and support needs are described only with the client's agreement. */
  includesHealth: boolean
  enclosures: PackEnclosure[]
  /** Documents on the case that stay out, and why. */
  leftOut: { id: string; fileName: string; why: string }[]
}

/** The reason a document the caseworker unticked is out of this pack. */
export const LEFT_OUT_THIS_TIME = 'left out this time'

export function enclosureTitle(attachment: Pick<AttachmentRecord, 'type' | 'note'>): string {
  const type = ATTACHMENT_TYPES.find((option) => option.value === attachment.type)?.label ?? 'Document'
  return attachment.note ? `${type}: ${attachment.note}` : type
}

/** `today`, where given, lets the plan warn of a pack made for a day already past. */
export function planPack(record: CaseRecord, settings: PaperworkSettings, without: ReadonlySet<string> = new Set(), today?: IsoDate): PackPlan {
  const problems: string[] = []
  // The pack asks a council to take the client on: a closed case asks nothing of anyone (its closure
  // letter and a subject access copy are still made).
  if (record.status === 'closed') problems.push('The case is closed: no presentation pack is made for it. Reopen the case to make one')
  const destination = record.plan.destination
  if (!destination) problems.push('Choose the destination local authority (Phase 4, Reconnection planning)')
  const refused = destination ? sharingRefusal(record, { destination }) : record.plan.packConsent === 'yes' ? undefined : NO_PACK_CONSENT
  if (refused) problems.push(refused)
  problems.push(...letterheadProblems(settings.letterhead))
  const enclosures: PackEnclosure[] = []
  const leftOut: PackPlan['leftOut'] = []
  const includesHealth = record.plan.packHealthConsent === 'yes'
  for (const attachment of attachmentsInOrder(record.attachments)) {
    if (attachment.shareInPack !== 'yes') {
      leftOut.push({ id: attachment.id, fileName: attachment.fileName, why: 'the client has not agreed to share it' })
    } else if (attachment.type === 'medical' && !includesHealth) {
      // Agreeing to one document does not undo the answer about health and support needs.
      leftOut.push({ id: attachment.id, fileName: attachment.fileName, why: 'the client has not agreed to share their health and support needs' })
    } else if (without.has(attachment.id)) {
      leftOut.push({ id: attachment.id, fileName: attachment.fileName, why: LEFT_OUT_THIS_TIME })
    } else {
      enclosures.push({ id: attachment.id, title: enclosureTitle(attachment), fileName: attachment.fileName, date: attachment.date, pages: attachment.pages })
    }
  }
  const plan = { includesHealth, enclosures, leftOut }
  const clientContact = destination ? contactForCouncil(record, destination) : undefined
  return {
    problems,
    warnings: packWarnings(record, plan, today),
    ...(destination ? { recipient: packRecipient(record, destination, settings) } : {}),
    ...(clientContact ? { clientContact } : {}),
    ...plan,
  }
}

function packRecipient(record: CaseRecord, destination: string, settings: PaperworkSettings): PackRecipient {
  const listed: Partial<HousingOptionsContact> = Object.values(settings.housingOptions).find((entry) => entry.localAuthority === destination) ?? {}
  const council = councilName(destination)
  const email = record.plan.housingOptionsEmail ?? listed.email
  const phone = record.plan.housingOptionsPhone ?? listed.phone
  const contactName = record.plan.housingOptionsName ?? listed.contactName
  return {
    localAuthority: destination,
    ...(contactName ? { contactName } : {}),
    teamName: listed.teamName ?? 'Housing Options',
    address: [council, ...(listed.address ?? '').split('\n').map((line) => line.trim()).filter(Boolean)],
    ...(email ? { email } : {}),
    ...(phone ? { phone } : {}),
  }
}
