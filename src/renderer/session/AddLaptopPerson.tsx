import { useEffect, useRef, useState } from 'react'
import { useApi } from '../app/contexts'
import { byField, ErrorSummary, Form, FormActions, TextField } from '../components/form'
import { useSubmit } from '../forms/useSubmit'

/**
 * "Someone else uses this laptop", on the sign-in page: the new person types the join code the
 * team manager made for them; the team's server records them among this laptop's people, and they
 * choose their PIN next (`onAdded` with who they are).
 */
export function AddLaptopPerson({ onAdded, onCancel }: { onAdded: (personId: string) => void; onCancel: () => void }) {
  const api = useApi()
  const [code, setCode] = useState('')
  const { busy, issues, run, refuse } = useSubmit({ joinCode: 'code' })
  const errors = byField(issues)
  const field = useRef<HTMLDivElement>(null)

  // Opening the form puts the cursor where the code is typed.
  useEffect(() => field.current?.querySelector('input')?.focus(), [])

  const submit = () => {
    if (!code.trim()) return refuse([{ field: 'code', message: 'Enter the join code your team manager gave you' }])
    void run(async () => {
      const person = await api.call('addLaptopPerson', { code })
      onAdded(person.id)
    })
  }

  return (
    <>
      <h2 className="subheading">Someone else uses this laptop</h2>
      <p>Ask your team manager for a join code made for you. You will then choose your own PIN.</p>
      <ErrorSummary issues={issues} />
      <Form onSubmit={submit}>
        <div ref={field}>
          <TextField name="code" label="Join code" width="medium" value={code} onChange={setCode} error={errors.code} />
        </div>
        <FormActions label="Continue" busy={busy} busyLabel="Checking the code…">
          <button type="button" className="button button--secondary" onClick={onCancel}>
            Back to sign in
          </button>
        </FormActions>
      </Form>
    </>
  )
}
