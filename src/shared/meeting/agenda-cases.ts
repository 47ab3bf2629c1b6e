import { erasures } from '../team/erasures'
import { restrictions } from '../team/restrictions'
import type { TeamDoc } from '../team/team-doc'

/**
 * The cases kept off a team meeting's agenda, whether the board suggests them or someone adds one by
 * hand: every restricted case (even on a laptop allowed it), and every erased one. Not offered with
 * a warning: the toolkit's team case review is for the whole team, and a meeting is a document every
 * laptop holds, with its history, so once a restricted case's words are typed there they can never
 * be taken back from the people it was restricted against. A manager expects a restricted case to be
 * discussed with its named people, outside the team meeting, as it is with the suggested agenda.
 */
export function keptOffAgenda(team: TeamDoc): Set<string> {
  return new Set([...Object.keys(restrictions(team)), ...Object.keys(erasures(team))])
}

/** The cases that may be added to a meeting's agenda by hand, of those offered (the board's). */
export function casesForAgenda<Row extends { id: string }>(rows: readonly Row[], team: TeamDoc): Row[] {
  const kept = keptOffAgenda(team)
  return rows.filter((row) => !kept.has(row.id))
}
