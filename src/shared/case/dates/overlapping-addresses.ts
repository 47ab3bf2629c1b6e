import { formatUkDate, type IsoDate } from '../../dates'

interface Stay {
  address: string
  from: IsoDate
  to?: IsoDate
}

/**
 * Addresses whose dates overlap: a warning, not a refusal, since two places at once is rare but
 * possible (a tenancy kept on while in hospital or prison). Moving on the day the last stay ended
 * is not an overlap. A stay with no end runs to today.
 */
export function overlappingAddresses(addresses: Record<string, Stay>, today: IsoDate): string[] {
  const stays = Object.values(addresses).sort((a, b) => a.from.localeCompare(b.from))
  const warnings: string[] = []
  stays.forEach((earlier, i) => {
    for (const later of stays.slice(i + 1)) {
      if (later.from < (earlier.to ?? today)) {
        warnings.push(`${describe(earlier)} and ${describe(later)} overlap: check the dates (two places at once is rare)`)
      }
    }
  })
  return warnings
}

function describe(stay: Stay): string {
  return `${stay.address} (from ${formatUkDate(stay.from)}${stay.to ? ` until ${formatUkDate(stay.to)}` : ''})`
}
