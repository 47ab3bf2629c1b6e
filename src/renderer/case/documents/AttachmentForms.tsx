import { useRef, useState } from 'react'
import { ATTACHMENT_FIELDS, MAX_ATTACHMENT_BYTES, sizeRefusal, type AttachmentRecord } from '../../../shared/case/attachments'
import * as change from '../../../shared/case/changes'
import { changedValues, formValues, type FormValues } from '../../../shared/forms/fields'
import { useApi } from '../../app/contexts'
import { SelectField } from '../../components/form'
import { EditForm } from '../../forms/EditForm'
import { readForTransfer } from '../../platform/files'
import { useCaseChange, useOpenCase } from '../CaseContext'
import { evidenceOptions, evidenceValue, parseEvidenceValue } from './evidence'

const ACCEPT = '.pdf,.jpg,.jpeg,.png,application/pdf,image/jpeg,image/png'
const GROUPS = [{ title: 'About this document', fields: ATTACHMENT_FIELDS }]

/**
 * Adding scanned documents: drop files on the area or choose them, then say what each one is. Files
 * are checked by the core (by what they hold, not their names); one it refuses is named with why.
 */
export function AttachmentUpload(props: { preset?: { evidenceFor?: string; type?: string } }) {
  const { id: caseId, record } = useOpenCase()
  const api = useApi()
  const [queue, setQueue] = useState<{ file: File; serial: number }[]>([])
  const [refused, setRefused] = useState<string[]>([])
  const serial = useRef(0)
  const [dragging, setDragging] = useState(false)
  const [values, setValues] = useState<FormValues>(() => initialValues(props.preset?.type))
  const [evidence, setEvidence] = useState(props.preset?.evidenceFor ?? '')
  const [added, setAdded] = useState<string[]>([])
  const current = queue[0]?.file

  const choose = (files: FileList | null) => {
    if (!files || files.length === 0) return
    // Empty or too big: refused at once, before reading (a file far too big could stall the window).
    const chosen = Array.from(files)
    setRefused(chosen.flatMap((file) => (sizeRefusal(file.size) ? [`${file.name}: ${sizeRefusal(file.size)}`] : [])))
    const fine = chosen.filter((file) => !sizeRefusal(file.size))
    setQueue((waiting) => [...waiting, ...fine.map((file) => ({ file, serial: ++serial.current }))])
    setAdded([])
  }
  const next = () => {
    setQueue((waiting) => waiting.slice(1))
    setValues(initialValues(props.preset?.type))
    setEvidence(props.preset?.evidenceFor ?? '')
  }

  return (
    <div className="upload">
      {!current && (
        <div
          className={`dropzone${dragging ? ' dropzone--over' : ''}`}
          onDragOver={(event) => {
            event.preventDefault()
            setDragging(true)
          }}
          onDragLeave={() => setDragging(false)}
          onDrop={(event) => {
            event.preventDefault()
            setDragging(false)
            choose(event.dataTransfer.files)
          }}
        >
          <p className="dropzone__text">Drag scanned documents here, or</p>
          <input
            id={`attach-files-${caseId}`}
            className="dropzone__input"
            type="file"
            multiple
            accept={ACCEPT}
            onChange={(event) => {
              choose(event.target.files)
              event.target.value = ''
            }}
          />
          <label htmlFor={`attach-files-${caseId}`} className="button button--secondary">
            Choose files
          </label>
          <p className="field__hint">PDF, JPEG or PNG, up to {MAX_ATTACHMENT_BYTES / (1024 * 1024)} MB each. iPhone photos: send them as JPEG.</p>
        </div>
      )}
      {refused.length > 0 && (
        <div className="banner banner--warning" role="alert">
          <strong>Not added:</strong>
          <ul>
            {refused.map((reason) => (
              <li key={reason}>{reason}</li>
            ))}
          </ul>
        </div>
      )}
      {added.length > 0 && !current && (
        <p className="notice" role="status">
          Added: {added.join(', ')}
        </p>
      )}
      {current && (
        <div className="subform">
          <h4>
            {current.name}
            <span className="muted"> · {sizeOf(current.size)}</span>
            {queue.length > 1 && <span className="muted"> · 1 of {queue.length} to add</span>}
          </h4>
          {/* Keyed by the file, so one file's problems are not shown under the next. */}
          <EditForm
            key={queue[0]!.serial}
            groups={GROUPS}
            values={values}
            onValues={setValues}
            submitLabel="Attach this document"
            onCancel={next}
            onSubmit={async (stored) => {
              const evidenceFor = parseEvidenceValue(evidence)
              await api.call('addAttachment', {
                caseId,
                ...(await readForTransfer(current)),
                details: withoutEmpty(stored),
                ...(evidenceFor ? { evidenceFor } : {}),
              })
              setAdded((names) => [...names, current.name])
              next()
            }}
          >
            <EvidenceSelect options={evidenceOptions(record)} value={evidence} onChange={setEvidence} />
          </EditForm>
        </div>
      )}
    </div>
  )
}

/** Changing what a document is said to be, saved to the case like any other edit. */
export function AttachmentEditor(props: { id: string; attachment: AttachmentRecord; onDone: () => void }) {
  const { record } = useOpenCase()
  const changeCase = useCaseChange()
  const [values, setValues] = useState<FormValues>(() => formValues(ATTACHMENT_FIELDS, { ...props.attachment }))
  const [evidence, setEvidence] = useState(evidenceValue(props.attachment.evidenceFor))
  return (
    <div className="subform">
      <h4>Change the details of {props.attachment.fileName}</h4>
      <EditForm
        groups={GROUPS}
        values={values}
        onValues={setValues}
        submitLabel="Save changes"
        onCancel={props.onDone}
        onSubmit={(stored) => {
          const before = Object.fromEntries(ATTACHMENT_FIELDS.map((field) => [field.name, props.attachment[field.name]]))
          const changes = changedValues(before, stored)
          changeCase((doc, context) => {
            if (Object.keys(changes).length > 0) change.updateAttachment(doc, props.id, changes, context)
            if (evidence !== evidenceValue(props.attachment.evidenceFor)) change.linkEvidence(doc, props.id, parseEvidenceValue(evidence), context)
          })
          props.onDone()
        }}
      >
        <EvidenceSelect options={evidenceOptions(record)} value={evidence} onChange={setEvidence} />
      </EditForm>
    </div>
  )
}

function EvidenceSelect(props: { options: { value: string; label: string }[]; value: string; onChange: (value: string) => void }) {
  if (props.options.length === 0) return null
  return (
    <SelectField
      name="evidenceFor"
      label="Evidence for (optional)"
      hint="The address or local connection it proves"
      value={props.value}
      onChange={props.onChange}
      options={[{ value: '', label: 'Nothing in particular' }, ...props.options]}
    />
  )
}

function initialValues(type: string | undefined): FormValues {
  return { ...formValues(ATTACHMENT_FIELDS, {}), ...(type ? { type } : {}) }
}

function withoutEmpty(values: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(values).filter(([, value]) => value !== undefined))
}

export function sizeOf(bytes: number): string {
  return bytes < 1024 * 1024 ? `${Math.max(1, Math.round(bytes / 1024))} KB` : `${(bytes / (1024 * 1024)).toFixed(1)} MB`
}
