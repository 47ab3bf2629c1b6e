import { useState } from 'react'
import { useNavigate } from 'react-router'
import { referralSchema } from '../../shared/case/referral'
import { isoDateOf, typedUkDate } from '../../shared/dates'
import { FORM_LEVEL, validate, type FieldIssue } from '../../shared/validation'
import { useApi } from '../app/contexts'
import { byField, ErrorSummary, TextField } from '../components/form'
import { useDraft } from '../hooks/useDraft'
import { PageHeading } from '../components/PageHeading'
import { ApiCallError } from '../platform/api-client'

const EMPTY = { clientName: '', dateOfBirth: '', chainNumber: '', referrerName: '', outreachTeam: '' }

/** Tool 3's first details: enough to open a case; the rest of the referral is filled in on the case. */
export function NewReferralPage() {
  const api = useApi()
  const navigate = useNavigate()
  const [values, setValues, clearDraft] = useDraft('new-referral', EMPTY)
  const [issues, setIssues] = useState<FieldIssue[]>([])
  const [saving, setSaving] = useState(false)
  // One key per referral typed: saving again after a lost connection cannot open it twice.
  const [requestId, setRequestId] = useState(() => crypto.randomUUID())
  const errors = byField(issues)
  const set = (field: keyof typeof EMPTY) => (value: string) => setValues({ ...values, [field]: value })

  async function save(event: React.FormEvent) {
    event.preventDefault()
    const input = { ...values, dateOfBirth: typedUkDate(values.dateOfBirth) }
    const checked = validate(referralSchema(isoDateOf(new Date())), input)
    if (!checked.ok) return setIssues(checked.issues)
    setSaving(true)
    try {
      const { id } = await api.call('createCase', { ...checked.value, requestId })
      clearDraft()
      setRequestId(crypto.randomUUID())
      navigate(`/cases/${id}`)
    } catch (error) {
      const refused = error instanceof ApiCallError && error.issues.length > 0
      setIssues(refused ? error.issues : [{ field: FORM_LEVEL, message: (error as Error).message }])
      setSaving(false)
    }
  }

  return (
    <div className="narrow">
      <PageHeading title="Add a referral" />
      <p className="lead">Start a case for someone referred by an outreach team. Everything else is added on the case.</p>
      <ErrorSummary issues={issues} />
      <form onSubmit={save} noValidate>
        <fieldset className="group">
          <legend className="group__legend">The client</legend>
          <TextField name="clientName" label="Client name" value={values.clientName} onChange={set('clientName')} error={errors.clientName} />
          <TextField
            name="dateOfBirth"
            label="Date of birth"
            hint="For example, 27/03/1985"
            width="short"
            inputMode="numeric"
            value={values.dateOfBirth}
            onChange={set('dateOfBirth')}
            error={errors.dateOfBirth}
          />
          <TextField
            name="chainNumber"
            label="CHAIN number (if they have one)"
            hint="Digits only"
            width="medium"
            inputMode="numeric"
            value={values.chainNumber}
            onChange={set('chainNumber')}
            error={errors.chainNumber}
          />
        </fieldset>
        <fieldset className="group">
          <legend className="group__legend">Who referred them</legend>
          <TextField name="referrerName" label="Referrer's name" value={values.referrerName} onChange={set('referrerName')} error={errors.referrerName} />
          <TextField name="outreachTeam" label="Outreach team" value={values.outreachTeam} onChange={set('outreachTeam')} error={errors.outreachTeam} />
        </fieldset>
        <div className="actions">
          <button type="submit" className="button" disabled={saving}>
            {saving ? 'Saving…' : 'Save referral'}
          </button>
        </div>
      </form>
    </div>
  )
}
