import { useEffect, useMemo, useRef, useState } from 'react'
import { displayValue, formValues } from '../../shared/forms/fields'
import { overtakenIssue, overtakenPanelField, type OvertakenField } from '../../shared/forms/overtaken'
import type { FormDraft } from './drafts'
import type { FieldRecordSource } from './FieldRecord'

const shown = (overtaken: OvertakenField, value: unknown) => displayValue(overtaken.field, value) || 'Not recorded'

/**
 * The fields someone else saved while this form was open, each asked at the field (`overtaken.ts`).
 * `ask` shows them (again, if Save is pressed before choosing: focus goes back to the first);
 * `keep` records the value picked as any choice between two values of a field is (the record's
 * `choose`, a change by this person in the field's history) and puts it in the form, whose other
 * edits stay for its save.
 */
export function useOvertakenChoices(record: FieldRecordSource | undefined, save: (changes: Record<string, unknown>) => void | Promise<void>) {
  const [overtaken, setOvertaken] = useState<OvertakenField[]>([])
  const [asked, setAsked] = useState(0)
  const issues = useMemo(() => overtaken.map(overtakenIssue), [overtaken])
  return {
    overtaken,
    asked,
    /** The error summary's lines, each leading to its panel. */
    issues,
    ask(found: OvertakenField[]) {
      setOvertaken(found)
      setAsked((times) => times + 1)
    },
    /** Nothing is asked once the form is saved or closed. */
    clear: () => setOvertaken([]),
    async keep(draft: FormDraft, choice: OvertakenField, value: unknown): Promise<FormDraft> {
      const { name } = choice.field
      if (record) record.choose(name, value)
      else await save({ [name]: value })
      setOvertaken((left) => left.filter((other) => other.field.name !== name))
      // Theirs is put in the field; mine is what was typed, left as typed.
      const typed = value === choice.mine ? draft.values[name] : formValues([choice.field], { [name]: value })[name]
      return { values: { ...draft.values, [name]: typed ?? '' }, base: { ...draft.base, [name]: value } }
    },
  }
}

/**
 * A calm panel at a field someone else saved while this form was open: both values, who saved
 * theirs and when, and "Keep mine" or "Keep theirs". Its heading takes focus each time it is asked,
 * so the person lands on the choice, not on a summary of it.
 */
export function OvertakenChoice(props: { overtaken: OvertakenField; asked: number; takesFocus: boolean; onKeep: (value: unknown) => Promise<void> }) {
  const { overtaken, asked, takesFocus } = props
  // The form's error summary above it is a level 2 heading.
  const heading = useRef<HTMLHeadingElement>(null)
  const [error, setError] = useState<string | undefined>()
  useEffect(() => {
    if (takesFocus) heading.current?.focus()
  }, [asked, takesFocus])
  const headingId = `field-${overtakenPanelField(overtaken.field.name)}`
  const keep = (value: unknown) => {
    setError(undefined)
    props.onKeep(value).then(
      // The panel is gone once kept: focus goes to the field, which holds the value kept.
      () => document.getElementById(`field-${overtaken.field.name}`)?.focus(),
      (caught: unknown) => setError(caught instanceof Error ? caught.message : String(caught)),
    )
  }
  return (
    <section className="overtaken" aria-labelledby={headingId}>
      <h3 className="overtaken__title" id={headingId} ref={heading} tabIndex={-1}>
        {overtaken.field.label} was changed while you were typing
      </h3>
      <dl className="overtaken__values">
        <dt>Yours</dt>
        <dd>“{shown(overtaken, overtaken.mine)}”</dd>
        <dt>Theirs</dt>
        <dd>
          “{shown(overtaken, overtaken.theirs)}” <span className="muted">saved by {overtaken.savedBy}</span>
        </dd>
      </dl>
      <p className="overtaken__hint">Check which is right. Theirs stays in the field’s history whichever you keep.</p>
      <div className="overtaken__actions">
        {/* Named in full, starting with the words shown, for a screen reader's list of buttons. */}
        <button type="button" className="button button--small" aria-label={`Keep mine: “${shown(overtaken, overtaken.mine)}” for ${overtaken.field.label}`} onClick={() => keep(overtaken.mine)}>
          Keep mine
        </button>
        <button
          type="button"
          className="button button--secondary button--small"
          aria-label={`Keep theirs: “${shown(overtaken, overtaken.theirs)}” for ${overtaken.field.label}`}
          onClick={() => keep(overtaken.theirs)}
        >
          Keep theirs
        </button>
      </div>
      {error && <p className="field__error">{error}</p>}
    </section>
  )
}

/** The panel for `field`, if it was overtaken, for `EditForm`'s `afterField`. */
export function overtakenAt(choices: ReturnType<typeof useOvertakenChoices>, name: string): OvertakenField | undefined {
  return choices.overtaken.find((choice) => choice.field.name === name)
}
