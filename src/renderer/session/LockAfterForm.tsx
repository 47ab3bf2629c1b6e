import { useState } from 'react'
import { lockAfterProblem } from '../../shared/session/idle-lock'
import { useApi } from '../app/contexts'
import { Form, FormActions, TextField } from '../components/form'
import { Panel } from '../components/Panel'
import { issuesOf } from '../forms/issues'

/**
 * The team's "Lock after N minutes idle": every laptop locks when nobody has used it for that
 * long. The manager sets it; everyone sees it.
 */
export function LockAfterForm({ minutes, canChange }: { minutes: number; canChange: boolean }) {
  const api = useApi()
  const [typed, setTyped] = useState(String(minutes))
  const [error, setError] = useState<string | undefined>(undefined)
  const [saved, setSaved] = useState(false)
  const hint = 'Homeward locks when nobody has used it for this long, and whenever the computer locks or sleeps. Between 1 and 60 minutes.'

  if (!canChange) {
    return (
      <Panel id="lock-after-heading" title="Locking">
        <p>
          Lock after {minutes} {minutes === 1 ? 'minute' : 'minutes'} idle.
        </p>
        <p className="field__hint">{hint}</p>
      </Panel>
    )
  }

  const save = async () => {
    setSaved(false)
    const value = Number(typed.trim())
    const problem = typed.trim() === '' ? 'Enter a number of minutes' : lockAfterProblem(value)
    setError(problem)
    if (problem) return
    try {
      await api.call('setLockAfterMinutes', { minutes: value })
      setSaved(true)
    } catch (failure) {
      setError(issuesOf(failure)[0]?.message)
    }
  }

  return (
    <Panel id="lock-after-heading" title="Locking">
      <Form onSubmit={() => void save()}>
        <TextField
          name="lockAfterMinutes"
          label="Lock after this many minutes idle"
          hint={hint}
          inputMode="numeric"
          width="short"
          value={typed}
          onChange={(value) => {
            setSaved(false)
            setTyped(value)
          }}
          error={error}
        />
        <FormActions label="Save">
          {saved && (
            <p className="save-confirmation" role="status">
              Saved
            </p>
          )}
        </FormActions>
      </Form>
    </Panel>
  )
}
