import { phaseLabel } from '../../shared/case/phases'
import { formatUkDate, formatUkDateTime } from '../../shared/dates'
import { useOpenCase } from './CaseContext'

const KINDS = { opened: 'Opened in', forward: 'Moved on to', back: 'Moved back to', closed: 'Closed in', merged: 'Duplicate merged in, in' } as const

/** Every phase change, with who made it, when, and why. */
export function HistoryView() {
  const { record } = useOpenCase()
  return (
    <section aria-labelledby="history-heading">
      <h2 id="history-heading">History</h2>
      <p className="field__hint">
        Case opened {formatUkDate(record.createdAt.slice(0, 10))} by {record.createdBy.name}. Every change is also signed in the case's own record.
      </p>
      <ol className="history">
        {[...record.phaseHistory].reverse().map((entry) => (
          <li key={entry.id}>
            <strong>
              {KINDS[entry.kind]} {phaseLabel(entry.to)}
            </strong>{' '}
            · {entry.by.name} · {formatUkDateTime(entry.at)}
            {entry.reason && <p className="history__reason">“{entry.reason}”</p>}
          </li>
        ))}
      </ol>
    </section>
  )
}
