import type { AuditRow } from '../../shared/audit/audit-entry'
import { formatUkDateTime } from '../../shared/dates'
import { may } from '../../shared/team/permissions'
import { useProfile } from '../app/contexts'
import { DataTable } from '../components/DataTable'
import { useApiQuery } from '../hooks/useApiQuery'

/** Who has seen this case, and who changed, exported or printed it: the manager's, in the case's History tab. */
export function CaseAudit({ caseId }: { caseId: string }) {
  const profile = useProfile()
  if (!may(profile.role, 'read-audit')) return null
  return <CaseAuditTable caseId={caseId} />
}

function CaseAuditTable({ caseId }: { caseId: string }) {
  const entries = useApiQuery('caseAudit', { caseId })
  return (
    <>
      <h3 className="subheading">Who has seen this case</h3>
      <p className="field__hint">
        Everyone who opened, changed, exported or printed this case, on which laptop, newest first. Only a team manager sees this. Another laptop’s entries
        arrive when it next syncs.
      </p>
      {entries.status === 'loading' && <p className="muted">Reading the audit…</p>}
      {entries.status === 'failed' && <p role="alert">The audit could not be read: {entries.message}</p>}
      {entries.status === 'ready' && <AuditTable caption="Who has seen this case, newest first" rows={entries.data} empty="Nobody is recorded as having seen this case yet." />}
    </>
  )
}

const ACTIONS: Record<AuditRow['action'], string> = { viewed: 'Viewed', changed: 'Changed', exported: 'Exported', printed: 'Printed', erased: 'Erased', restricted: 'Restricted' }

/** Audit entries as a table: when, who, what, on which laptop; one sent from another person’s laptop says so. */
export function AuditTable({ caption, rows, empty, showCase }: { caption: string; rows: AuditRow[]; empty: string; showCase?: (caseId: string) => React.ReactNode }) {
  return (
    <DataTable
      caption={caption}
      rows={rows}
      rowKey={(row) => row.id}
      rowClassName={(row) => (row.forged ? 'row--mismatch' : undefined)}
      rowDetail={(row) => row.forged && <p className="history__mismatch">Recorded as {row.who}, but sent from another person’s laptop.</p>}
      columns={[
        { heading: 'When', rowHeader: true, cell: (row) => formatUkDateTime(row.when) },
        // The laptop's clock can be wrong (or set back): the server's own time is shown beside it.
        { heading: 'Reached the server', cell: (row) => (row.received ? formatUkDateTime(row.received) : '—') },
        { heading: 'Who', cell: (row) => row.who },
        { heading: 'What', cell: (row) => [ACTIONS[row.action], row.detail].filter(Boolean).join(': ') },
        ...(showCase ? [{ heading: 'Case', cell: (row: AuditRow) => showCase(row.caseId) }] : []),
        { heading: 'Laptop', cell: (row) => row.device ?? 'This laptop' },
      ]}
      empty={empty}
    />
  )
}
