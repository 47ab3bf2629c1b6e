import { Counter, ImmutableString } from '@automerge/automerge/slim'
import { z } from 'zod'
import type { Person, PersonRef, Role } from '../people'
import { PHASES, type Phase } from '../case/phases'
import { MAX_CASELOAD_WEIGHT } from '../board/board'
import { toPlain, toStored, type Stored } from '../automerge/registers'
import type { IsoDate } from '../dates'
import { checkStoredValues, type Field } from '../forms/fields'
import { ValidationError } from '../validation'
import { AGENCY_FIELDS, HOUSING_OPTIONS_FIELDS, LETTERHEAD_FIELDS, OUTREACH_TEAM_FIELDS, type TeamImage, type TeamSettings } from './settings'

export const TEAM_KIND = 'homeward/team'
/** 1: members and cases. 2: adds the learning-points log. 3: adds the settings the paperwork
 * draws on, and the list of scanned documents. 4: adds the list of case review meetings. */
export const TEAM_SCHEMA_VERSION = 4

/** A learning point from a case's review (Tool 4, Step 11), for the next team meeting. */
export interface LearningPoint {
  caseId: string
  text: string
  by: PersonRef
  at: string
  /** Set when a team meeting has reviewed it. */
  reviewedAt?: string
}

/**
 * The team's shared document: who is in the team, which case documents belong to it, and the
 * learning log. Maps keyed by id (not lists) so that what two laptops add at once merges without
 * duplicates.
 */
export interface TeamRecord {
  kind: typeof TEAM_KIND
  schemaVersion: number
  members: Record<string, { name: string; role: Role }>
  cases: Record<string, { addedAt: string }>
  /** The documents holding scanned files, with the case each belongs to: team documents too. */
  attachments: Record<string, { caseId: string; addedAt: string }>
  learningLog: Record<string, LearningPoint>
  settings: TeamSettings
  /** The team's case review meetings: each its own document, shared like a case. */
  meetings: Record<string, { startedAt: string }>
}

export type TeamDoc = Stored<TeamRecord>

function emptySettings(): TeamSettings {
  return { letterhead: {}, housingOptions: {}, agencies: {}, outreachTeams: {}, signatures: {} }
}

export function newTeamDoc(): TeamDoc {
  return toStored<TeamRecord>({
    kind: TEAM_KIND,
    schemaVersion: TEAM_SCHEMA_VERSION,
    members: {},
    cases: {},
    attachments: {},
    learningLog: {},
    settings: emptySettings(),
    meetings: {},
  })
}

/** Brings an older team document up to date (before it is shared, only its own core writes it). */
export function upgradeTeamDoc(doc: TeamDoc): void {
  const parts = doc as unknown as Record<string, unknown>
  if (!('learningLog' in parts)) parts.learningLog = {}
  if (!('attachments' in parts)) parts.attachments = {}
  if (!('settings' in parts)) parts.settings = toStored(emptySettings())
  if (!('meetings' in parts)) parts.meetings = {}
  doc.schemaVersion = TEAM_SCHEMA_VERSION
}

export function teamSettings(doc: TeamDoc): TeamSettings {
  return toPlain<TeamSettings>(doc.settings)
}

export function addMember(doc: TeamDoc, person: Person): void {
  doc.members[person.id] = toStored({ name: person.name, role: person.role })
}

/** A map in a document: not a list, a string, a number, a date, a counter, bytes or a register. */
export function isMap(value: unknown): value is Record<string, unknown> {
  return (
    typeof value === 'object' &&
    value !== null &&
    !Array.isArray(value) &&
    !(value instanceof ImmutableString) &&
    !(value instanceof Counter) &&
    !(value instanceof Date) &&
    !(value instanceof Uint8Array)
  )
}

/**
 * One of the team document's maps, or an empty one if a laptop's bad write left something else
 * there: the server puts the map back, and until its change arrives nothing here fails on it.
 */
export function mapIn<T>(value: Record<string, T> | undefined): Record<string, T> {
  return isMap(value) ? (value as Record<string, T>) : {}
}

export function teamMembers(doc: TeamDoc): Person[] {
  return Object.entries(toPlain<TeamRecord['members']>(mapIn(doc.members)))
    .map(([id, member]) => ({ id, ...member }))
    .sort((a, b) => a.name.localeCompare(b.name, 'en-GB'))
}

export function addCaseToTeam(doc: TeamDoc, caseId: string, now: Date): void {
  doc.cases[caseId] = toStored({ addedAt: now.toISOString() })
}

export function teamCaseIds(doc: TeamDoc): string[] {
  return Object.keys(mapIn(doc.cases))
}

export function addMeetingToTeam(doc: TeamDoc, meetingId: string, now: Date): void {
  doc.meetings[meetingId] = toStored({ startedAt: now.toISOString() })
}

/** A team meeting has reviewed these learning points (Tool 4, Step 11). */
export function markLearningPointsReviewed(doc: TeamDoc, ids: readonly string[], now: Date): void {
  for (const id of ids) {
    const point = doc.learningLog[id]
    if (point && !point.reviewedAt) point.reviewedAt = toStored(now.toISOString())
  }
}

export function addLearningPoint(doc: TeamDoc, id: string, point: LearningPoint): void {
  doc.learningLog[id] = toStored(point)
}

/** The settings' directories, each a map of entries keyed by id. */
export const DIRECTORIES = { housingOptions: HOUSING_OPTIONS_FIELDS, agencies: AGENCY_FIELDS, outreachTeams: OUTREACH_TEAM_FIELDS } as const
export type Directory = keyof typeof DIRECTORIES

/** A whole form of the settings (the letterhead, or one directory entry), checked. */
function checkedForm(fields: readonly Field[], values: Record<string, unknown>, today: IsoDate): Record<string, unknown> {
  const unknown = Object.keys(values).filter((name) => !fields.some((field) => field.name === name))
  if (unknown.length > 0) throw new ValidationError(unknown.map((field) => ({ field, message: 'Not a field of this form' })))
  const checked = checkStoredValues(fields, values, today, { complete: true })
  if (!checked.ok) throw new ValidationError(checked.issues)
  return checked.value
}

/**
 * Sets a form's fields in place, one by one, and removes those emptied: an edit on another laptop
 * to a different field of the same form survives the merge.
 */
function replaceFields(target: Record<string, unknown>, values: Record<string, unknown>): void {
  for (const name of Object.keys(target)) if (!(name in values)) delete target[name]
  for (const [name, value] of Object.entries(values)) target[name] = toStored(value)
}

export function setLetterhead(doc: TeamDoc, values: Record<string, unknown>, today: IsoDate): void {
  replaceFields(doc.settings.letterhead as Record<string, unknown>, checkedForm(LETTERHEAD_FIELDS, values, today))
}

/** Adds an entry to a directory, or edits one. */
export function putDirectoryEntry(doc: TeamDoc, directory: Directory, id: string, values: Record<string, unknown>, today: IsoDate): void {
  // A team document from before the list of outreach teams has none until its first entry.
  if (!isMap(doc.settings[directory])) doc.settings[directory] = {}
  const entries = doc.settings[directory] as Record<string, Record<string, unknown>>
  const checked = checkedForm(DIRECTORIES[directory], values, today)
  if (entries[id]) replaceFields(entries[id], checked)
  else entries[id] = toStored(checked)
}

export function removeDirectoryEntry(doc: TeamDoc, directory: Directory, id: string): void {
  if (isMap(doc.settings[directory])) delete doc.settings[directory][id]
}

/** Sets or clears the logo, or a member's signature. The image has been checked by the caller. */
export function setTeamImage(doc: TeamDoc, which: { logo: true } | { signatureOf: string }, image: TeamImage | null): void {
  if ('logo' in which) {
    if (image) doc.settings.logo = toStored(image)
    else delete doc.settings.logo
  } else if (image) {
    doc.settings.signatures[which.signatureOf] = toStored(image)
  } else {
    delete doc.settings.signatures[which.signatureOf]
  }
}

/**
 * Sets the team's caseload weights, all at once: the map is written whole, so two managers saving
 * at once end with one of the two sets, never a mix (and no map is made by an upgrade on two
 * laptops at once).
 */
export function setCaseloadWeights(doc: TeamDoc, weights: Record<Phase, number>): void {
  const checked = caseloadWeightsSchema.safeParse(weights)
  if (!checked.success) {
    throw new ValidationError(checked.error.issues.map((issue) => ({ field: String(issue.path[0] ?? 'weights'), message: issue.message })))
  }
  doc.settings.caseloadWeights = toStored(checked.data)
}

const weight = z
  .number({ message: 'Enter a number' })
  .min(0, 'A weight cannot be below 0')
  .max(MAX_CASELOAD_WEIGHT, `A weight cannot be above ${MAX_CASELOAD_WEIGHT}`)
const caseloadWeightsSchema = z.strictObject(Object.fromEntries(PHASES.map((phase) => [phase, weight])) as Record<Phase, typeof weight>)
