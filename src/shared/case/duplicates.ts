import { searchTerms } from '../search/fold'

/** What identifies a client for the duplicate check. */
export interface ClientIdentity {
  clientName: string
  dateOfBirth: string
  chainNumber?: string | null
  /** The other names they are known by (Contact), so a referral under an alias still finds them. */
  otherNames?: readonly string[]
}

/** A name reduced to its words, without accents, case or punctuation: "zoe o brien ni bhriain". */
export function nameKey(name: string): string {
  return searchTerms(name).join(' ')
}

/** Every name a client is known by, as keys: their name and their other names, each once. */
export function nameKeys(identity: Pick<ClientIdentity, 'clientName' | 'otherNames'>): string[] {
  return [...new Set([identity.clientName, ...(identity.otherNames ?? [])].map(nameKey).filter((key) => key !== ''))]
}

/**
 * Two referrals are probably the same person when they share a CHAIN number, or a name (allowing
 * for accents, case and punctuation; the name of one may be an other name of the other) and the
 * date of birth.
 */
export function duplicateReason(a: ClientIdentity, b: ClientIdentity): 'chain-number' | 'name-and-date-of-birth' | undefined {
  if (a.chainNumber && b.chainNumber && a.chainNumber === b.chainNumber) return 'chain-number'
  if (a.dateOfBirth !== b.dateOfBirth) return undefined
  const names = new Set(nameKeys(a))
  if (nameKeys(b).some((key) => names.has(key))) return 'name-and-date-of-birth'
  return undefined
}
