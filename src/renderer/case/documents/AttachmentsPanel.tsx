import { useState } from 'react'
import { ATTACHMENT_FIELDS, attachmentsInOrder, type MediaType } from '../../../shared/case/attachments'
import * as change from '../../../shared/case/changes'
import { enclosureTitle } from '../../../shared/case/presentation-pack'
import { formatUkDate } from '../../../shared/dates'
import { displayValue } from '../../../shared/forms/fields'
import { useApi, useSession } from '../../app/contexts'
import { Confirm } from '../../components/Confirm'
import { DataTable } from '../../components/DataTable'
import { Problem } from '../../components/form'
import { Panel } from '../../components/Panel'
import { useCaseChange, useOpenCase } from '../CaseContext'
import { issuesOf } from '../../forms/issues'
import { AttachmentEditor, AttachmentUpload, sizeOf } from './AttachmentForms'
import { evidenceLabel, parseEvidenceValue } from './evidence'

const shareField = ATTACHMENT_FIELDS.find((field) => field.name === 'shareInPack')!
/** Files are shown by kind here, and loaded only when viewed: a case's scans can be large. */
const BADGES: Record<MediaType, string> = { 'application/pdf': 'PDF', 'image/jpeg': 'Photo', 'image/png': 'Image' }

/** The case's scanned documents, in the pack's order, with adding, changing, ordering and removing. */
export function AttachmentsPanel(props: {
  onView: (attachment: { id: string; title: string; mediaType: string }) => void
  /** An entry the next documents added are evidence for ("addresses:ID"), from its "Attach evidence" link. */
  evidenceFor?: string
}) {
  const { id: caseId, record } = useOpenCase()
  const changeCase = useCaseChange()
  const api = useApi()
  const { inTeam } = useSession()
  const [editing, setEditing] = useState<string | undefined>()
  const [confirmRemove, setConfirmRemove] = useState<string | undefined>()
  const [problem, setProblem] = useState<string | undefined>()
  const [removed, setRemoved] = useState<string | undefined>()
  const attachments = attachmentsInOrder(record.attachments)
  // A closed case's scans are shown and opened, never changed, until it is reopened (the change
  // functions refuse too, but only after a file was chosen).
  const closed = record.status === 'closed'

  return (
    <Panel id="attachments-heading" title="Scanned documents">
      <p className="field__hint">
        ID, proof of benefits, medical information, proof of address history, evidence of priority need: everything the presentation pack needs, in the
        order it goes in.
      </p>
      <DataTable
        caption="Scanned documents, in the order they go in the pack"
        className="attachments"
        rows={attachments}
        rowKey={(attachment) => attachment.id}
        empty="No documents yet."
        columns={[
          { heading: 'Kind of file', hiddenHeading: true, cell: (attachment) => <span className="file-badge">{BADGES[attachment.mediaType]}</span> },
          {
            heading: 'Document',
            cell: (attachment) => (
              <>
                <strong>{enclosureTitle(attachment)}</strong>
                <div className="muted small">
                  {attachment.fileName} · {attachment.pages} {attachment.pages === 1 ? 'page' : 'pages'} · {sizeOf(attachment.size)}
                </div>
                {attachment.evidenceFor && <div className="small">Evidence for: {evidenceLabel(record, attachment.evidenceFor) || 'an entry since removed'}</div>}
              </>
            ),
          },
          { heading: 'Dated', cell: (attachment) => formatUkDate(attachment.date) },
          { heading: 'In the pack', cell: (attachment) => displayValue(shareField, attachment.shareInPack) },
        ]}
        rowActions={{
          heading: 'Changes',
          cell: (attachment, index) => (
            <>
              <button type="button" className="link-button" onClick={() => props.onView({ id: attachment.id, title: enclosureTitle(attachment), mediaType: attachment.mediaType })}>
                View<span className="visually-hidden"> {attachment.fileName}</span>
              </button>
              {!closed && (
                <>
                  <button type="button" className="link-button" onClick={() => setEditing(attachment.id)}>
                    Change<span className="visually-hidden"> the details of {attachment.fileName}</span>
                  </button>
                  <button
                    type="button"
                    className="link-button"
                    disabled={index === 0}
                    onClick={() => changeCase((doc, context) => change.moveAttachment(doc, attachment.id, 'earlier', context))}
                  >
                    Move up<span className="visually-hidden"> {attachment.fileName}</span>
                  </button>
                  <button
                    type="button"
                    className="link-button"
                    disabled={index === attachments.length - 1}
                    onClick={() => changeCase((doc, context) => change.moveAttachment(doc, attachment.id, 'later', context))}
                  >
                    Move down<span className="visually-hidden"> {attachment.fileName}</span>
                  </button>
                  {confirmRemove === attachment.id ? (
                    <Confirm
                      question={inTeam ? `Take ${attachment.fileName} off this case?` : `Remove ${attachment.fileName}?`}
                      explanation={inTeam ? 'Its file stays with the team until a manager removes it from the team.' : 'Its file is deleted from this laptop.'}
                      yes={inTeam ? `Yes, take ${attachment.fileName} off the case` : `Yes, remove ${attachment.fileName}`}
                      onYes={() => {
                        setProblem(undefined)
                        api.call('removeAttachment', { caseId, attachmentId: attachment.id }).then(
                          ({ packsDeleted }) => {
                            setConfirmRemove(undefined)
                            const packs = packsDeleted > 0 ? `, with the ${packsDeleted === 1 ? 'pack' : `${packsDeleted} packs`} made here that enclosed it` : ''
                            setRemoved(
                              inTeam
                                ? `${attachment.fileName} was taken off the case${packs}. The file stays with the team until a manager removes it from the team.`
                                : `${attachment.fileName} was removed and its file deleted from this laptop${packs}.`,
                            )
                          },
                          (error: unknown) => setProblem(issuesOf(error)[0]?.message),
                        )
                      }}
                      no="No, keep it"
                      onNo={() => setConfirmRemove(undefined)}
                    />
                  ) : (
                    <button type="button" className="link-button" onClick={() => setConfirmRemove(attachment.id)}>
                      Remove<span className="visually-hidden"> {attachment.fileName}</span>
                    </button>
                  )}
                </>
              )}
            </>
          ),
        }}
      />
      <Problem text={problem} />
      {removed && (
        <p className="notice" role="status">
          {removed}
        </p>
      )}
      {closed && <p className="notice">The case is closed: scans cannot be added, changed or removed until it is reopened.</p>}
      {!closed && editing && record.attachments[editing] && (
        <AttachmentEditor key={editing} id={editing} attachment={record.attachments[editing]} onDone={() => setEditing(undefined)} />
      )}
      {!closed && props.evidenceFor && evidenceLabel(record, parseEvidenceValue(props.evidenceFor) ?? undefined) && (
        <p className="notice">Documents you add now are evidence for {evidenceLabel(record, parseEvidenceValue(props.evidenceFor) ?? undefined)}.</p>
      )}
      {!closed && (
        <AttachmentUpload
          key={props.evidenceFor ?? ''}
          {...(props.evidenceFor
            ? { preset: { evidenceFor: props.evidenceFor, type: props.evidenceFor.startsWith('addresses:') ? 'address-history' : 'local-connection' } }
            : {})}
        />
      )}
    </Panel>
  )
}
