import { daysBetween, isoDateOf, type IsoDate } from '../dates'
import { openActionsAreWork } from '../case/closed-case-actions'
import { markerFacts, markerTags, type MarkerFacts, type MarkerTag } from '../case/current-markers'
import { flagFacts, flagsOf, type CaseFlag, type FlagFacts } from '../case/flags'
import { PHASES, type Phase } from '../case/phases'
import type { CaseRecord } from '../case/record'
import type { CaseSummary } from '../case/summary'
import type { Person, PersonRef } from '../people'
import { taskFacts, type TaskFacts } from '../tasks/my-tasks'
import { personNameKey } from '../team/same-person-name'

/** What the case index holds for the caseload board, beyond the case list's row. */
export interface BoardFacts extends FlagFacts {
  leadCaseworkerId: string | null
  /** The day the case entered its phase. */
  phaseSince: IsoDate
  /** The open action due soonest (on a closed case, not shown: `openActionsAreWork`). */
  nextAction: { description: string; due: IsoDate; owner: string } | null
  /** Every warning marker, ended or not: which are current depends on the day the board is read. */
  markers: MarkerFacts[]
  /** What "My tasks" reads beyond the flags' facts (src/shared/tasks/). */
  tasks: TaskFacts
  /** The day a closed case closed: the team's retention counts from it (`CaseIndex.closedCases`). */
  closedOn: IsoDate | null
}

export function boardFacts(record: CaseRecord): BoardFacts {
  // A merge is recorded in the history but leaves the phase as it was.
  const entered = record.phaseHistory.filter((step) => step.kind !== 'merged').at(-1)
  const next = Object.values(record.actions)
    .filter((action) => !action.doneOn)
    .sort((a, b) => a.due.localeCompare(b.due))[0]
  return {
    ...flagFacts(record),
    leadCaseworkerId: record.allocation.leadCaseworker?.id ?? null,
    phaseSince: isoDateOf(new Date(entered?.at ?? record.createdAt)),
    nextAction: next ? { description: next.description, due: next.due, owner: next.owner.name } : null,
    markers: markerFacts(record.markers),
    tasks: taskFacts(record),
    closedOn: record.status === 'closed' ? (record.outcome?.closedOn ?? null) : null,
  }
}

/**
 * Which cases the board shows: every open case, and a closed one only while a follow-up check after
 * closure is due (the index holds a closed case while it owes one, due or not: today decides). A
 * case closed last week, its first check three months off, is not the team's work today.
 */
export function onTheBoard(row: Pick<BoardRow, 'closedAs' | 'flags'>): boolean {
  return !row.closedAs || row.flags.some((flag) => flag.kind === 'follow-up-due')
}

/** One open case on the board (or a closed one with a follow-up check due: `closedAs` says how it closed). */
export interface BoardRow {
  id: string
  clientName: string
  chainNumber: string | null
  phase: Phase
  closedAs: CaseSummary['closedAs']
  leadCaseworker: PersonRef | null
  daysInPhase: number
  lastContact: IsoDate | null
  flags: CaseFlag[]
  nextAction: BoardFacts['nextAction']
  receivedOn: IsoDate
  closurePoint: IsoDate | null
  /** The current warning markers ("Risk to staff"). */
  markers: MarkerTag[]
}

export function boardRow(summary: CaseSummary, facts: BoardFacts, today: IsoDate): BoardRow {
  return {
    id: summary.id,
    clientName: summary.clientName,
    chainNumber: summary.chainNumber,
    phase: summary.phase,
    closedAs: summary.closedAs,
    leadCaseworker: facts.leadCaseworkerId && summary.leadCaseworker ? { id: facts.leadCaseworkerId, name: summary.leadCaseworker } : null,
    daysInPhase: Math.max(0, daysBetween(facts.phaseSince, today)),
    lastContact: facts.lastContact,
    flags: flagsOf(facts, today),
    nextAction: openActionsAreWork(facts.status) ? facts.nextAction : null,
    receivedOn: facts.receivedOn,
    closurePoint: facts.closurePoint,
    markers: markerTags(facts.markers, today),
  }
}

/**
 * The Standard Caseload Equivalent (Homeless Link, Case Management in the Homelessness Sector,
 * the CTI example): a case counts for more where a phase asks more of the caseworker. The example
 * weighs the time before the move at 1.5, the first three months after it at 2, then 1 and 0.5;
 * Homeward maps that onto the toolkit's eight phases. A team can set its own in Team settings.
 */
export const DEFAULT_CASELOAD_WEIGHTS: Record<Phase, number> = {
  identify: 1,
  allocate: 1,
  engage: 1.5,
  'reconnection-planning': 1.5,
  reconnection: 2,
  'intensive-support': 2,
  'step-down': 1,
  'closure-and-review': 0.5,
}
export const MAX_CASELOAD_WEIGHT = 10

/** The team's weights, with the defaults for any phase it has not set. */
export function caseloadWeights(saved: Partial<Record<Phase, number>> | undefined): Record<Phase, number> {
  return Object.fromEntries(PHASES.map((phase) => [phase, saved?.[phase] ?? DEFAULT_CASELOAD_WEIGHTS[phase]])) as Record<Phase, number>
}

/** One caseworker's open cases, counted raw and weighted. */
export interface Caseload {
  caseworker: PersonRef
  byPhase: Record<Phase, number>
  cases: number
  weighted: number
}

/**
 * Each member's caseload, lightest weighted caseload first (who has room for a new referral), and
 * anyone leading cases who is no longer a member.
 */
export function caseloads(rows: readonly BoardRow[], members: readonly Person[], weights: Record<Phase, number>): Caseload[] {
  const byId = new Map<string, Caseload>()
  const empty = (caseworker: PersonRef): Caseload => ({
    caseworker,
    byPhase: Object.fromEntries(PHASES.map((phase) => [phase, 0])) as Record<Phase, number>,
    cases: 0,
    weighted: 0,
  })
  for (const member of members) byId.set(member.id, empty({ id: member.id, name: member.name }))
  // One person, one row: a lead named by an id the team no longer has (a laptop's own id for its
  // person before it joined the team as them) counts under the member of that name.
  const memberNamed = new Map(members.map((member) => [personNameKey(member.name), member.id]))
  for (const row of rows) {
    // A closed case owed a follow-up check is on the board, but is no longer caseload.
    if (!row.leadCaseworker || row.closedAs) continue
    const id = byId.has(row.leadCaseworker.id) ? row.leadCaseworker.id : (memberNamed.get(personNameKey(row.leadCaseworker.name)) ?? row.leadCaseworker.id)
    const load = byId.get(id) ?? empty(row.leadCaseworker)
    byId.set(id, load)
    load.byPhase[row.phase]++
    load.cases++
    load.weighted += weights[row.phase]
  }
  return [...byId.values()].sort((a, b) => a.weighted - b.weighted || a.caseworker.name.localeCompare(b.caseworker.name, 'en-GB'))
}

/** The board as the app and `homeward board` show it. */
export interface Board {
  today: IsoDate
  rows: BoardRow[]
  caseloads: Caseload[]
  weights: Record<Phase, number>
}

export { BOARD_SORTS, filterBoard, MARKER_FILTERS, sortBoard, type BoardFilter, type BoardSort, type MarkerFilter } from './board-rows'
