import { Counter, getConflicts, ImmutableString } from '@automerge/automerge/slim'
import { z } from 'zod'
import type { Person, PersonRef, Role } from '../people'
import { PHASES, type Phase } from '../case/phases'
import { MAX_CASELOAD_WEIGHT } from '../board/board'
import { toPlain, toStored, type Stored } from '../automerge/registers'
import type { IsoDate } from '../dates'
import { checkStoredValues, type Field } from '../forms/fields'
import { ValidationError } from '../validation'
import { lockAfterProblem } from '../session/idle-lock'
import { AGENCY_FIELDS, HOUSING_OPTIONS_FIELDS, LETTERHEAD_FIELDS, OUTREACH_TEAM_FIELDS, type OutreachTeam, type TeamImage, type TeamSettings } from './settings'
import { listedOrganisation, organisationKey, withAliases } from './outreach-teams'

export const TEAM_KIND = 'homeward/team'
/** 1: members and cases. 2: adds the learning-points log. 3: adds the settings the paperwork
 * draws on, and the list of scanned documents. 4: adds the list of case review meetings. */
export const TEAM_SCHEMA_VERSION = 4

/**
 * A learning point from a case's review (Tool 4, Step 11), for the next team meeting, with its
 * case: as the team's learning log shows it, and as versions before case schema 5 wrote it into
 * the team document (it now lives in its case, learning-points.ts).
 */
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
  /** Only points written before case schema 5, each moved into its case by the first laptop holding it. */
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
  const settings = toPlain<TeamSettings>(doc.settings)
  for (const directory of Object.keys(DIRECTORIES) as Directory[]) {
    ;(settings as unknown as Record<Directory, unknown>)[directory] = directoryEntries(doc, directory)
  }
  return settings
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

/**
 * Deletes points from the team document's learning log once they are in their cases
 * (`moveLearningPoints`): the log there is only what versions before case schema 5 wrote.
 */
export function forgetLearningPoints(doc: TeamDoc, ids: readonly string[]): void {
  for (const id of ids) delete doc.learningLog[id]
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
function replaceFields(target: Record<string, unknown>, values: Record<string, unknown>, keep: readonly string[] = []): void {
  for (const name of Object.keys(target)) if (!(name in values) && !keep.includes(name)) delete target[name]
  for (const [name, value] of Object.entries(values)) target[name] = toStored(value)
}

export function setLetterhead(doc: TeamDoc, values: Record<string, unknown>, today: IsoDate): void {
  replaceFields(doc.settings.letterhead as Record<string, unknown>, checkedForm(LETTERHEAD_FIELDS, values, today))
}

/**
 * Every map a directory has. A team document from before the list of outreach teams has no map for
 * it until its first entry, and two laptops adding their first entry while apart each make one:
 * Automerge keeps both, shows one, and holds the other as a conflict. Nothing is lost if every
 * reader takes the entries of all of them, and every writer writes an entry where it already is
 * (a new one in the map shown), and removes it from each. This is chosen over the server making
 * the map (a laptop alone or offline still adds entries) and over copying the hidden map's entries
 * into the shown one (a later edit on another laptop to the hidden copy would then be shadowed by
 * the stale one). The other settings maps (the letterhead, Housing Options, agencies,
 * signatures) are made with the settings themselves, by `newTeamDoc` or `upgradeTeamDoc` before the
 * document is shared, and the caseload weights are written whole: they cannot meet this race.
 */
function directoryMaps(settings: TeamDoc['settings'], directory: Directory): Record<string, Stored<Record<string, unknown>>>[] {
  const shown = settings[directory]
  const all = Object.values(getConflicts(settings, directory) ?? {})
  return [shown, ...all.filter((value) => value !== shown)].filter(isMap) as Record<string, Stored<Record<string, unknown>>>[]
}

/** A directory's entries, by id, from all its maps (see `directoryMaps`). */
export function directoryEntries<T = Record<string, unknown>>(doc: TeamDoc, directory: Directory): Record<string, T> {
  const entries: Record<string, T> = {}
  for (const map of directoryMaps(doc.settings, directory)) {
    for (const [id, entry] of Object.entries(map)) if (!(id in entries) && isMap(entry)) entries[id] = toPlain<T>(entry as Stored<T>)
  }
  return entries
}

/** The map holding this entry, if a directory has it. */
function mapHolding(doc: TeamDoc, directory: Directory, id: string): Record<string, Stored<Record<string, unknown>>> | undefined {
  return directoryMaps(doc.settings, directory).find((map) => isMap(map[id]))
}

/** Adds an entry to a directory, or edits one. */
export function putDirectoryEntry(doc: TeamDoc, directory: Directory, id: string, values: Record<string, unknown>, today: IsoDate): void {
  const checked = checkedForm(DIRECTORIES[directory], values, today)
  const holding = mapHolding(doc, directory, id)
  if (directory === 'outreachTeams') checkNewName(doc, id, checked.name as string)
  if (holding) {
    const entry = holding[id] as Record<string, unknown>
    // A rename keeps the old name: cases that name it still count under the entry.
    const before = toPlain<OutreachTeam>(entry as Stored<OutreachTeam>)
    if (directory === 'outreachTeams' && organisationKey(before.name) !== organisationKey(checked.name as string)) {
      entry.aliases = toStored(withAliases({ name: checked.name as string, aliases: before.aliases ?? [] }, [before.name]))
    }
    replaceFields(entry, checked, ['aliases'])
  } else {
    // A team document from before the list of outreach teams has none until its first entry.
    if (!isMap(doc.settings[directory])) doc.settings[directory] = {}
    ;(doc.settings[directory] as Record<string, unknown>)[id] = toStored(checked)
  }
}

/** One organisation, one entry: a name (or an old name) another entry has is refused. */
function checkNewName(doc: TeamDoc, id: string, name: string): void {
  const others = Object.entries(directoryEntries<OutreachTeam>(doc, 'outreachTeams')).filter(([other]) => other !== id)
  const listed = listedOrganisation(others.map(([, entry]) => entry), name)
  if (listed) throw new ValidationError([{ field: 'name', message: `${listed} is already on the list: merge the two instead` }])
}

export function removeDirectoryEntry(doc: TeamDoc, directory: Directory, id: string): void {
  for (const map of directoryMaps(doc.settings, directory)) delete map[id]
}

/**
 * Two entries of the list of outreach teams that are one organisation become one: `keepId` stays,
 * taking the other's name and aliases as its aliases, and the other goes. The cases are not
 * rewritten: what each says stays as typed, and counts under the kept entry.
 */
export function mergeOutreachTeams(doc: TeamDoc, mergedId: string, keepId: string): void {
  const entries = directoryEntries<OutreachTeam>(doc, 'outreachTeams')
  const merged = entries[mergedId]
  const kept = mapHolding(doc, 'outreachTeams', keepId)
  if (!merged || !kept || mergedId === keepId) {
    throw new ValidationError([{ field: 'id', message: 'Choose two different outreach teams on the list' }])
  }
  const keep = kept[keepId] as Record<string, unknown>
  keep.aliases = toStored(withAliases(entries[keepId]!, [merged.name, ...(merged.aliases ?? [])]))
  removeDirectoryEntry(doc, 'outreachTeams', mergedId)
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

/** The team's "Lock after N minutes idle" (the manager's; 1 to 60). */
export function setLockAfterMinutes(doc: TeamDoc, minutes: number): void {
  const problem = lockAfterProblem(minutes)
  if (problem) throw new ValidationError([{ field: 'lockAfterMinutes', message: problem }])
  doc.settings.lockAfterMinutes = minutes
}

const weight = z
  .number({ message: 'Enter a number' })
  .min(0, 'A weight cannot be below 0')
  .max(MAX_CASELOAD_WEIGHT, `A weight cannot be above ${MAX_CASELOAD_WEIGHT}`)
const caseloadWeightsSchema = z.strictObject(Object.fromEntries(PHASES.map((phase) => [phase, weight])) as Record<Phase, typeof weight>)
