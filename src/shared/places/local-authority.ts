import { foldForSearch } from '../search/fold'
import { councilOf } from './council-names'
import { LOCAL_AUTHORITIES } from './local-authorities-data'

export type Nation = 'England' | 'Wales' | 'Scotland' | 'Northern Ireland'

/** A local authority area, named by its ONS code (e.g. E08000032, Bradford). */
export interface LocalAuthority {
  code: string
  name: string
  nation: Nation
}

const BY_CODE = new Map(LOCAL_AUTHORITIES.map((authority) => [authority.code, authority]))

export function localAuthority(code: string): LocalAuthority | undefined {
  return BY_CODE.get(code)
}

export function isLocalAuthorityCode(code: string): boolean {
  return BY_CODE.has(code)
}

/** The name to show for a code, or the code itself if it is not (or no longer) in the list. */
export function localAuthorityName(code: string): string {
  return BY_CODE.get(code)?.name ?? code
}

/** How a letter names the council of an area, by its proper name: "Sheffield City Council" (see council-names.ts). */
export function councilName(code: string): string {
  const authority = BY_CODE.get(code)
  return authority ? councilOf(authority) : `${code} Council`
}

/** Local authorities whose name contains every word typed, best (prefix) matches first. */
export function findLocalAuthorities(text: string, limit = 20): LocalAuthority[] {
  const words = foldForSearch(text).split(/\s+/).filter(Boolean)
  if (words.length === 0) return []
  const matches = LOCAL_AUTHORITIES.filter((authority) => {
    const name = foldForSearch(authority.name)
    return words.every((word) => name.includes(word))
  })
  const startsWith = (authority: LocalAuthority) => foldForSearch(authority.name).startsWith(words[0]!)
  return matches.sort((a, b) => Number(startsWith(b)) - Number(startsWith(a)) || a.name.localeCompare(b.name, 'en-GB')).slice(0, limit)
}

export { LOCAL_AUTHORITIES }
