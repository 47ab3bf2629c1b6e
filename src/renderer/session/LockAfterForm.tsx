import { useState } from 'react'
import { lockAfterProblem } from '../../shared/session/idle-lock'
import { useApi } from '../app/contexts'
import { TextField } from '../components/form'
import { TeamSettingForm } from '../components/TeamSettingForm'
import { issuesOf } from '../forms/issues'

/**
 * The team's "Lock after N minutes idle": every laptop locks when nobody has used it for that
 * long. The manager sets it; everyone sees it.
 */
export function LockAfterForm({ minutes, canChange }: { minutes: number; canChange: boolean }) {
  const api = useApi()
  const [typed, setTyped] = useState(String(minutes))
  const [error, setError] = useState<string | undefined>(undefined)
  const hint = 'Homeward locks when nobody has used it for this long, and whenever the computer locks or sleeps. Between 1 and 60 minutes.'

  const save = async () => {
    const value = Number(typed.trim())
    const problem = typed.trim() === '' ? 'Enter a number of minutes' : lockAfterProblem(value)
    setError(problem)
    if (problem) return false
    try {
      await api.call('setLockAfterMinutes', { minutes: value })
      return true
    } catch (failure) {
      setError(issuesOf(failure)[0]?.message)
      return false
    }
  }

  return (
    <TeamSettingForm
      id="lock-after-heading"
      title="Locking"
      canChange={canChange}
      shown={
        <>
          <p>
            Lock after {minutes} {minutes === 1 ? 'minute' : 'minutes'} idle.
          </p>
          <p className="field__hint">{hint}</p>
        </>
      }
      saveLabel="Save"
      onSave={save}
    >
      <TextField
        name="lockAfterMinutes"
        label="Lock after this many minutes idle"
        hint={hint}
        inputMode="numeric"
        width="short"
        value={typed}
        onChange={setTyped}
        error={error}
      />
    </TeamSettingForm>
  )
}
