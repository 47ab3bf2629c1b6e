import { useMemo, useState } from 'react'
import { Link, useParams } from 'react-router'
import type { CaseDoc, CaseRecord } from '../../shared/case/case-doc'
import { addNote } from '../../shared/case/changes'
import { NOTE_TYPE_LABELS, NOTE_TYPES, noteInputSchema, type CaseNote } from '../../shared/case/notes'
import { ageOn, formatUkDate, formatUkDateTime, isoDateOf, typedUkDate } from '../../shared/dates'
import { validate, type FieldIssue } from '../../shared/validation'
import { useProfile } from '../app/contexts'
import { byField, ErrorSummary, SelectField, TextArea, TextField } from '../components/form'
import { PageHeading } from '../components/PageHeading'
import { PhaseTag } from '../components/PhaseTag'
import { useCase } from '../hooks/useCase'
import { useDraft } from '../hooks/useDraft'

export function CasePage() {
  const { id = '' } = useParams()
  const state = useCase(id)
  if (state.status === 'loading') return <p className="muted">Opening the case…</p>
  if (state.status === 'missing') return <CaseMissing />
  if (state.status === 'unreadable') return <p className="banner banner--warning">{state.message}</p>
  // Keyed by case, so moving between cases starts each one's forms afresh.
  return <CaseView key={id} id={id} record={state.record} change={state.change} saved={state.saved} />
}

function CaseMissing() {
  return (
    <>
      <PageHeading title="Case not found" />
      <p>There is no case at this address in this workspace.</p>
      <p>
        <Link to="/">Back to the case list</Link>
      </p>
    </>
  )
}

function CaseView({ id, record, change, saved }: { id: string; record: CaseRecord; change: Change; saved: boolean }) {
  const today = isoDateOf(new Date())
  const { referral } = record
  return (
    <>
      <nav aria-label="Breadcrumb" className="breadcrumbs">
        <ol>
          <li>
            <Link to="/">Cases</Link>
          </li>
          <li aria-current="page">{referral.clientName}</li>
        </ol>
      </nav>
      <div className="case-heading">
        <div>
          <PageHeading title="Case">{referral.clientName}</PageHeading>
          <p className="case-heading__facts">
            <span>
              Born {formatUkDate(referral.dateOfBirth)} (age {ageOn(referral.dateOfBirth, today)})
            </span>
            <span>{referral.chainNumber ? `CHAIN ${referral.chainNumber}` : 'No CHAIN number'}</span>
          </p>
        </div>
        <PhaseTag phase={record.phase} />
      </div>

      <div className="case-columns">
        <section className="panel" aria-labelledby="referral-heading">
          <h2 id="referral-heading">Referral</h2>
          <dl className="facts">
            <dt>Received</dt>
            <dd>{formatUkDate(referral.receivedOn)}</dd>
            <dt>Referred by</dt>
            <dd>{referral.referrerName}</dd>
            <dt>Outreach team</dt>
            <dd>{referral.outreachTeam}</dd>
            <dt>Case opened by</dt>
            <dd>
              {record.createdBy.name}, {formatUkDateTime(record.createdAt)}
            </dd>
            <dt>Lead caseworker</dt>
            <dd>{record.allocation.leadCaseworker?.name ?? 'Not allocated yet'}</dd>
          </dl>
        </section>

        <section className="panel panel--wide" aria-labelledby="notes-heading">
          <h2 id="notes-heading">Case notes</h2>
          <NoteForm caseId={id} change={change} saved={saved} />
          <NoteList notes={record.notes} />
        </section>
      </div>
    </>
  )
}

/** Edits the open case's document in this window; the change reaches the core by sync. */
type Change = (edit: (doc: CaseDoc) => void) => void

const NOTE_LABELS = { date: 'Date of contact', type: 'Type of contact', text: 'Note' }

function NoteForm({ caseId, change, saved: caseSaved }: { caseId: string; change: Change; saved: boolean }) {
  const profile = useProfile()
  const initial = useMemo(() => ({ date: formatUkDate(isoDateOf(new Date())), type: 'face-to-face', text: '' }), [])
  const [values, setValues, clearDraft] = useDraft(`note:${caseId}`, initial)
  const [issues, setIssues] = useState<FieldIssue[]>([])
  const [added, setAdded] = useState(false)
  const errors = byField(issues)
  const set = (field: keyof typeof initial) => (value: string) => {
    setAdded(false)
    setValues({ ...values, [field]: value })
  }

  function save(event: React.FormEvent) {
    event.preventDefault()
    const input = { ...values, date: typedUkDate(values.date) }
    const checked = validate(noteInputSchema(isoDateOf(new Date())), input)
    if (!checked.ok) return setIssues(checked.issues)
    const now = new Date()
    const context = { id: crypto.randomUUID(), author: { id: profile.id, name: profile.name }, role: profile.role, now, today: isoDateOf(now) }
    change((doc) => addNote(doc, checked.value, context))
    setIssues([])
    clearDraft()
    setAdded(true)
  }

  return (
    <form className="note-form" onSubmit={save} noValidate aria-label="Add a case note">
      <ErrorSummary issues={issues} />
      <div className="note-form__row">
        <TextField
          name="date"
          label={NOTE_LABELS.date}
          hint="DD/MM/YYYY"
          width="short"
          inputMode="numeric"
          value={values.date}
          onChange={set('date')}
          error={errors.date}
        />
        <SelectField
          name="type"
          label={NOTE_LABELS.type}
          value={values.type}
          onChange={set('type')}
          error={errors.type}
          options={NOTE_TYPES.map((value) => ({ value, label: NOTE_TYPE_LABELS[value] }))}
        />
      </div>
      <TextArea name="text" label={NOTE_LABELS.text} value={values.text} onChange={set('text')} error={errors.text} rows={5} />
      <div className="actions">
        <button type="submit" className="button">
          Add note
        </button>
        <span className="save-confirmation" role="status">
          {added ? (caseSaved ? 'Note saved.' : 'Note added, saving…') : ''}
        </span>
      </div>
    </form>
  )
}

function NoteList({ notes }: { notes: CaseNote[] }) {
  if (notes.length === 0) return <p className="muted">No notes yet. The first contact you log will appear here.</p>
  const newestFirst = [...notes].sort((a, b) => (b.date + b.writtenAt).localeCompare(a.date + a.writtenAt))
  return (
    <ol className="notes" aria-label="Case notes, newest first">
      {newestFirst.map((note) => (
        <li key={note.id} className="note">
          <p className="note__meta">
            <strong>{formatUkDate(note.date)}</strong> · {NOTE_TYPE_LABELS[note.type]} · {note.author.name}
          </p>
          <p className="note__text">{note.text}</p>
        </li>
      ))}
    </ol>
  )
}
