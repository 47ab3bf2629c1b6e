/**
 * UK postcodes checked for form (not for existence): outward code (area, district), a space, inward
 * code (sector digit and two unit letters), as in SW1A 1AA, M1 1AE, B33 8TH, CR2 6XH, DN55 1PT,
 * plus the special GIR 0AA. Spaces and case are forgiven on the way in.
 */
const POSTCODE = /^(GIR 0AA|[A-PR-UWYZ]([0-9][0-9A-HJKPSTUW]?|[A-HK-Y][0-9][0-9ABEHMNPRV-Y]?) [0-9][ABD-HJLNP-UW-Z]{2})$/

/** The postcode in its standard form ("sw1a1aa" → "SW1A 1AA"), or undefined if it cannot be one. */
export function normalisePostcode(text: string): string | undefined {
  const compact = text.replace(/\s+/g, '').toUpperCase()
  if (compact.length < 5 || compact.length > 7) return undefined
  const formatted = `${compact.slice(0, -3)} ${compact.slice(-3)}`
  return POSTCODE.test(formatted) ? formatted : undefined
}
