import { pinProblem } from '../../shared/session/pin-rule'
import type { FieldIssue } from '../../shared/validation'
import { TextField } from '../components/form'

/** What is typed in "Choose a PIN" and its confirmation. */
export interface ChosenPin {
  pin: string
  confirm: string
}

export const NO_PIN: ChosenPin = { pin: '', confirm: '' }

/** What is wrong with a chosen PIN and its confirmation, as the form's issues (none when it can be used). */
export function chosenPinIssues({ pin, confirm }: ChosenPin): FieldIssue[] {
  const problem = pinProblem(pin)
  if (problem) return [{ field: 'pin', message: problem }]
  if (confirm !== pin) return [{ field: 'confirm', message: 'The two do not match: type the same PIN twice' }]
  return []
}

/**
 * "Choose a PIN" and its confirmation: at the first run, and at the first sign-in of someone who
 * has none. One field takes a PIN or a passphrase: the keypad is offered, letters are still taken.
 */
export function ChoosePin({ value, onChange, errors }: { value: ChosenPin; onChange: (value: ChosenPin) => void; errors: Record<string, string> }) {
  return (
    <>
      <TextField
        name="pin"
        label="Choose a PIN"
        hint="At least 6 digits, or a passphrase of at least 8 characters. You will type it each time you sign in."
        type="password"
        inputMode="numeric"
        autoComplete="new-password"
        width="medium"
        value={value.pin}
        onChange={(pin) => onChange({ ...value, pin })}
        error={errors.pin}
      />
      <TextField
        name="confirm"
        label="Type it again"
        type="password"
        inputMode="numeric"
        autoComplete="new-password"
        width="medium"
        value={value.confirm}
        onChange={(confirm) => onChange({ ...value, confirm })}
        error={errors.confirm}
      />
    </>
  )
}
