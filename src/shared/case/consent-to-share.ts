import { formatUkDate } from '../dates'
import { councilName, localAuthorityName } from '../places/local-authority'
import { foldForSearch } from '../search/fold'
import { agenciesWithConsent, type SharingConsent } from './engagement'
import type { CaseRecord } from './record'

/**
 * May this case's information go to this agency? One rule for the presentation pack (made, or
 * emailed), and any other export or email naming an agency. Consent is the client's, per named
 * agency (Phase 3, Engage): withdrawn, it stops what leaves, whatever else the case says.
 *
 * A caseworker names an agency as they write it ("B&H council", "Brighton Council"), so for the
 * destination council it fails safe: a withdrawn consent stops the pack unless Homeward can tell
 * its agency is not that council (the consent's chosen council is another, or its name has a word
 * no name of the council has, "Cardiff Mental Health Team", "Shelter"). A withdrawal it cannot
 * tell apart stops the pack until the caseworker chooses the consent's council, or the client
 * consents again to the council by name after it.
 */

/** Where information would go: an agency by the name a consent gives it, or the pack's destination council. */
export type SharingTo = { agency: string } | { destination: string }

/** What the consents' answers may name besides a council's place: "Cardiff Council", "Cardiff Housing Options team". */
const COUNCIL_WORDS = new Set(['council', 'city', 'county', 'borough', 'district', 'metropolitan', 'royal', 'london', 'of', 'the', 'and', 'housing', 'options', 'team', 'service', 'local', 'authority'])

function words(name: string): string[] {
  return foldForSearch(name)
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean)
}

/** An agency's name without its council words, accents or punctuation: two names with one key are one agency. */
function agencyKey(name: string): string {
  return words(name)
    .filter((word) => !COUNCIL_WORDS.has(word))
    .join(' ')
}

/** Whether a consent is about the destination council: `is` (named or chosen), `not` (told apart), or `maybe`. */
type Naming = 'is' | 'not' | 'maybe'

function namingOf(destination: string): (consent: SharingConsent) => Naming {
  const names = [localAuthorityName(destination), councilName(destination)]
  const keys = names.map(agencyKey)
  const known = new Set(names.flatMap(words))
  const initials = names.map((name) => words(name).map((word) => word[0]).join(''))
  /** A word the council's own names could be written with: one of theirs, a council word, or their initials ("B&H", "BHCC"). */
  const couldBeTheCouncil = (word: string) => known.has(word) || COUNCIL_WORDS.has(word) || initials.some((letters) => isSubsequence(word, letters))
  return (consent) => {
    if (consent.council) return consent.council === destination ? 'is' : 'not'
    const key = agencyKey(consent.agency ?? '')
    if (key !== '' && keys.includes(key)) return 'is'
    return words(consent.agency ?? '').every(couldBeTheCouncil) ? 'maybe' : 'not'
  }
}

function isSubsequence(word: string, letters: string): boolean {
  let at = 0
  for (const letter of letters) if (letter === word[at]) at++
  return at === word.length
}

export const NO_PACK_CONSENT = 'Record that the client agrees the pack is shared with the destination Housing Options team (Phase 4, Presentation pack)'

/** Why this case's information may not go there today, in one line; undefined when it may. */
export function sharingRefusal(record: CaseRecord, to: SharingTo): string | undefined {
  const client = record.referral.clientName.trim().split(/\s+/)[0] || 'The client'
  if (record.engagement.consentToRecordWithdrawnOn) {
    return `${client} withdrew consent to record information on ${formatUkDate(record.engagement.consentToRecordWithdrawnOn)}: nothing about them may be shared`
  }
  const consents = Object.values(record.sharingConsents).filter((consent) => consent.agency)
  const latestWithdrawn = (of: SharingConsent[]) =>
    of.filter((consent) => consent.withdrawnOn).sort((a, b) => a.withdrawnOn!.localeCompare(b.withdrawnOn!)).at(-1)
  const withdrew = (consent: SharingConsent) => `${client} withdrew consent to share with ${consent.agency} on ${formatUkDate(consent.withdrawnOn!)}`

  if ('agency' in to) {
    const key = agencyKey(to.agency)
    // A name of council words only ("Housing Options") names no one agency.
    const named = (consent: SharingConsent) => key !== '' && key === agencyKey(consent.agency!)
    if (agenciesWithConsent(record.sharingConsents).some((agency) => key !== '' && key === agencyKey(agency))) return undefined
    const withdrawn = latestWithdrawn(consents.filter(named))
    if (withdrawn) return withdrew(withdrawn)
    return `${client} has not consented to share with ${to.agency}: record their consent first (Phase 3, Engage)`
  }

  const naming = namingOf(to.destination)
  // In force: given to the council and not withdrawn (the pack's "shared with" line gives the same list).
  const inForce = consents.filter((consent) => !consent.withdrawnOn && naming(consent) === 'is')
  const withdrawn = latestWithdrawn(consents.filter((consent) => naming(consent) === 'is'))
  if (withdrawn && inForce.length === 0) return withdrew(withdrawn)
  // A withdrawal that may be the council's stands until the client consents again after it, to the council or by that name.
  const unclear = latestWithdrawn(consents.filter((consent) => naming(consent) === 'maybe'))
  const givenAgain = (consent: SharingConsent) => !consent.withdrawnOn && naming(consent) !== 'not' && consent.givenOn !== undefined && consent.givenOn >= unclear!.withdrawnOn!
  if (unclear && !consents.some(givenAgain)) {
    return `${withdrew(unclear)}, which may be ${councilName(to.destination)}: if it is not, choose the consent’s council (Phase 3, Engage)`
  }
  if (inForce.length > 0) return undefined
  // The pack's own question is the client's consent to share with the destination's Housing Options team.
  return record.plan.packConsent === 'yes' ? undefined : NO_PACK_CONSENT
}
