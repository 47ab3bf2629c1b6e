import type { Person, PersonRef, Role } from '../people'
import { toPlain, toStored, type Stored } from '../automerge/registers'

export const TEAM_KIND = 'homeward/team'
/** 1: members and cases. 2: adds the learning-points log. */
export const TEAM_SCHEMA_VERSION = 2

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
  learningLog: Record<string, LearningPoint>
}

export type TeamDoc = Stored<TeamRecord>

export function newTeamDoc(): TeamDoc {
  return toStored<TeamRecord>({ kind: TEAM_KIND, schemaVersion: TEAM_SCHEMA_VERSION, members: {}, cases: {}, learningLog: {} })
}

/** Brings an older team document up to date (before it is shared, only its own core writes it). */
export function upgradeTeamDoc(doc: TeamDoc): void {
  if (!('learningLog' in doc)) (doc as unknown as Record<string, unknown>).learningLog = {}
  doc.schemaVersion = TEAM_SCHEMA_VERSION
}

export function addMember(doc: TeamDoc, person: Person): void {
  doc.members[person.id] = toStored({ name: person.name, role: person.role })
}

export function teamMembers(doc: TeamDoc): Person[] {
  return Object.entries(toPlain<TeamRecord['members']>(doc.members))
    .map(([id, member]) => ({ id, ...member }))
    .sort((a, b) => a.name.localeCompare(b.name, 'en-GB'))
}

export function addCaseToTeam(doc: TeamDoc, caseId: string, now: Date): void {
  doc.cases[caseId] = toStored({ addedAt: now.toISOString() })
}

export function teamCaseIds(doc: TeamDoc): string[] {
  return Object.keys(doc.cases)
}

export function addLearningPoint(doc: TeamDoc, id: string, point: LearningPoint): void {
  doc.learningLog[id] = toStored(point)
}
