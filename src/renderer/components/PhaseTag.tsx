import { closedLabel, type ClosedAs } from '../../shared/case/closed-label'
import { PHASES, phaseLabel, type Phase } from '../../shared/case/phases'

/** Where a case is: its phase, or "Closed — TYPE" once closed (never the phase it was closed in). */
export function PhaseTag({ phase, closedAs = null }: { phase: Phase; closedAs?: ClosedAs | null }) {
  if (closedAs) return <span className="phase-tag phase-tag--closed">{closedLabel(closedAs)}</span>
  return <span className={`phase-tag phase-tag--${PHASES.indexOf(phase) + 1}`}>{phaseLabel(phase)}</span>
}
