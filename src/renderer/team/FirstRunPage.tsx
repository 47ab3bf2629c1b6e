import { useState } from 'react'
import { ROLES, ROLE_LABELS, profileInputSchema, type Person } from '../../shared/people'
import { validate } from '../../shared/validation'
import { useApi } from '../app/contexts'
import { byField, ErrorSummary, Form, RadioGroup, SubmitButton, TextField } from '../components/form'
import { PageHeading } from '../components/PageHeading'
import { useSubmit } from '../forms/useSubmit'

const ROLE_HINTS: Record<string, string> = {
  caseworker: 'You hold cases and work with clients',
  manager: 'You allocate cases, run case reviews and can approve exceptions',
}

/** The first run asks who is using this laptop: every change they make is signed with it. */
export function FirstRunPage({ onDone }: { onDone: (person: Person) => void }) {
  const api = useApi()
  const [name, setName] = useState('')
  const [role, setRole] = useState('')
  const { busy, issues, run, refuse } = useSubmit()
  const errors = byField(issues)

  const save = () => {
    const checked = validate(profileInputSchema, { name, role: role || undefined })
    if (!checked.ok) return refuse(checked.issues)
    void run(async () => onDone(await api.call('setProfile', checked.value)))
  }

  return (
    <main id="main" className="welcome">
      <div className="welcome__card">
        <p className="welcome__brand">Homeward</p>
        <PageHeading title="Who is using this laptop?" />
        <p className="lead">
          Your name is recorded on every change you make, so the team can always see who did what and when.
        </p>
        <ErrorSummary issues={issues} />
        <Form onSubmit={save}>
          <TextField name="name" label="Your name" value={name} onChange={setName} error={errors.name} autoComplete="name" />
          <RadioGroup
            name="role"
            legend="Your role"
            value={role}
            onChange={setRole}
            error={errors.role}
            options={ROLES.map((value) => ({ value, label: ROLE_LABELS[value], hint: ROLE_HINTS[value] }))}
          />
          <SubmitButton label="Continue" busy={busy} />
        </Form>
      </div>
    </main>
  )
}
