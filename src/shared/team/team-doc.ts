import type { Person, Role } from '../people'
import { toStored, type Stored } from '../automerge/registers'

export const TEAM_KIND = 'homeward/team'
export const TEAM_SCHEMA_VERSION = 1

/**
 * The team's shared document: who is in the team and which case documents belong to it. A map
 * keyed by document id (not a list) so that cases added on two laptops at once merge without
 * duplicates.
 */
export interface TeamRecord {
  kind: typeof TEAM_KIND
  schemaVersion: number
  members: Record<string, { name: string; role: Role }>
  cases: Record<string, { addedAt: string }>
}

export type TeamDoc = Stored<TeamRecord>

export function newTeamDoc(): TeamDoc {
  return toStored<TeamRecord>({ kind: TEAM_KIND, schemaVersion: TEAM_SCHEMA_VERSION, members: {}, cases: {} })
}

export function addMember(doc: TeamDoc, person: Person): void {
  doc.members[person.id] = toStored({ name: person.name, role: person.role })
}

export function addCaseToTeam(doc: TeamDoc, caseId: string, now: Date): void {
  doc.cases[caseId] = toStored({ addedAt: now.toISOString() })
}

export function teamCaseIds(doc: TeamDoc): string[] {
  return Object.keys(doc.cases)
}
