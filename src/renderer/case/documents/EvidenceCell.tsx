import { Link } from 'react-router'
import type { EvidenceCollection } from '../../../shared/case/attachments'
import { enclosureTitle } from '../../../shared/case/presentation-pack'
import { useOpenCase } from '../CaseContext'

/**
 * In the address history and the local connection lists: the scanned documents that are evidence
 * for an entry, and a link to attach one, except on a closed case (its scans cannot be added to).
 */
export function EvidenceCell({ collection, itemId, itemName }: { collection: EvidenceCollection; itemId: string; itemName: string }) {
  const { id: caseId, record } = useOpenCase()
  const linked = Object.values(record.attachments).filter(
    (attachment) => attachment.evidenceFor?.collection === collection && attachment.evidenceFor.itemId === itemId,
  )
  return (
    <>
      {linked.map((attachment) => (
        <div key={attachment.sha256 + attachment.addedAt} className="small">
          <Link to={`/cases/${caseId}/documents`}>{enclosureTitle(attachment)}</Link>
        </div>
      ))}
      {record.status !== 'closed' && (
        <Link className="small" to={`/cases/${caseId}/documents?evidence=${collection}:${encodeURIComponent(itemId)}`}>
          Attach evidence<span className="visually-hidden"> for {itemName}</span>
        </Link>
      )}
    </>
  )
}
