import { formatUkDate } from '../dates'
import { councilName, localAuthorityName } from '../places/local-authority'
import { foldForSearch } from '../search/fold'
import { agenciesWithConsent } from './engagement'
import type { CaseRecord } from './record'

/**
 * May this case's information go to this agency? One rule for the presentation pack (made, or
 * emailed), and any other export or email naming an agency. Consent is the client's, per named
 * agency (Phase 3, Engage): withdrawn, it stops what leaves, whatever else the case says.
 */

/** Where information would go: an agency by the name a consent gives it, or the pack's destination council. */
export type SharingTo = { agency: string } | { destination: string }

/** What the consents' answers may name besides a council's place: "Cardiff Council", "Cardiff Housing Options team". */
const COUNCIL_WORDS = new Set(['council', 'city', 'county', 'borough', 'district', 'metropolitan', 'royal', 'london', 'of', 'the', 'and', 'housing', 'options', 'team', 'service', 'local', 'authority'])

/** An agency's name without its council words, accents or punctuation: two names with one key are one agency. */
function agencyKey(name: string): string {
  return foldForSearch(name)
    .split(/[^\p{L}\p{N}]+/u)
    .filter((word) => word && !COUNCIL_WORDS.has(word))
    .join(' ')
}

function names(to: SharingTo): (agency: string) => boolean {
  const keys = 'agency' in to ? [agencyKey(to.agency)] : [agencyKey(localAuthorityName(to.destination)), agencyKey(councilName(to.destination))]
  // A name of council words only ("Housing Options") names no one agency.
  return (agency) => keys.some((key) => key !== '' && key === agencyKey(agency))
}

export const NO_PACK_CONSENT = 'Record that the client agrees the pack is shared with the destination Housing Options team (Phase 4, Presentation pack)'

/** Why this case's information may not go there today, in one line; undefined when it may. */
export function sharingRefusal(record: CaseRecord, to: SharingTo): string | undefined {
  const client = record.referral.clientName.trim().split(/\s+/)[0] || 'The client'
  if (record.engagement.consentToRecordWithdrawnOn) {
    return `${client} withdrew consent to record information on ${formatUkDate(record.engagement.consentToRecordWithdrawnOn)}: nothing about them may be shared`
  }
  const named = names(to)
  // In force: the same list the pack's "shared with" line gives.
  if (agenciesWithConsent(record.sharingConsents).some(named)) return undefined
  const withdrawn = Object.values(record.sharingConsents)
    .filter((consent) => consent.agency && consent.withdrawnOn && named(consent.agency))
    .sort((a, b) => a.withdrawnOn!.localeCompare(b.withdrawnOn!))
    .at(-1)
  if (withdrawn) return `${client} withdrew consent to share with ${withdrawn.agency} on ${formatUkDate(withdrawn.withdrawnOn!)}`
  if ('destination' in to) {
    // The pack's own question is the client's consent to share with the destination's Housing Options team.
    return record.plan.packConsent === 'yes' ? undefined : NO_PACK_CONSENT
  }
  return `${client} has not consented to share with ${to.agency}: record their consent first (Phase 3, Engage)`
}
