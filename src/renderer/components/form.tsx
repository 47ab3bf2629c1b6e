import { useEffect, useId, useRef, type FormHTMLAttributes, type ReactNode } from 'react'
import { FORM_LEVEL, type FieldIssue } from '../../shared/validation'

/**
 * Form building blocks in the GOV.UK pattern caseworkers know from council forms: a label, an
 * optional hint, the error (if any) above the control, and the control tied to both for screen
 * readers.
 */
interface FieldProps {
  name: string
  label: string
  hint?: string
  error?: string
  children: (ids: { id: string; describedBy: string | undefined; invalid: boolean }) => ReactNode
}

function Field({ name, label, hint, error, children }: FieldProps) {
  const id = `field-${name}`
  const hintId = `${id}-hint`
  const errorId = `${id}-error`
  const describedBy = [hint ? hintId : '', error ? errorId : ''].filter(Boolean).join(' ') || undefined
  return (
    <div className={`field${error ? ' field--error' : ''}`}>
      <label className="field__label" htmlFor={id}>
        {label}
      </label>
      {hint && (
        <p className="field__hint" id={hintId}>
          {hint}
        </p>
      )}
      {error && (
        <p className="field__error" id={errorId}>
          <span className="visually-hidden">Error: </span>
          {error}
        </p>
      )}
      {children({ id, describedBy, invalid: Boolean(error) })}
    </div>
  )
}

interface InputProps {
  name: string
  label: string
  value: string
  onChange: (value: string) => void
  hint?: string
  error?: string
  width?: 'short' | 'medium' | 'full'
  inputMode?: 'text' | 'numeric'
  autoComplete?: string
  /** 'password' hides what is typed (a PIN). */
  type?: 'text' | 'password'
}

/** A text box; `suggestions` are offered as it is typed in, and anything else may still be typed. */
export function TextField({ width = 'full', inputMode, autoComplete = 'off', type = 'text', suggestions, ...props }: InputProps & { suggestions?: readonly string[] }) {
  return (
    <Field {...props}>
      {({ id, describedBy, invalid }) => (
        <>
          <input
            id={id}
            name={props.name}
            type={type}
            className={`input input--${width}`}
            value={props.value}
            onChange={(event) => props.onChange(event.target.value)}
            aria-describedby={describedBy}
            aria-invalid={invalid || undefined}
            inputMode={inputMode}
            autoComplete={autoComplete}
            spellCheck={false}
            list={suggestions ? `${id}-suggestions` : undefined}
          />
          {suggestions && (
            <datalist id={`${id}-suggestions`}>
              {suggestions.map((suggestion) => (
                <option key={suggestion} value={suggestion} />
              ))}
            </datalist>
          )}
        </>
      )}
    </Field>
  )
}

export function TextArea(props: Omit<InputProps, 'width' | 'inputMode'> & { rows?: number }) {
  return (
    <Field {...props}>
      {({ id, describedBy, invalid }) => (
        <textarea
          id={id}
          name={props.name}
          className="textarea"
          rows={props.rows ?? 6}
          value={props.value}
          onChange={(event) => props.onChange(event.target.value)}
          aria-describedby={describedBy}
          aria-invalid={invalid || undefined}
        />
      )}
    </Field>
  )
}

export function SelectField(props: Omit<InputProps, 'width' | 'inputMode'> & { options: readonly { value: string; label: string; group?: string }[] }) {
  const option = (option: { value: string; label: string }) => (
    <option key={option.value} value={option.value}>
      {option.label}
    </option>
  )
  return (
    <Field {...props}>
      {({ id, describedBy, invalid }) => (
        <select
          id={id}
          name={props.name}
          className="select"
          value={props.value}
          onChange={(event) => props.onChange(event.target.value)}
          aria-describedby={describedBy}
          aria-invalid={invalid || undefined}
        >
          {inGroups(props.options).map((run) =>
            run.group === undefined ? (
              run.options.map(option)
            ) : (
              <optgroup key={run.group} label={run.group}>
                {run.options.map(option)}
              </optgroup>
            ),
          )}
        </select>
      )}
    </Field>
  )
}

/** Options as runs of one group each (ungrouped options a run of their own), in their order. */
function inGroups<O extends { group?: string }>(options: readonly O[]): { group: string | undefined; options: O[] }[] {
  const runs: { group: string | undefined; options: O[] }[] = []
  for (const option of options) {
    const last = runs.at(-1)
    if (last && last.group === option.group) last.options.push(option)
    else runs.push({ group: option.group, options: [option] })
  }
  return runs
}

export function RadioGroup(props: {
  name: string
  legend: string
  value: string
  onChange: (value: string) => void
  options: readonly { value: string; label: string; hint?: string }[]
  error?: string
  hint?: string
  /** Side by side, for short answers such as Yes / No / Not known. */
  inline?: boolean
}) {
  const errorId = `field-${props.name}-error`
  return (
    <fieldset className={`field${props.error ? ' field--error' : ''}`} aria-describedby={props.error ? errorId : undefined}>
      <legend className="field__label">{props.legend}</legend>
      {props.hint && <p className="field__hint">{props.hint}</p>}
      {props.error && (
        <p className="field__error" id={errorId}>
          <span className="visually-hidden">Error: </span>
          {props.error}
        </p>
      )}
      <div className={props.inline ? 'radios radios--inline' : 'radios'}>
        {props.options.map((option, index) => {
          const id = index === 0 ? `field-${props.name}` : `field-${props.name}-${option.value}`
          return (
            <div className="radio" key={option.value}>
              <input
                type="radio"
                id={id}
                name={props.name}
                value={option.value}
                checked={props.value === option.value}
                onChange={() => props.onChange(option.value)}
                aria-invalid={props.error ? true : undefined}
              />
              <label htmlFor={id}>
                {option.label}
                {option.hint && <span className="radio__hint">{option.hint}</span>}
              </label>
            </div>
          )
        })}
      </div>
    </fieldset>
  )
}

/**
 * The list of problems at the top of a form after a failed save. It takes focus so a screen reader
 * announces it, and each problem links to its field. Messages name their field ("Enter the
 * client's name"), so they are shown as they are.
 */
export function ErrorSummary({ issues, takeFocus = true }: { issues: FieldIssue[]; takeFocus?: boolean }) {
  const ref = useRef<HTMLDivElement>(null)
  const headingId = useId()
  useEffect(() => {
    if (takeFocus && issues.length > 0) ref.current?.focus()
  }, [issues, takeFocus])
  if (issues.length === 0) return null
  return (
    <div className="error-summary" role="alert" aria-labelledby={headingId} tabIndex={-1} ref={ref}>
      <h2 className="error-summary__title" id={headingId}>
        There is a problem
      </h2>
      <ul className="error-summary__list">
        {issues.map((issue) =>
          issue.field === FORM_LEVEL ? (
            <li key={issue.field}>{issue.message}</li>
          ) : (
            <li key={issue.field}>
              <a
                href={`#field-${issue.field}`}
                onClick={(event) => {
                  event.preventDefault()
                  document.getElementById(`field-${issue.field}`)?.focus()
                }}
              >
                {issue.message}
              </a>
            </li>
          ),
        )}
      </ul>
    </div>
  )
}

/** Issues keyed by field, for the inline messages. */
export function byField(issues: FieldIssue[]): Record<string, string> {
  return Object.fromEntries(issues.map((issue) => [issue.field, issue.message]))
}

/**
 * A form the page sends itself: submitting runs `onSubmit` rather than reloading the page, and the
 * browser's own checks are off, since each form shows its problems in the pattern above.
 */
export function Form({ onSubmit, ...props }: Omit<FormHTMLAttributes<HTMLFormElement>, 'onSubmit' | 'noValidate'> & { onSubmit: () => void }) {
  return (
    <form
      {...props}
      noValidate
      onSubmit={(event) => {
        event.preventDefault()
        onSubmit()
      }}
    />
  )
}

interface SubmitProps {
  label: string
  /** While the form is being sent: the button waits, saying `busyLabel` if there is one. */
  busy?: boolean
  busyLabel?: string
  className?: string
}

export function SubmitButton({ label, busy = false, busyLabel, className = 'button' }: SubmitProps) {
  return (
    <button type="submit" className={className} disabled={busy} aria-busy={busy}>
      {busy && busyLabel ? busyLabel : label}
    </button>
  )
}

/** The row under a form: its submit button, then any other buttons or a confirmation. */
export function FormActions({ children, ...submit }: SubmitProps & { children?: ReactNode }) {
  return (
    <div className="actions">
      <SubmitButton {...submit} />
      {children}
    </div>
  )
}

/** A problem with something just done (not with a form's field), announced as it appears. */
export function Problem({ text }: { text: string | undefined }) {
  if (!text) return null
  return (
    <p className="field__error" role="alert">
      {text}
    </p>
  )
}
