import { REFERRER_KINDS } from './outreach-teams'
import type { Field, FieldValues } from '../forms/fields'
import type { Phase } from '../case/phases'

/** The team's letterhead, at the top of every letter and pack. */
export const LETTERHEAD_FIELDS = [
  { name: 'organisation', label: 'Organisation name', kind: 'text', required: true },
  { name: 'teamName', label: 'Team name', hint: 'For example, "Safe Connections team"', kind: 'text' },
  { name: 'address', label: 'Address', hint: 'One line each', kind: 'paragraph', required: true },
  { name: 'phone', label: 'Phone', kind: 'phone', required: true },
  { name: 'email', label: 'Email', kind: 'email', required: true },
  { name: 'charityNumber', label: 'Registered charity number', kind: 'text', width: 'medium' },
] as const satisfies readonly Field[]
export type Letterhead = FieldValues<typeof LETTERHEAD_FIELDS>

/** A local authority's Housing Options team: where a presentation pack is addressed. */
export const HOUSING_OPTIONS_FIELDS = [
  { name: 'localAuthority', label: 'Local authority', kind: 'local-authority', required: true },
  { name: 'contactName', label: 'Contact name', hint: 'The Housing Options Officer or Manager', kind: 'text' },
  { name: 'teamName', label: 'Team', hint: 'For example, "Housing Options"', kind: 'text' },
  { name: 'address', label: 'Address', hint: 'One line each', kind: 'paragraph', required: true },
  { name: 'phone', label: 'Phone', kind: 'phone' },
  { name: 'email', label: 'Email', kind: 'email' },
  { name: 'outOfHours', label: 'Out-of-hours number', hint: 'For someone homeless tonight', kind: 'phone' },
] as const satisfies readonly Field[]
export type HousingOptionsContact = FieldValues<typeof HOUSING_OPTIONS_FIELDS>

/** A support service in a client's new area, as the closure letter lists it. */
export const AGENCY_FIELDS = [
  { name: 'name', label: 'Name', kind: 'text', required: true },
  { name: 'localAuthority', label: 'Local authority it serves', kind: 'local-authority', required: true },
  { name: 'service', label: 'What it offers', hint: 'For example, "Floating support" or "Drug and alcohol service"', kind: 'text' },
  { name: 'address', label: 'Address', kind: 'paragraph' },
  { name: 'phone', label: 'Phone', kind: 'phone' },
  { name: 'openingTimes', label: 'Opening times', kind: 'text' },
  { name: 'outOfHours', label: 'Out-of-hours number', kind: 'phone' },
  { name: 'crisis', label: 'Crisis number', kind: 'phone' },
] as const satisfies readonly Field[]
export type Agency = FieldValues<typeof AGENCY_FIELDS>

/** An outreach team (a referring organisation), as the referral form offers it (see outreach-teams.ts). */
export const OUTREACH_TEAM_FIELDS = [
  { name: 'name', label: 'Name', kind: 'text', required: true },
  { name: 'kind', label: 'Kind of organisation', kind: 'choice', options: REFERRER_KINDS },
] as const satisfies readonly Field[]
export type OutreachTeam = FieldValues<typeof OUTREACH_TEAM_FIELDS> & {
  /** Names it had before a rename, or of entries merged into it: cases naming them count under it. */
  aliases?: string[]
}

/** A logo or a signature: a small PNG or JPEG. */
export interface TeamImage {
  mediaType: 'image/png' | 'image/jpeg'
  bytes: Uint8Array
}

/** Logos and signatures are small; a larger file is probably a whole photo by mistake. */
export const MAX_TEAM_IMAGE_BYTES = 1024 * 1024

/** Why an image of this size is refused as a logo or signature, or undefined if its size is fine. */
export function imageSizeRefusal(size: number): string | undefined {
  return size > MAX_TEAM_IMAGE_BYTES ? 'the image is over 1 MB. Save it smaller and try again.' : undefined
}

export interface TeamSettings {
  letterhead: Partial<Letterhead>
  logo?: TeamImage
  housingOptions: Record<string, HousingOptionsContact>
  agencies: Record<string, Agency>
  /** The outreach teams referrals come from; absent from team documents made before the list was kept. */
  outreachTeams?: Record<string, OutreachTeam>
  /** Each member's signature, by their id, for the letters they sign. */
  signatures: Record<string, TeamImage>
  /** The Standard Caseload Equivalent weight of each phase, where the team has set its own. */
  caseloadWeights?: Partial<Record<Phase, number>>
  /** Lock after this many minutes idle, where the team has chosen (see `session/idle-lock.ts`). */
  lockAfterMinutes?: number
  /** How long closed cases are kept, and what then (see `retention.ts`); the default where not set. */
  retention?: { action: string; years: number }
}

/** The parts of the team's settings the paperwork's contents depend on (not its images). */
export type PaperworkSettings = Pick<TeamSettings, 'letterhead' | 'housingOptions' | 'agencies'>

/** Who the letterhead still lacks, in words, or none. */
export function letterheadProblems(letterhead: Partial<Letterhead>): string[] {
  return (LETTERHEAD_FIELDS as readonly Field[]).filter((field) => field.required && !letterhead[field.name as keyof Letterhead]).map(
    (field) => `The team's letterhead has no ${field.label.toLowerCase()} (Team settings)`,
  )
}
