import { localAuthorityName } from './local-authority'

/**
 * A local authority area as a person names the place in a sentence: "settled in Edinburgh", not
 * "settled in City of Edinburgh". The authority's name (ONS's, and the council's, see
 * council-names.ts) stays for where the authority is meant; this is for running text about the place.
 * The City of London is the place's everyday name, so it is kept.
 */
export function placeName(code: string): string {
  const name = localAuthorityName(code)
  if (name === 'City of London') return name
  return name
    .replace(/^(?:City|County|Borough) of /, '')
    .replace(/, (?:City|County|Borough) of$/, '')
    .replace(/ City$/, '')
}
