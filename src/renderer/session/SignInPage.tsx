import { useState } from 'react'
import type { Session } from '../../shared/api'
import { useApi } from '../app/contexts'
import { byField, ErrorSummary, Form, RadioGroup, SubmitButton, TextField } from '../components/form'
import { PageHeading } from '../components/PageHeading'
import { useSubmit } from '../forms/useSubmit'
import { AddLaptopPerson } from './AddLaptopPerson'
import { ChoosePin, chosenPinIssues, NO_PIN } from './ChoosePin'

/**
 * The sign-in page: choose your name (one of this laptop's people) and type your PIN. Shown at
 * start and whenever the app locks. Someone who has no PIN yet (a laptop set up before PINs)
 * chooses one here, as does someone else added to a team's laptop ("Someone else uses this laptop").
 */
export function SignInPage({ session, onDone }: { session: Session; onDone: () => Promise<void> }) {
  const api = useApi()
  const { people } = session
  const [chosen, setChosen] = useState(session.lockedFor ?? (people.length === 1 ? people[0]!.id : ''))
  const [pin, setPin] = useState('')
  const [newPin, setNewPin] = useState(NO_PIN)
  const [adding, setAdding] = useState(false)
  const { busy, issues, run, refuse } = useSubmit()
  const errors = byField(issues)
  const person = people.find((candidate) => candidate.id === chosen)
  const choosing = person !== undefined && !person.hasPin

  const submit = () => {
    if (!person) return refuse([{ field: 'person', message: 'Choose your name' }])
    if (choosing) {
      const problems = chosenPinIssues(newPin)
      if (problems.length > 0) return refuse(problems)
    } else if (!pin) return refuse([{ field: 'pin', message: 'Enter your PIN or passphrase' }])
    void run(async () => {
      try {
        if (choosing) await api.call('setFirstPin', { personId: person.id, pin: newPin.pin })
        else await api.call('signIn', { personId: person.id, pin })
      } finally {
        setPin('')
      }
      await onDone()
    })
  }

  return (
    <main id="main" className="welcome">
      <div className="welcome__card">
        <p className="welcome__brand">Homeward</p>
        <PageHeading title={choosing ? 'Choose a PIN to protect this laptop' : 'Sign in'} />
        <p className="lead">
          {choosing
            ? 'Homeward now asks for a PIN each time someone signs in, and locks when the laptop is left. Only you should know it.'
            : 'Homeward is locked. Sign in to carry on where you were.'}
        </p>
        {adding ? (
          <AddLaptopPerson
            onAdded={(personId) => {
              // They are one of this laptop's people now, with no PIN: the form below asks for theirs.
              setChosen(personId)
              setAdding(false)
            }}
            onCancel={() => setAdding(false)}
          />
        ) : (
          <>
            <ErrorSummary issues={issues} />
            <Form onSubmit={submit}>
              {people.length > 1 ? (
                <RadioGroup
                  name="person"
                  legend="Choose your name"
                  value={chosen}
                  onChange={(value) => {
                    setChosen(value)
                    setPin('')
                  }}
                  options={people.map((candidate) => ({ value: candidate.id, label: candidate.name }))}
                  error={errors.person}
                />
              ) : (
                <p>
                  Signing in as <strong>{person?.name}</strong>
                </p>
              )}
              {choosing ? (
                <ChoosePin value={newPin} onChange={setNewPin} errors={errors} />
              ) : (
                <TextField
                  name="pin"
                  label="PIN or passphrase"
                  type="password"
                  inputMode="numeric"
                  autoComplete="current-password"
                  width="medium"
                  value={pin}
                  onChange={setPin}
                  error={errors.pin}
                />
              )}
              <SubmitButton label="Sign in" busy={busy} busyLabel="Checking…" />
            </Form>
            {session.inTeam && (
              <p>
                <button type="button" className="link-button" onClick={() => setAdding(true)}>
                  Someone else uses this laptop
                </button>
              </p>
            )}
          </>
        )}
      </div>
    </main>
  )
}
