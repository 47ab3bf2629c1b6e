import { Fragment, useMemo, type ReactNode } from 'react'
import { formSchema, withBlankChoicesShown, type Field, type FieldGroup, type FormValues } from '../../shared/forms/fields'
import { isoDateOf } from '../../shared/dates'
import { withReviewDatesShown } from '../../shared/case/consent-reviews'
import { validate, type FieldIssue } from '../../shared/validation'
import { byField, ErrorSummary, Form, FormActions } from '../components/form'
import { FieldInput } from './FieldInput'
import { useSubmit } from './useSubmit'

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
  /** Shown under a field's input: a list item's stored values and their history. */
  afterField?: (field: Field) => ReactNode
  /**
   * Choices asked at fields (a save overtaken, `OvertakenChoice`): listed in the error summary,
   * which leaves focus on the choice itself.
   */
  choices?: FieldIssue[]
}) {
  const { busy, issues, run, refuse } = useSubmit()
  const { choices } = props
  const listed = useMemo(() => [...(choices ?? []), ...issues], [choices, issues])
  const errors = byField(issues)
  const fields: Field[] = props.groups.flatMap((group) => [...group.fields])
  // A consent's review date, left empty, shows the day it will be, and an equality question left
  // empty shows "Not asked"; what is saved stays as typed.
  const shown = withBlankChoicesShown(props.groups, withReviewDatesShown(props.values))

  function submit() {
    const checked = validate(formSchema(fields, isoDateOf(new Date())), props.values)
    if (!checked.ok) return refuse(checked.issues)
    void run(() => props.onSubmit(checked.value as Record<string, unknown>))
  }

  return (
    <Form onSubmit={submit} className="edit-form">
      <ErrorSummary issues={listed} takeFocus={issues.length > 0} />
      {props.groups.map((group) => (
        <fieldset className="group" key={group.title}>
          {props.groups.length > 1 && <legend className="group__legend">{group.title}</legend>}
          {group.hint && <p className="field__hint">{group.hint}</p>}
          {group.fields.map((field) => (
            <Fragment key={field.name}>
              <FieldInput
                field={field}
                value={shown[field.name] ?? ''}
                onChange={(value) => props.onValues({ ...props.values, [field.name]: value })}
                {...(errors[field.name] ? { error: errors[field.name] } : {})}
              />
              {props.afterField?.(field)}
            </Fragment>
          ))}
        </fieldset>
      ))}
      {props.children}
      <FormActions label={props.submitLabel} busy={busy} busyLabel="Saving…">
        {props.onCancel && (
          <button type="button" className="button button--secondary" onClick={props.onCancel} disabled={busy}>
            Cancel
          </button>
        )}
      </FormActions>
    </Form>
  )
}
