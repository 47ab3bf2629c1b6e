import { useState, type ReactNode } from 'react'
import { formSchema, type Field, type FieldGroup, type FormValues } from '../../shared/forms/fields'
import { isoDateOf } from '../../shared/dates'
import { FORM_LEVEL, validate, ValidationError, type FieldIssue } from '../../shared/validation'
import { CaseRuleError } from '../../shared/case/changes'
import { byField, ErrorSummary } from '../components/form'
import { FieldInput } from './FieldInput'

/** The problems a failed save reports, as a form shows them. */
export function issuesOf(error: unknown): FieldIssue[] {
  if (error instanceof ValidationError) return error.issues
  // The core's answer to a call through the API carries the same per-field issues.
  const issues = (error as { issues?: unknown } | null)?.issues
  if (Array.isArray(issues) && issues.length > 0) return issues as FieldIssue[]
  if (error instanceof CaseRuleError) return error.problems.map((message, i) => ({ field: `${FORM_LEVEL}-${i}`, message }))
  return [{ field: FORM_LEVEL, message: error instanceof Error ? error.message : String(error) }]
}

/**
 * A form made from the field catalogue: the fields (grouped, as on the paper form), checked by the
 * catalogue's rules, handed back as stored values. The caller saves them; what it throws is shown.
 */
export function EditForm(props: {
  groups: readonly FieldGroup[]
  values: FormValues
  onValues: (values: FormValues) => void
  /** Saves; may be asynchronous (a call to the core), and shows what it throws or rejects with. */
  onSubmit: (stored: Record<string, unknown>) => void | Promise<void>
  onCancel?: () => void
  submitLabel: string
  children?: ReactNode
}) {
  const [issues, setIssues] = useState<FieldIssue[]>([])
  const [busy, setBusy] = useState(false)
  const errors = byField(issues)
  const fields: Field[] = props.groups.flatMap((group) => [...group.fields])

  function submit(event: React.FormEvent) {
    event.preventDefault()
    const checked = validate(formSchema(fields, isoDateOf(new Date())), props.values)
    if (!checked.ok) return setIssues(checked.issues)
    let result: void | Promise<void>
    try {
      result = props.onSubmit(checked.value as Record<string, unknown>)
    } catch (error) {
      return setIssues(issuesOf(error))
    }
    if (!result) return setIssues([])
    setBusy(true)
    result.then(
      () => setIssues([]),
      (error: unknown) => setIssues(issuesOf(error)),
    ).finally(() => setBusy(false))
  }

  return (
    <form onSubmit={submit} noValidate className="edit-form">
      <ErrorSummary issues={issues} />
      {props.groups.map((group) => (
        <fieldset className="group" key={group.title}>
          {props.groups.length > 1 && <legend className="group__legend">{group.title}</legend>}
          {group.hint && <p className="field__hint">{group.hint}</p>}
          {group.fields.map((field) => (
            <FieldInput
              key={field.name}
              field={field}
              value={props.values[field.name] ?? ''}
              onChange={(value) => props.onValues({ ...props.values, [field.name]: value })}
              {...(errors[field.name] ? { error: errors[field.name] } : {})}
            />
          ))}
        </fieldset>
      ))}
      {props.children}
      <div className="actions">
        <button type="submit" className="button" disabled={busy}>
          {busy ? 'Saving…' : props.submitLabel}
        </button>
        {props.onCancel && (
          <button type="button" className="button button--secondary" onClick={props.onCancel} disabled={busy}>
            Cancel
          </button>
        )}
      </div>
    </form>
  )
}
