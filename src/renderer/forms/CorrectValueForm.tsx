import { useState } from 'react'
import { issuesOf } from './issues'

/** Inside a field's history: "Correct a value", the right value, and the confirmation. */
export function CorrectValueForm(props: { label: string; current: string; onCorrect: (value: string) => Promise<void> }) {
  const [value, setValue] = useState<string | undefined>()
  const [asking, setAsking] = useState(false)
  const [problem, setProblem] = useState<string | undefined>()
  const [busy, setBusy] = useState(false)
  const inputId = `correct-${props.label.replace(/\W+/g, '-')}`
  if (value === undefined)
    return (
      <button type="button" className="button button--secondary button--small" onClick={() => setValue(props.current)}>
        Correct a value<span className="visually-hidden"> of {props.label}</span>
      </button>
    )
  const correct = () => {
    setBusy(true)
    props
      .onCorrect(value)
      .catch((error: unknown) => {
        setProblem(issuesOf(error)[0]?.message)
        setAsking(false)
      })
      .finally(() => setBusy(false))
  }
  return (
    <div className="correct-value" role="group" aria-label={`Correct ${props.label}`}>
      <div className="field">
        <label htmlFor={inputId}>The right value of {props.label}</label>
        <p className="field__hint" id={`${inputId}-hint`}>
          For a value that was wrong and should not be kept, such as a name or number typed in error. The old values in this field’s history are removed from the case’s
          record on every laptop of the team and the team’s server.
        </p>
        <input id={inputId} aria-describedby={`${inputId}-hint`} value={value} autoFocus onChange={(event) => setValue(event.target.value)} />
      </div>
      {problem && <p className="field__error">{problem}</p>}
      <div className="actions">
        {asking ? (
          <span className="confirm" role="group" aria-label="Remove the old value from every laptop?">
            <span>The old value will be removed from this case’s history on every laptop and the team’s server. This cannot be undone.</span>
            <button type="button" className="button button--warning" autoFocus aria-disabled={busy} onClick={() => !busy && correct()}>
              Correct and remove the old value
            </button>
            <button type="button" className="button button--secondary" onClick={() => setAsking(false)}>
              Cancel
            </button>
          </span>
        ) : (
          <>
            <button type="button" className="button" onClick={() => setAsking(true)}>
              Correct
            </button>
            <button type="button" className="button button--secondary" onClick={() => setValue(undefined)}>
              Cancel
            </button>
          </>
        )}
      </div>
    </div>
  )
}
