import { useState } from 'react'
import { DEFAULT_CASELOAD_WEIGHTS } from '../../shared/board/board'
import { PHASES, phaseLabel, type Phase } from '../../shared/case/phases'
import { useApi } from '../app/contexts'
import { TeamSettingForm } from '../components/TeamSettingForm'
import { issuesOf } from '../forms/issues'

/**
 * The Standard Caseload Equivalent weights, one per phase (Homeless Link's CTI example): how much a
 * case in that phase counts on the caseload board. The manager sets them; everyone sees them.
 */
export function CaseloadWeightsForm({ weights, canChange }: { weights: Record<Phase, number>; canChange: boolean }) {
  const api = useApi()
  const [typed, setTyped] = useState<Record<Phase, string>>(() => toText(weights))
  const [errors, setErrors] = useState<Partial<Record<string, string>>>({})

  const save = async (values: Record<Phase, string>) => {
    const problems: Record<string, string> = {}
    const numbers = Object.fromEntries(
      PHASES.map((phase) => {
        const value = Number(values[phase].trim().replace(',', '.'))
        if (values[phase].trim() === '' || !Number.isFinite(value)) problems[phase] = 'Enter a number, for example 1.5'
        return [phase, value]
      }),
    ) as Record<Phase, number>
    setErrors(problems)
    if (Object.keys(problems).length > 0) return false
    try {
      await api.call('setCaseloadWeights', { weights: numbers })
      return true
    } catch (error) {
      setErrors(Object.fromEntries(issuesOf(error).map((issue) => [issue.field, issue.message])))
      return false
    }
  }

  const explanation = (
    <p className="field__hint">
      How much one case in each phase counts on the caseload board (the Standard Caseload Equivalent): 2 means a case there takes about twice the time
      of a case weighted 1.
    </p>
  )
  return (
    <TeamSettingForm
      id="weights-heading"
      title="Caseload weights"
      intro={explanation}
      canChange={canChange}
      shown={
        <dl className="facts">
          {PHASES.map((phase) => (
            <div className="facts__row" key={phase}>
              <dt>{phaseLabel(phase)}</dt>
              <dd className="facts__value">{weights[phase]}</dd>
            </div>
          ))}
        </dl>
      }
      saveLabel="Save weights"
      onSave={() => save(typed)}
      actions={(saveWith) => (
        <button
          type="button"
          className="button button--secondary"
          onClick={() => {
            setTyped(toText(DEFAULT_CASELOAD_WEIGHTS))
            saveWith(() => save(toText(DEFAULT_CASELOAD_WEIGHTS)))
          }}
        >
          Use the defaults
        </button>
      )}
    >
      <div className="weights">
        {PHASES.map((phase) => (
          <div key={phase} className={`field${errors[phase] ? ' field--error' : ''}`}>
            <label className="field__label" htmlFor={`weight-${phase}`}>
              {phaseLabel(phase)}
            </label>
            {errors[phase] && (
              <p className="field__error" id={`weight-${phase}-error`}>
                <span className="visually-hidden">Error: </span>
                {errors[phase]}
              </p>
            )}
            <input
              id={`weight-${phase}`}
              className="input input--short"
              inputMode="decimal"
              value={typed[phase]}
              aria-invalid={errors[phase] ? true : undefined}
              aria-describedby={errors[phase] ? `weight-${phase}-error` : undefined}
              onChange={(event) => setTyped({ ...typed, [phase]: event.target.value })}
            />
          </div>
        ))}
      </div>
      {Object.entries(errors)
        .filter(([field]) => !(PHASES as readonly string[]).includes(field))
        .map(([field, message]) => (
          <p key={field} className="field__error" role="alert">
            {message}
          </p>
        ))}
    </TeamSettingForm>
  )
}

function toText(weights: Record<Phase, number>): Record<Phase, string> {
  return Object.fromEntries(PHASES.map((phase) => [phase, String(weights[phase])])) as Record<Phase, string>
}
