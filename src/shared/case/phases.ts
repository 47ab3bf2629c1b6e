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

/** What each phase is for, in the toolkit's words (Tool 1 and Tool 2). */
export const PHASE_DESCRIPTIONS: Record<Phase, string> = {
  identify: 'A client is identified as suitable for referral to the project: the referrer assesses suitability, and the team checks the referral against the three criteria.',
  allocate: 'The client is allocated to a lead caseworker, and the outreach team and CHAIN are told who the lead worker is.',
  engage:
    'Building a relationship of trust: securing consent to record information and liaise with other agencies, explaining the service and the reconnection process, and confirming the information passed on by the referrer, including housing history.',
  'reconnection-planning':
    'Working with the client on a plan for a safe, supported connection to an area that offers suitable accommodation and a way off the street: early contact with the destination authority, the paperwork, and preparation.',
  reconnection:
    'The move itself: a risk assessment before the move, the presentation at Housing Options with the presentation pack, the travel, and confirming the client has arrived.',
  'intensive-support':
    'Support in the new area for up to three months: healthcare and treatment, new local support, emotional support and coaching, a move-in kit, and help with money.',
  'step-down':
    'Once the client has begun to stabilise, support is scaled back and handed over to local agencies, usually three to four weeks after reconnection.',
  'closure-and-review':
    "The case closes when the client is accommodated and supported locally (Tool 4): the client is told by letter, agencies are told, the team reviews the case, and learning points go to the team's log.",
}
