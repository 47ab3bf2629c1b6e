import { useEffect, useRef, useState, type RefObject } from 'react'
import type { FieldValue } from '../../shared/automerge/field-history'
import { formatUkDateTime } from '../../shared/dates'
import { displayValue, type Field } from '../../shared/forms/fields'
import { CorrectValueForm } from './CorrectValueForm'

/** What Automerge holds about each field of a form beyond its one value: read on demand. */
export interface FieldRecordSource {
  /** The values saved at once, when there are two or more. */
  conflict: (field: string) => FieldValue[] | undefined
  history: (field: string) => FieldValue[]
  /** Whether the field was ever set or cleared: its History stays one click away once emptied. */
  hasHistory: (field: string) => boolean
  choose: (field: string, value: unknown) => void
  /** Corrects the field's value so that the old one is removed from the history (`correct-value.ts`); absent for whoever may not. */
  correct?: (field: string, value: string) => Promise<void>
}

const shown = (field: Field, value: unknown) => displayValue(field, value) || 'Not recorded'
const who = (entry: FieldValue) => `${entry.author?.name ?? 'Someone outside Homeward'}, ${entry.at ? formatUkDateTime(entry.at) : 'no time recorded'}`

/**
 * Two values of one field saved at the same time (two laptops, or two windows, before either saw
 * the other's): both are shown, with who saved each and when, until someone keeps one. Keeping one
 * takes this box away with the button pressed, so focus goes to `returnFocus` (the field's value).
 * Without `onChoose` (a closed case), both are still shown, with no buttons: the case is reopened to keep one.
 */
export function FieldConflict(props: { field: Field; values: FieldValue[]; onChoose?: (value: unknown) => void; returnFocus?: RefObject<HTMLElement | null> }) {
  const [error, setError] = useState<string | undefined>()
  const kept = useRef(false)
  const { returnFocus, onChoose } = props
  useEffect(
    () => () => {
      // This box is gone once the kept value is drawn (an effect's cleanup runs after that commit):
      // without this, focus would fall to the page's body with the button that was pressed.
      const lost = !document.activeElement || document.activeElement === document.body
      if (kept.current && lost) returnFocus?.current?.focus()
    },
    [returnFocus],
  )
  return (
    <div className="field-conflict" role="group" aria-label={`${props.field.label}: ${props.values.length} values saved at the same time`}>
      <p className="field-conflict__title">
        {props.values.length} values were saved at the same time.{' '}
        {props.onChoose ? 'Check with the team, then keep the right one.' : 'Reopen the case to keep the right one.'}
      </p>
      <ul className="field-conflict__values">
        {props.values.map((entry, index) => (
          <li key={index}>
            <span className="facts__value">“{shown(props.field, entry.value)}”</span> <span className="muted">saved by {who(entry)}</span>{' '}
            {onChoose && (
              <button
                type="button"
                className="button button--secondary button--small"
                onClick={() => {
                  try {
                    kept.current = true
                    onChoose(entry.value)
                  } catch (caught) {
                    kept.current = false
                    setError(caught instanceof Error ? caught.message : String(caught))
                  }
                }}
              >
                Keep this one<span className="visually-hidden">: “{shown(props.field, entry.value)}”</span>
              </button>
            )}
          </li>
        ))}
      </ul>
      {error && <p className="field__error">{error}</p>}
    </div>
  )
}

/** Every value a field has had, who saved it and when: read only when opened (it walks the case's changes). */
export function FieldHistory(props: { field: Field; read: () => FieldValue[]; correct?: { current: string; onCorrect: (value: string) => Promise<void> } }) {
  const [open, setOpen] = useState(false)
  const entries = open ? props.read() : []
  return (
    <details className="field-history" onToggle={(event) => setOpen(event.currentTarget.open)}>
      <summary>
        History<span className="visually-hidden"> of {props.field.label}</span>
      </summary>
      {open && (
        <ol className="field-history__list" aria-label={`Every value of ${props.field.label}, oldest first`}>
          {entries.length === 0 && <li className="muted">Never changed.</li>}
          {entries.map((entry, index) => (
            <li key={index}>
              {entry.value === undefined ? 'Cleared' : `“${shown(props.field, entry.value)}”`}
              <span className="muted">
                {' '}
                {entry.chosenFrom > 0 ? `kept from ${entry.chosenFrom} values saved at once, by` : 'by'} {who(entry)}
              </span>
            </li>
          ))}
        </ol>
      )}
      {open && props.correct && <CorrectValueForm label={props.field.label} current={props.correct.current} onCorrect={props.correct.onCorrect} />}
    </details>
  )
}
