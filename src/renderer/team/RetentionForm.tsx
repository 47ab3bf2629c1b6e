import { Link } from 'react-router'
import { useState } from 'react'
import { RETENTION_ACTIONS, retentionSchema, type Retention, type RetentionAction } from '../../shared/team/retention'
import { useApi } from '../app/contexts'
import { RadioGroup, TextField } from '../components/form'
import { TeamSettingForm } from '../components/TeamSettingForm'
import { issuesOf } from '../forms/issues'

/**
 * How long the team keeps a closed case, and what happens then (UK GDPR Article 5(1)(e)). The
 * manager sets it; anyone else sees it. Applying it, and the anonymised cases, are on the retention
 * page, which the board (when cases are due) and this setting link to.
 */
export function RetentionForm({ retention, canChange }: { retention: Retention; canChange: boolean }) {
  const api = useApi()
  const [action, setAction] = useState<RetentionAction>(retention.action)
  const [years, setYears] = useState(String(retention.years))
  const [error, setError] = useState<string | undefined>(undefined)
  const hint = 'Counted from the day the case closed. A case reopened is kept until it closes again. Between 1 and 50 years.'

  const save = async () => {
    const typed = years.trim()
    if (typed === '' || !Number.isFinite(Number(typed))) {
      setError('Enter a number of years, for example 6')
      return false
    }
    // Checked here by the rule itself: the API refuses a value outside it without saying which.
    const checked = retentionSchema.safeParse({ action, years: Number(typed) })
    if (!checked.success) {
      setError(checked.error.issues[0]?.message)
      return false
    }
    try {
      await api.call('setRetention', { retention: checked.data })
      setError(undefined)
      return true
    } catch (failure) {
      // The action is one of the radios, so what is refused is the number of years.
      setError(issuesOf(failure)[0]?.message)
      return false
    }
  }

  return (
    <TeamSettingForm
      id="retention-heading"
      title="How long closed cases are kept"
      canChange={canChange}
      intro={
        canChange && (
          <p>
            <Link to="/retention">Closed cases due, and anonymised cases</Link>
          </p>
        )
      }
      shown={
        <>
          <p>
            Closed cases are {retention.action === 'erase' ? 'erased' : 'anonymised'} {retention.years} {retention.years === 1 ? 'year' : 'years'} after
            closure.
          </p>
          <p className="field__hint">{hint}</p>
        </>
      }
      saveLabel="Save"
      onSave={save}
    >
      <TextField name="retentionYears" label="Keep closed cases for this many years" hint={hint} inputMode="numeric" width="short" value={years} onChange={setYears} error={error} />
      <RadioGroup
        name="retentionAction"
        legend="Then"
        value={action}
        onChange={(value) => setAction(value as RetentionAction)}
        options={RETENTION_ACTIONS.map((option) => ({ ...option }))}
      />
    </TeamSettingForm>
  )
}
