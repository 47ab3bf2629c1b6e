import { searchTerms } from '../search/fold'

/** What identifies a client for the duplicate check. */
export interface ClientIdentity {
  clientName: string
  dateOfBirth: string
  chainNumber?: string | null
}

/** A name reduced to its words, without accents, case or punctuation: "zoe o brien ni bhriain". */
export function nameKey(name: string): string {
  return searchTerms(name).join(' ')
}

/**
 * Two referrals are probably the same person when they share a CHAIN number, or the same name
 * (allowing for accents, case and punctuation) and date of birth.
 */
export function duplicateReason(a: ClientIdentity, b: ClientIdentity): 'chain-number' | 'name-and-date-of-birth' | undefined {
  if (a.chainNumber && b.chainNumber && a.chainNumber === b.chainNumber) return 'chain-number'
  if (a.dateOfBirth === b.dateOfBirth && nameKey(a.clientName) === nameKey(b.clientName)) return 'name-and-date-of-birth'
  return undefined
}
