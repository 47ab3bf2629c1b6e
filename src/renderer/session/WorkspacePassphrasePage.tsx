import { useState } from 'react'
import { chosenPassphraseIssue, MIN_WORKSPACE_PASSPHRASE_LENGTH } from '../../shared/session/workspace-passphrase'
import { FORM_LEVEL } from '../../shared/validation'
import { useApi } from '../app/contexts'
import { byField, ErrorSummary, Form, SubmitButton, TextField } from '../components/form'
import { PageHeading } from '../components/PageHeading'
import { useSubmit } from '../forms/useSubmit'

/**
 * The workspace passphrase, asked before anything else when the workspace is not open yet: chosen
 * at the first run (twice), entered at later starts. It unlocks the encryption of everything on
 * this computer; the PIN sign-in follows. `onOpen` starts the app on the open workspace.
 */
export function WorkspacePassphrasePage({ choosing, onOpen }: { choosing: boolean; onOpen: () => void }) {
  const api = useApi()
  const [passphrase, setPassphrase] = useState('')
  const [again, setAgain] = useState('')
  // The core's refusals ("That passphrase does not open this workspace") belong to the passphrase field.
  const { busy, issues, run, refuse } = useSubmit({ [FORM_LEVEL]: 'passphrase' })
  const errors = byField(issues)

  const submit = () => {
    if (choosing) {
      const problem = chosenPassphraseIssue(passphrase, again)
      if (problem) return refuse([problem])
    } else if (!passphrase) return refuse([{ field: 'passphrase', message: 'Enter the workspace passphrase' }])
    void run(async () => {
      try {
        await api.call('unlockWorkspace', { passphrase })
      } finally {
        // Not kept in the page a moment longer than needed, right or wrong.
        setPassphrase('')
        setAgain('')
      }
      onOpen()
    })
  }

  return (
    <main id="main" className="welcome">
      <div className="welcome__card">
        <p className="welcome__brand">Homeward</p>
        <PageHeading title={choosing ? 'Choose a passphrase for this workspace' : 'Enter the workspace passphrase'} />
        {choosing ? (
          <>
            <p className="lead">Everything Homeward keeps on this computer is encrypted with this passphrase. You will type it each time Homeward starts.</p>
            <p className="banner banner--warning">
              <strong>If the passphrase is lost, it cannot be recovered and nobody can reset it.</strong> Without it, nobody can open this workspace. Keep it
              where your team keeps its passwords.
            </p>
          </>
        ) : (
          <p className="lead">The workspace on this computer is encrypted. Enter its passphrase to open it; then sign in with your PIN.</p>
        )}
        <ErrorSummary issues={issues} />
        <Form onSubmit={submit}>
          <TextField
            name="passphrase"
            label={choosing ? 'Choose a passphrase' : 'Workspace passphrase'}
            hint={choosing ? `At least ${MIN_WORKSPACE_PASSPHRASE_LENGTH} characters. A few words you will remember are easiest.` : undefined}
            type="password"
            autoComplete={choosing ? 'new-password' : 'current-password'}
            width="medium"
            value={passphrase}
            onChange={setPassphrase}
            error={errors.passphrase}
          />
          {choosing && (
            <TextField
              name="again"
              label="Type it again"
              type="password"
              autoComplete="new-password"
              width="medium"
              value={again}
              onChange={setAgain}
              error={errors.again}
            />
          )}
          <SubmitButton label={choosing ? 'Set passphrase and open' : 'Open'} busy={busy} busyLabel="Opening…" />
        </Form>
      </div>
    </main>
  )
}
