import { reviewGoalChoices, withGoal } from '../../shared/case/review-goals'
import { useOpenCase } from '../case/CaseContext'

/** The goals of the open case's support plan, ticked (a review's "Goals reviewed"). */
export function CaseGoalsPicker(props: { name: string; label: string; value: string; onChange: (value: string) => void; hint?: string; error?: string }) {
  const { record } = useOpenCase()
  const choices = reviewGoalChoices(record.goals, props.value)
  const errorId = `field-${props.name}-error`
  return (
    <fieldset className={`field${props.error ? ' field--error' : ''}`} aria-describedby={props.error ? errorId : undefined}>
      <legend className="field__label">{props.label}</legend>
      {props.hint && <p className="field__hint">{props.hint}</p>}
      {props.error && (
        <p className="field__error" id={errorId}>
          <span className="visually-hidden">Error: </span>
          {props.error}
        </p>
      )}
      {choices.length === 0 ? (
        <p className="muted">No goals are recorded on the case yet: add them under Goals, then tick them here.</p>
      ) : (
        choices.map((choice, index) => {
          // The first box carries the field's own id, where the error summary's link leads.
          const id = index === 0 ? `field-${props.name}` : `field-${props.name}-${index}`
          return (
            <div className="checkbox" key={choice.goal}>
              <input type="checkbox" id={id} checked={choice.chosen} onChange={(event) => props.onChange(withGoal(choices, choice.goal, event.target.checked))} />
              <label htmlFor={id}>{choice.goal}</label>
            </div>
          )
        })
      )}
    </fieldset>
  )
}
