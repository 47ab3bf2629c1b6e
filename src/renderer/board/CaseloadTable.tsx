import type { Caseload } from '../../shared/board/board'
import { PHASE_NAMES, PHASES, type Phase } from '../../shared/case/phases'
import { DataTable } from '../components/DataTable'

/** Each caseworker's open cases by phase, raw and weighted. */
export function CaseloadTable({ caseloads, weights }: { caseloads: Caseload[]; weights: Record<Phase, number> }) {
  if (caseloads.length === 0) return <p className="muted">Nobody in the team leads a case yet.</p>
  return (
    <DataTable
      caption="Caseload per caseworker, by phase"
      className="caseloads"
      scroll
      rows={caseloads}
      rowKey={(load) => load.caseworker.id}
      columns={[
        { heading: 'Caseworker', rowHeader: true, cell: (load) => load.caseworker.name },
        ...PHASES.map((phase) => ({
          key: phase,
          heading: (
            <>
              {PHASE_NAMES[phase]}
              <span className="caseloads__weight">×{weights[phase]}</span>
            </>
          ),
          numeric: true,
          cell: (load: Caseload) => load.byPhase[phase] || <span className="muted">0</span>,
        })),
        { heading: 'Cases', numeric: true, cell: (load) => load.cases },
        { heading: 'Weighted', numeric: true, cell: (load) => <strong>{load.weighted}</strong> },
      ]}
    />
  )
}
