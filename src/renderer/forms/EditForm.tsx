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
  onSubmit: (stored: Record<string, unknown>) => void
  onCancel?: () => void
  submitLabel: string
  children?: ReactNode
}) {
  const [issues, setIssues] = useState<FieldIssue[]>([])
  const errors = byField(issues)
  const fields: Field[] = props.groups.flatMap((group) => [...group.fields])

  function submit(event: React.FormEvent) {
    event.preventDefault()
    const checked = validate(formSchema(fields, isoDateOf(new Date())), props.values)
    if (!checked.ok) return setIssues(checked.issues)
    try {
      props.onSubmit(checked.value as Record<string, unknown>)
      setIssues([])
    } catch (error) {
      setIssues(issuesOf(error))
    }
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
        <button type="submit" className="button">
          {props.submitLabel}
        </button>
        {props.onCancel && (
          <button type="button" className="button button--secondary" onClick={props.onCancel}>
            Cancel
          </button>
        )}
      </div>
    </form>
  )
}
