/**
 * The eight phases of the Safe Connections model of delivery (Toolkit, Tool 1), in order, with
 * the toolkit's own names.
 */
export const PHASES = [
  'identify',
  'allocate',
  'engage',
  'reconnection-planning',
  'reconnection',
  'intensive-support',
  'step-down',
  'closure-and-review',
] as const
export type Phase = (typeof PHASES)[number]

export const PHASE_NAMES: Record<Phase, string> = {
  identify: 'Identify',
  allocate: 'Allocate',
  engage: 'Engage',
  'reconnection-planning': 'Reconnection planning',
  reconnection: 'Reconnection',
  'intensive-support': 'Intensive support',
  'step-down': 'Step down of support',
  'closure-and-review': 'Case closure and review',
}

/** "Phase 1 – Identify" */
export function phaseLabel(phase: Phase): string {
  return `Phase ${PHASES.indexOf(phase) + 1} – ${PHASE_NAMES[phase]}`
}
