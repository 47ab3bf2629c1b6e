import { useState } from 'react'
import { profileInputSchema } from '../../shared/people'
import { validate } from '../../shared/validation'
import { useApi } from '../app/contexts'
import { byField, ErrorSummary, Form, SubmitButton, TextField } from '../components/form'
import { PageHeading } from '../components/PageHeading'
import { useSubmit } from '../forms/useSubmit'

/**
 * The first run asks who is using this laptop: every change they make is signed with it. Their role
 * is not asked: alone on a laptop they do everything; in a team, the team says it.
 */
export function FirstRunPage({ onDone }: { onDone: () => Promise<void> }) {
  const api = useApi()
  const [name, setName] = useState('')
  const { busy, issues, run, refuse } = useSubmit()
  const errors = byField(issues)

  const save = () => {
    const checked = validate(profileInputSchema, { name })
    if (!checked.ok) return refuse(checked.issues)
    void run(async () => {
      await api.call('setProfile', checked.value)
      await onDone()
    })
  }

  return (
    <main id="main" className="welcome">
      <div className="welcome__card">
        <p className="welcome__brand">Homeward</p>
        <PageHeading title="Who is using this laptop?" />
        <p className="lead">Your name is recorded on every change you make, so the team can always see who did what and when.</p>
        <p>
          If you work in a team, your manager will give you a join code for this laptop. Enter it in Team settings, under “Join your team”, to
          share the team’s caseload; your role then comes from the team. Until then, the cases you add stay on this laptop.
        </p>
        <ErrorSummary issues={issues} />
        <Form onSubmit={save}>
          <TextField name="name" label="Your name" hint="As your colleagues know you." value={name} onChange={setName} error={errors.name} autoComplete="name" />
          <SubmitButton label="Continue" busy={busy} />
        </Form>
      </div>
    </main>
  )
}
