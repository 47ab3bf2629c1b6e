import { useEffect, useRef, type ReactNode } from 'react'
import { changedValues, displayValue, formValues, labelUnder, type Field, type FieldGroup } from '../../shared/forms/fields'
import { Panel } from '../components/Panel'
import { overtakenFields } from '../../shared/forms/overtaken'
import { useProfile } from '../app/contexts'
import { EditForm } from './EditForm'
import { useFormDraft } from './drafts'
import { FieldConflict, FieldHistory, type FieldRecordSource } from './FieldRecord'
import { OvertakenChoice, overtakenAt, useOvertakenChoices } from './OvertakenChoice'
import { useReadOnly } from './read-only'

/**
 * One part of a case as a summary, with "Change" to edit it. Saving writes only the fields this
 * person changed.
 */
export function SectionForm(props: {
  draftKey: string
  title: string
  groups: readonly FieldGroup[]
  stored: Record<string, unknown>
  onSave: (changes: Record<string, unknown>) => void | Promise<void>
  intro?: ReactNode
  /** Who may only look (a caseworker at the team's settings). */
  readOnly?: boolean
  /** A case's fields: each shows its values saved at once, to keep one, and its history. */
  record?: FieldRecordSource
}) {
  const [draft, setDraft, clearDraft] = useFormDraft(props.draftKey, props.title)
  // A closed case's form offers no Change; a conflict on it is shown, to be settled once reopened.
  const closed = useReadOnly()
  const profile = useProfile()
  const choices = useOvertakenChoices(props.record, props.onSave)
  const fields = props.groups.flatMap((group) => [...group.fields])
  const headingId = `section-${props.draftKey.replace(/[^a-z0-9]+/gi, '-')}`
  // Focus stays where the person is: on the form's first field after Change, and back on Change
  // after saving or cancelling (never dropped to the page's body).
  const focusNext = useRef<'form' | 'change' | undefined>(undefined)
  const changeButton = useRef<HTMLButtonElement>(null)
  const formArea = useRef<HTMLDivElement>(null)
  const open = draft !== undefined
  useEffect(() => {
    if (focusNext.current === 'form' && open) formArea.current?.querySelector<HTMLElement>('input, select, textarea')?.focus()
    if (focusNext.current === 'change' && !open) changeButton.current?.focus()
    focusNext.current = undefined
  }, [open])

  return (
    <Panel
      id={headingId}
      title={props.title}
      actions={
        !draft &&
        !props.readOnly &&
        !closed && (
          <button
            ref={changeButton}
            type="button"
            className="button button--secondary button--small"
            aria-label={`Change ${props.title.toLowerCase()}`}
            onClick={() => {
              focusNext.current = 'form'
              setDraft({ values: formValues(fields, props.stored), base: props.stored }, false)
            }}
          >
            Change
          </button>
        )
      }
    >
      {props.intro}
      {draft ? (
        <div ref={formArea}>
        <EditForm
          groups={props.groups}
          values={draft.values}
          onValues={(values) => setDraft({ ...draft, values })}
          submitLabel={`Save ${props.title.toLowerCase()}`}
          choices={choices.issues}
          afterField={(field) => {
            const overtaken = overtakenAt(choices, field.name)
            return overtaken ? (
              <OvertakenChoice
                overtaken={overtaken}
                asked={choices.asked}
                takesFocus={overtaken === choices.overtaken[0]}
                onKeep={async (value) => setDraft(await choices.keep(draft, overtaken, value))}
              />
            ) : (
              <ChangedMeanwhile field={field} before={draft.base[field.name]} now={props.stored[field.name]} />
            )
          }}
          onCancel={() => {
            focusNext.current = 'change'
            choices.clear()
            clearDraft()
          }}
          onSubmit={async (stored) => {
            const base = Object.fromEntries(fields.map((field) => [field.name, draft.base[field.name]]))
            const after = Object.fromEntries(fields.map((field) => [field.name, stored[field.name]]))
            const changes = changedValues(base, after)
            const overtaken = overtakenFields(fields, base, props.stored, changes, (name) => props.record?.history(name).at(-1), profile)
            // Nothing is saved until each field someone else saved meanwhile has a value kept.
            if (overtaken.length > 0) return choices.ask(overtaken)
            if (Object.keys(changes).length > 0) await props.onSave(changes)
            focusNext.current = 'change'
            choices.clear()
            clearDraft()
          }}
        />
        </div>
      ) : (
        props.groups.map((group) => (
          <div key={group.title} className="summary-group">
            {props.groups.length > 1 && <h4 className="summary-group__title">{group.title}</h4>}
            <dl className="facts">
              {group.fields.map((field) => (
                <FactRow
                  key={field.name}
                  field={field}
                  label={props.groups.length > 1 ? labelUnder(group, field) : field.label}
                  value={props.stored[field.name]}
                  record={props.record}
                  readOnly={props.readOnly}
                  closed={closed}
                  blank={group.blank}
                />
              ))}
            </dl>
          </div>
        ))
      )}
    </Panel>
  )
}

/** A field's row in the section's summary: its value, a conflict to settle, and its history. */
function FactRow(props: { field: Field; label: string; value: unknown; record: FieldRecordSource | undefined; readOnly: boolean | undefined; closed: boolean; blank: string | undefined }) {
  const { field, record } = props
  // Where focus goes once a conflicting value is kept: the value now shown.
  const value = useRef<HTMLSpanElement>(null)
  const shown = displayValue(field, props.value)
  const conflict = record?.conflict(field.name)
  return (
    <div className="facts__row">
      <dt>{props.label}</dt>
      <dd>
        <span ref={value} tabIndex={-1} className={shown ? 'facts__value' : 'muted'}>
          {shown || (props.blank ?? 'Not recorded')}
        </span>
        {conflict && !props.readOnly && (
          <FieldConflict field={field} values={conflict} {...(props.closed ? {} : { onChoose: (chosen: unknown) => record!.choose(field.name, chosen) })} returnFocus={value} />
        )}
        {record?.hasHistory(field.name) && (
          <FieldHistory
            field={field}
            read={() => record.history(field.name)}
            {...(record.correct ? { correct: { current: formValues([field], { [field.name]: props.value })[field.name] ?? '', onCorrect: (to: string) => record.correct!(field.name, to) } } : {})}
          />
        )}
      </dd>
    </div>
  )
}

/** Said on a field while its form is open, as soon as someone else's save of it arrives. */
function ChangedMeanwhile(props: { field: Field; before: unknown; now: unknown }) {
  if (props.now === props.before) return null
  const shown = displayValue(props.field, props.now)
  return (
    <p className="field__changed" role="status">
      {shown ? `Saved by someone else since you opened this form: now “${shown}”.` : 'Cleared by someone else since you opened this form.'}
    </p>
  )
}
