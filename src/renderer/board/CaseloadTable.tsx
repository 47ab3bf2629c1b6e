import type { Caseload } from '../../shared/board/board'
import { PHASE_NAMES, PHASES, type Phase } from '../../shared/case/phases'

/** Each caseworker's open cases by phase, raw and weighted. */
export function CaseloadTable({ caseloads, weights }: { caseloads: Caseload[]; weights: Record<Phase, number> }) {
  if (caseloads.length === 0) return <p className="muted">Nobody in the team leads a case yet.</p>
  return (
    <div className="table-scroll">
      <table className="table table--compact caseloads">
        <caption className="visually-hidden">Caseload per caseworker, by phase</caption>
        <thead>
          <tr>
            <th scope="col">Caseworker</th>
            {PHASES.map((phase) => (
              <th scope="col" key={phase} className="number">
                {PHASE_NAMES[phase]}
                <span className="caseloads__weight">×{weights[phase]}</span>
              </th>
            ))}
            <th scope="col" className="number">
              Cases
            </th>
            <th scope="col" className="number">
              Weighted
            </th>
          </tr>
        </thead>
        <tbody>
          {caseloads.map((load) => (
            <tr key={load.caseworker.id}>
              <th scope="row">{load.caseworker.name}</th>
              {PHASES.map((phase) => (
                <td key={phase} className="number">
                  {load.byPhase[phase] || <span className="muted">0</span>}
                </td>
              ))}
              <td className="number">{load.cases}</td>
              <td className="number">
                <strong>{load.weighted}</strong>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  )
}
