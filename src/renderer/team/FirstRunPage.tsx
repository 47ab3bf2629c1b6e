import { useState } from 'react'
import { profileInputSchema, ROLE_LABELS } from '../../shared/people'
import { oncePerPerson } from '../../shared/team/same-person-name'
import { validate } from '../../shared/validation'
import { useApi } from '../app/contexts'
import { byField, ErrorSummary, Form, RadioGroup, SubmitButton, TextField } from '../components/form'
import { PageHeading } from '../components/PageHeading'
import { useSubmit } from '../forms/useSubmit'
import { ChoosePin, chosenPinIssues, NO_PIN } from '../session/ChoosePin'
import { useApiQuery } from '../hooks/useApiQuery'

/** The "I am …" choice for a person the team does not have yet. */
const SOMEONE_ELSE = 'someone-else'

/**
 * The first run asks who is using this laptop: every change they make is signed with it; and the
 * PIN they will sign in with. Their role
 * is not asked: alone on a laptop they do everything; in a team, the team says it. When the
 * workspace already has people (a sample team, or a copied workspace), they are offered to choose
 * from, so that one person is never typed in as a second member.
 */
export function FirstRunPage({ onDone }: { onDone: () => Promise<void> }) {
  const api = useApi()
  const members = useApiQuery('listMembers', {})
  const people = members.status === 'ready' ? oncePerPerson(members.data) : []
  // Nothing chosen at first: "Someone else" chosen for them invited typing a member's name again (a
  // second "Amina Okafor"), and the first member chosen for them would sign a newcomer's work with
  // another's name. A choice the person makes themselves is the one that is right.
  const [chosen, setChosen] = useState('')
  const [name, setName] = useState('')
  const [pin, setPin] = useState(NO_PIN)
  const { busy, issues, run, refuse } = useSubmit()
  const errors = byField(issues)
  const typing = people.length === 0 || chosen === SOMEONE_ELSE

  const save = () => {
    // The core takes a chosen (or typed) name the team has as that member.
    const member = people.find((person) => person.id === chosen)
    const unchosen = people.length > 0 && !member && chosen !== SOMEONE_ELSE
    const checked = validate(profileInputSchema, { name: typing ? name : member?.name })
    const problems = [
      ...(unchosen ? [{ field: 'person', message: 'Choose yourself from the team, or Someone else to type your name' }] : checked.ok ? [] : checked.issues),
      ...chosenPinIssues(pin),
    ]
    if (!checked.ok || problems.length > 0) return refuse(problems)
    void run(async () => {
      const person = await api.call('setProfile', checked.value)
      // Choosing the PIN signs them in.
      await api.call('setFirstPin', { personId: person.id, pin: pin.pin })
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
          {people.length > 0 && (
            <RadioGroup
              name="person"
              legend="I am"
              hint="Choose yourself if you are already in this team."
              value={chosen}
              onChange={setChosen}
              error={errors.person}
              options={[
                ...people.map((person) => ({ value: person.id, label: person.name, hint: ROLE_LABELS[person.role] })),
                { value: SOMEONE_ELSE, label: 'Someone else: type your name' },
              ]}
            />
          )}
          {typing && (
            <TextField name="name" label="Your name" hint="As your colleagues know you." value={name} onChange={setName} error={errors.name} autoComplete="name" />
          )}
          <ChoosePin value={pin} onChange={setPin} errors={errors} />
          <SubmitButton label="Continue" busy={busy} />
        </Form>
      </div>
    </main>
  )
}
