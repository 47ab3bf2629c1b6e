import { useMemo, useState } from 'react'
import * as change from '../../shared/case/changes'
import { NOTE_TYPE_LABELS, NOTE_TYPES, noteInputSchema, type CaseNote } from '../../shared/case/notes'
import { formatUkDate, formatUkDateTime, typedUkDate } from '../../shared/dates'
import { validate } from '../../shared/validation'
import { byField, ErrorSummary, Form, FormActions, SelectField, TextArea, TextField } from '../components/form'
import { useDraft } from '../forms/drafts'
import { useReadOnly } from '../forms/read-only'
import { useSubmit } from '../forms/useSubmit'
import { today, useCaseChange, useOpenCase } from './CaseContext'

const NOTE_LABELS = { date: 'Date of contact', type: 'Type of contact', text: 'Note' }

/**
 * The contact log. Notes are never edited or deleted: a correction is a new note that names the
 * one it corrects, and both stay.
 */
export function ContactLog() {
  const { record } = useOpenCase()
  const [correcting, setCorrecting] = useState<CaseNote | undefined>()
  return (
    <section aria-labelledby="notes-heading">
      <h2 id="notes-heading">Contact log</h2>
      <NoteForm correcting={correcting} onDone={() => setCorrecting(undefined)} />
      <NoteList notes={record.notes} onCorrect={setCorrecting} />
    </section>
  )
}

function NoteForm({ correcting, onDone }: { correcting: CaseNote | undefined; onDone: () => void }) {
  const { id, saved } = useOpenCase()
  const changeCase = useCaseChange()
  const initial = useMemo(() => ({ date: formatUkDate(today()), type: 'face-to-face', text: '' }), [])
  const [values, setValues, clearDraft] = useDraft(`${id}:note`, 'Contact log', initial)
  const { issues, run, refuse } = useSubmit()
  const [added, setAdded] = useState(false)
  const errors = byField(issues)
  // A closed case takes no new note in the window: the form stays only to keep in sight a note typed before it closed.
  const closed = useReadOnly()
  const set = (field: keyof typeof initial) => (value: string) => {
    setAdded(false)
    setValues({ ...values, [field]: value })
  }

  function save() {
    const input = { ...values, date: typedUkDate(values.date), ...(correcting ? { corrects: correcting.id } : {}) }
    const checked = validate(noteInputSchema(today()), input)
    if (!checked.ok) return refuse(checked.issues)
    void run(() => {
      changeCase((doc, context) => change.addNote(doc, checked.value, { ...context, id: crypto.randomUUID() }))
      clearDraft()
      setAdded(true)
      onDone()
    })
  }

  if (closed && values.text === '') return null
  return (
    <Form className="panel note-form" onSubmit={save} aria-label={correcting ? 'Correct a case note' : 'Add a case note'}>
      <ErrorSummary issues={issues} />
      {correcting && (
        <p className="correcting">
          Correcting the note of {formatUkDate(correcting.date)} by {correcting.author.name}. The original stays in the log.{' '}
          <button type="button" className="link-button" onClick={onDone}>
            Cancel the correction
          </button>
        </p>
      )}
      <div className="note-form__row">
        <TextField name="date" label={NOTE_LABELS.date} hint="DD/MM/YYYY" width="short" inputMode="numeric" value={values.date} onChange={set('date')} error={errors.date} />
        <SelectField
          name="type"
          label={NOTE_LABELS.type}
          value={values.type}
          onChange={set('type')}
          error={errors.type}
          options={NOTE_TYPES.map((value) => ({ value, label: NOTE_TYPE_LABELS[value] }))}
        />
      </div>
      <TextArea name="text" label={correcting ? 'Correction' : NOTE_LABELS.text} value={values.text} onChange={set('text')} error={errors.text} rows={5} />
      <FormActions label={correcting ? 'Add correction' : 'Add note'}>
        <span className="save-confirmation" role="status">
          {added ? (saved ? 'Note saved.' : 'Note added, saving…') : ''}
        </span>
      </FormActions>
    </Form>
  )
}

function NoteList({ notes, onCorrect }: { notes: CaseNote[]; onCorrect: (note: CaseNote) => void }) {
  const closed = useReadOnly()
  if (notes.length === 0) return <p className="muted">No notes yet. The first contact you log will appear here.</p>
  const byId = new Map(notes.map((note) => [note.id, note]))
  const correctedBy = new Map(notes.filter((note) => note.corrects).map((note) => [note.corrects!, note]))
  const newestFirst = [...notes].sort((a, b) => (b.date + b.writtenAt).localeCompare(a.date + a.writtenAt))
  return (
    <ol className="notes" aria-label="Case notes, newest first">
      {newestFirst.map((note) => {
        const corrected = correctedBy.get(note.id)
        const original = note.corrects ? byId.get(note.corrects) : undefined
        return (
          <li key={note.id} className={`note${corrected ? ' note--corrected' : ''}`}>
            <p className="note__meta">
              <strong>{formatUkDate(note.date)}</strong> · {NOTE_TYPE_LABELS[note.type]} · {note.author.name}
              <span className="note__written"> · written {formatUkDateTime(note.writtenAt)}</span>
            </p>
            {original && <p className="note__flag">Corrects the note of {formatUkDate(original.date)} by {original.author.name}</p>}
            {corrected && <p className="note__flag">Corrected on {formatUkDate(corrected.date)} by {corrected.author.name}: see the newer note</p>}
            <p className="note__text">{note.text}</p>
            {!corrected && !closed && (
              <button type="button" className="link-button" onClick={() => onCorrect(note)}>
                Correct this note
              </button>
            )}
          </li>
        )
      })}
    </ol>
  )
}
