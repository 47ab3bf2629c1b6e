import { PHASES, phaseLabel, type Phase } from '../../shared/case/phases'

export function PhaseTag({ phase }: { phase: Phase }) {
  return <span className={`phase-tag phase-tag--${PHASES.indexOf(phase) + 1}`}>{phaseLabel(phase)}</span>
}
