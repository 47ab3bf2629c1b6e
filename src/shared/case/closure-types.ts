/*
 * Tool 4's closure types, apart from the closure's rules and fields (`closure.ts`) so that a list
 * naming a closed case (`closed-label.ts`, on the board) does not load them.
 */

/** `short`: how a list names a case closed this way, after "Closed —" (closed-label.ts). */
export const CLOSURE_TYPES = [
  { value: 'planned', label: 'Planned: the reconnection is sustained', short: 'planned' },
  { value: 'unplanned', label: 'Unplanned', short: 'unplanned' },
  { value: 'no-progress', label: 'No progress over a sustained period', short: 'no progress' },
  { value: 'inappropriate', label: 'Reconnection not appropriate', short: 'not appropriate' },
  { value: 'no-provision', label: 'No reconnection possible: no provision in the area of connection', short: 'no provision' },
] as const
export type ClosureType = (typeof CLOSURE_TYPES)[number]['value']
