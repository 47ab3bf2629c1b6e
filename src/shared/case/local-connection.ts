import { addDays, differenceInCalendarDays, parseISO, subMonths, subYears } from 'date-fns'
import { daysBetween, formatUkDate, isoDateOf, type IsoDate } from '../dates'
import type { Field, FieldValues } from '../forms/fields'
import { localAuthorityName } from '../places/local-authority'

/**
 * Local connection under section 199 of the Housing Act 1996: normal residence of the person's
 * own choice, employment, family associations or special circumstances. The residence test used by
 * local authorities: six of the last twelve months, or three of the last five years.
 */

export const ADDRESS_KINDS = [
  { value: 'own-tenancy', label: 'Own tenancy or home' },
  { value: 'with-family', label: 'With family or friends' },
  { value: 'supported', label: 'Hostel or supported housing' },
  { value: 'temporary', label: 'Temporary accommodation' },
  { value: 'prison', label: 'Prison' },
  { value: 'hospital', label: 'Hospital' },
  { value: 'rough-sleeping', label: 'Sleeping rough' },
  { value: 'other', label: 'Other' },
] as const

/** Detention and hospital stays are not residence of a person's own choice (s.199(3)). */
const NOT_OF_OWN_CHOICE = new Set(['prison', 'hospital'])
/** Sleeping rough is not normal residence: it never makes a local connection by itself. */
const NOT_RESIDENCE = new Set(['rough-sleeping'])

export const ADDRESS_FIELDS = [
  { name: 'address', label: 'Address', kind: 'text', required: true },
  { name: 'postcode', label: 'Postcode', kind: 'postcode' },
  { name: 'localAuthority', label: 'Local authority', kind: 'local-authority', required: true },
  { name: 'kind', label: 'Type of stay', kind: 'choice', options: ADDRESS_KINDS, required: true },
  { name: 'from', label: 'Lived there from', kind: 'date', notFuture: true, required: true },
  { name: 'to', label: 'Until', hint: 'Leave empty if they still live there', kind: 'date', notFuture: true },
  {
    name: 'ofOwnChoice',
    label: 'Lived there of their own choice',
    hint: 'Not prison, hospital or a placement they did not choose',
    kind: 'answer',
  },
  { name: 'evidence', label: 'Evidence seen', hint: 'For example, tenancy agreement or GP letter', kind: 'text' },
] as const satisfies readonly Field[]
export type AddressPeriod = FieldValues<typeof ADDRESS_FIELDS>

export const EMPLOYMENT_FIELDS = [
  { name: 'employer', label: 'Employer', kind: 'text', required: true },
  { name: 'localAuthority', label: 'Local authority where they work', kind: 'local-authority', required: true },
  { name: 'from', label: 'Employed from', kind: 'date', notFuture: true, required: true },
  { name: 'to', label: 'Until', hint: 'Leave empty if they still work there', kind: 'date', notFuture: true },
  { name: 'evidence', label: 'Evidence seen', kind: 'text' },
] as const satisfies readonly Field[]
export type Employment = FieldValues<typeof EMPLOYMENT_FIELDS>

export const RELATIONSHIPS = [
  { value: 'mother', label: 'Mother' },
  { value: 'father', label: 'Father' },
  { value: 'sister', label: 'Sister' },
  { value: 'brother', label: 'Brother' },
  { value: 'daughter', label: 'Adult daughter' },
  { value: 'son', label: 'Adult son' },
  { value: 'other', label: 'Other relative' },
] as const

/** Close family counts towards local connection when they have lived in the area this long. */
export const FAMILY_RESIDENCE_YEARS = 5

export const FAMILY_FIELDS = [
  { name: 'relationship', label: 'Relationship', kind: 'choice', options: RELATIONSHIPS, required: true },
  { name: 'name', label: 'Name', kind: 'text' },
  { name: 'localAuthority', label: 'Local authority where they live', kind: 'local-authority', required: true },
  { name: 'years', label: 'How long they have lived there (years)', kind: 'number', min: 0, max: 100, required: true },
  { name: 'evidence', label: 'Evidence seen', kind: 'text' },
] as const satisfies readonly Field[]
export type FamilyMember = FieldValues<typeof FAMILY_FIELDS>

export const SPECIAL_CIRCUMSTANCE_FIELDS = [
  { name: 'localAuthority', label: 'Local authority', kind: 'local-authority', required: true },
  { name: 'description', label: 'The special circumstances', kind: 'paragraph', required: true },
  { name: 'evidence', label: 'Evidence seen', kind: 'text' },
] as const satisfies readonly Field[]
export type SpecialCircumstance = FieldValues<typeof SPECIAL_CIRCUMSTANCE_FIELDS>

export interface ConnectionEvidence {
  addresses: AddressPeriod[]
  employment: Employment[]
  family: FamilyMember[]
  special: SpecialCircumstance[]
}

/** Whether, and how, a person is connected with one local authority as at a date. */
export interface AreaConnection {
  localAuthority: string
  /** Days of residence of their own choice in the last 12 months and the last 5 years. */
  residence: { daysInLastYear: number; daysInLastFiveYears: number; holds: false | '6 of 12 months' | '3 of 5 years' }
  employment: Employment[]
  family: FamilyMember[]
  special: SpecialCircumstance[]
  connected: boolean
}

/**
 * The local connection test for every area named in the evidence, as at `asAt`. Residence periods
 * run from their first day up to (not including) the day they ended, or to `asAt` if still open;
 * overlapping periods in one area are counted once, and a period in each of two areas counts for
 * both. "Six months" is the length of the six calendar months before `asAt` (so exactly six months
 * passes), likewise three years.
 */
export function testLocalConnection(evidence: ConnectionEvidence, asAt: IsoDate): AreaConnection[] {
  const areas = new Set([
    ...evidence.addresses.map((a) => a.localAuthority),
    ...evidence.employment.map((e) => e.localAuthority),
    ...evidence.family.map((f) => f.localAuthority),
    ...evidence.special.map((s) => s.localAuthority),
  ])
  const today = parseISO(asAt)
  const sixMonths = differenceInCalendarDays(today, subMonths(today, 6))
  const threeYears = differenceInCalendarDays(today, subYears(today, 3))
  return [...areas]
    .filter((code): code is string => Boolean(code))
    .map((localAuthority) => {
      const periods = evidence.addresses
        .filter((a) => a.localAuthority === localAuthority && countsAsResidence(a) && a.from)
        .map((a) => ({ from: a.from!, to: a.to }))
      const daysInLastYear = residenceDays(periods, isoDateOf(subMonths(today, 12)), asAt)
      const daysInLastFiveYears = residenceDays(periods, isoDateOf(subYears(today, 5)), asAt)
      const holds = daysInLastYear >= sixMonths ? '6 of 12 months' : daysInLastFiveYears >= threeYears ? '3 of 5 years' : false
      const employment = evidence.employment.filter(
        (e) => e.localAuthority === localAuthority && e.from !== undefined && e.from <= asAt && (e.to === undefined || e.to >= asAt),
      )
      const family = evidence.family.filter(
        (f) => f.localAuthority === localAuthority && f.relationship !== 'other' && (f.years ?? 0) >= FAMILY_RESIDENCE_YEARS,
      )
      const special = evidence.special.filter((s) => s.localAuthority === localAuthority)
      return {
        localAuthority,
        residence: { daysInLastYear, daysInLastFiveYears, holds },
        employment,
        family,
        special,
        connected: Boolean(holds) || employment.length > 0 || family.length > 0 || special.length > 0,
      } satisfies AreaConnection
    })
    .sort((a, b) => Number(b.connected) - Number(a.connected) || b.residence.daysInLastFiveYears - a.residence.daysInLastFiveYears)
}

function countsAsResidence(period: AddressPeriod): boolean {
  if (NOT_RESIDENCE.has(period.kind ?? '')) return false
  if (period.ofOwnChoice) return period.ofOwnChoice !== 'no'
  return !NOT_OF_OWN_CHOICE.has(period.kind ?? '')
}

/** Days covered by the union of periods within [windowStart, windowEnd). */
export function residenceDays(periods: { from: IsoDate; to?: IsoDate }[], windowStart: IsoDate, windowEnd: IsoDate): number {
  const clipped = periods
    .map(({ from, to }) => ({ from: from > windowStart ? from : windowStart, to: to === undefined || to > windowEnd ? windowEnd : to }))
    .filter(({ from, to }) => from < to)
    .sort((a, b) => a.from.localeCompare(b.from))
  let days = 0
  let coveredUntil = windowStart
  for (const { from, to } of clipped) {
    const start = from > coveredUntil ? from : coveredUntil
    if (to > start) {
      days += daysBetween(start, to)
      coveredUntil = to
    }
  }
  return days
}

const RELATIONSHIP_WORDS: Record<string, string> = {
  mother: 'mother',
  father: 'father',
  sister: 'sister',
  brother: 'brother',
  daughter: 'daughter',
  son: 'son',
  other: 'relative',
}

/**
 * One sentence for the covering letter: the basis of the client's local connection with an area,
 * in the terms of section 199. Each reason after the colon is a clause with its own subject
 * ("they have lived there…"), so the sentence reads whole; "they", since the case records no pronouns.
 */
export function localConnectionSentence(clientName: string, area: AreaConnection, asAt: IsoDate): string {
  const place = localAuthorityName(area.localAuthority)
  if (!area.connected) {
    return `On the evidence recorded as at ${formatUkDate(asAt)}, ${clientName} does not meet the local connection test for ${place}.`
  }
  const reasons: string[] = []
  if (area.residence.holds === '6 of 12 months') {
    reasons.push(`they have lived there of their own choice for ${monthsAndDays(area.residence.daysInLastYear)} of the last 12 months`)
  } else if (area.residence.holds === '3 of 5 years') {
    reasons.push(`they have lived there of their own choice for ${yearsAndMonths(area.residence.daysInLastFiveYears)} of the last 5 years`)
  }
  for (const job of area.employment) {
    reasons.push(`they work there, for ${job.employer}, since ${formatUkDate(job.from!)}`)
  }
  for (const relative of area.family) {
    const who = relative.name ? `their ${RELATIONSHIP_WORDS[relative.relationship!]}, ${relative.name},` : `their ${RELATIONSHIP_WORDS[relative.relationship!]}`
    reasons.push(`${who} has lived there for ${relative.years} years`)
  }
  for (const circumstance of area.special) reasons.push(`special circumstances apply: ${circumstance.description}`)
  return `${clientName} has a local connection with ${place} under section 199 of the Housing Act 1996: ${joinReasons(reasons)}.`
}

function joinReasons(reasons: string[]): string {
  if (reasons.length <= 1) return reasons.join('')
  return `${reasons.slice(0, -1).join('; ')}; and ${reasons.at(-1)}`
}

function monthsAndDays(days: number): string {
  const months = Math.floor(days / 30.44)
  return months >= 1 ? `${months} month${months === 1 ? '' : 's'}` : `${days} days`
}

function yearsAndMonths(days: number): string {
  const months = Math.floor(days / 30.44)
  const years = Math.floor(months / 12)
  const rest = months % 12
  return [years ? `${years} year${years === 1 ? '' : 's'}` : '', rest ? `${rest} month${rest === 1 ? '' : 's'}` : ''].filter(Boolean).join(' and ')
}

/** The latest date a still-open stay counts to, for display: the day before the test date. */
export function lastCountedDay(asAt: IsoDate): IsoDate {
  return isoDateOf(addDays(parseISO(asAt), -1))
}
