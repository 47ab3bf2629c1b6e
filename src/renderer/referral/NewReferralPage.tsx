import { useState } from 'react'
import { Link, useNavigate } from 'react-router'
import type { CaseSummary } from '../../shared/case/summary'
import { referralSchema } from '../../shared/case/referral'
import { formatUkDate, isoDateOf, typedUkDate } from '../../shared/dates'
import { validate } from '../../shared/validation'
import { useApi } from '../app/contexts'
import { byField, ErrorSummary, Form, FormActions, TextField } from '../components/form'
import { PageHeading } from '../components/PageHeading'
import { useDiscardDraft, useDraft, useDraftsUnder } from '../forms/drafts'
import { useSubmit } from '../forms/useSubmit'
import { OutreachTeamPicker } from './OutreachTeamPicker'

const EMPTY = { clientName: '', dateOfBirth: '', chainNumber: '', referrerName: '', outreachTeam: '' }

/**
 * Tool 3's first details: enough to open a case; the rest of the referral is filled in on the case.
 * Each referral typed is a draft of its own: the page starts empty, and offers any unsaved referral
 * by name to continue or discard, so one person's details never end up in another's referral.
 */
export function NewReferralPage() {
  const [draftId, setDraftId] = useState<string>(() => crypto.randomUUID())
  const others = useDraftsUnder(DRAFTS).filter((draft) => draft.key !== DRAFTS + draftId)
  const discard = useDiscardDraft()
  return (
    <div className="narrow">
      <PageHeading title="Add a referral" />
      <p className="lead">Start a case for someone referred to you, by an outreach team, another organisation or themselves. Everything else is added on the case.</p>
      {others.map((draft) => {
        const name = (draft.value as Partial<typeof EMPTY>).clientName?.trim() || 'someone not yet named'
        return (
          <section key={draft.key} className="panel banner banner--warning referral-draft" aria-label={`Unsaved referral for ${name}`}>
            <p>You have an unsaved referral for {name} — continue it or discard it.</p>
            <div className="actions">
              <button type="button" className="button button--secondary" onClick={() => {
                  setDraftId(draft.key.slice(DRAFTS.length))
                  focusClientName()
                }}>
                Continue the referral for {name}
              </button>
              <button type="button" className="button button--warning" onClick={() => {
                  discard(draft.key)
                  focusClientName()
                }}>
                Discard the referral for {name}
              </button>
            </div>
          </section>
        )
      })}
      {/* Keyed by the draft: continuing another referral starts its form afresh from that draft alone. */}
      <ReferralForm key={draftId} draftId={draftId} />
    </div>
  )
}

const DRAFTS = 'new-referral:'

/** After continuing or discarding a referral its buttons are gone: the form's first field is where to carry on. */
function focusClientName() {
  requestAnimationFrame(() => document.getElementById('field-clientName')?.focus())
}

function ReferralForm({ draftId }: { draftId: string }) {
  const api = useApi()
  const navigate = useNavigate()
  const [values, setValues, clearDraft] = useDraft(DRAFTS + draftId, 'New referral', EMPTY)
  const { busy, issues, run, refuse } = useSubmit()
  const errors = byField(issues)
  const set = (field: keyof typeof EMPTY) => (value: string) => setValues({ ...values, [field]: value })

  const [duplicates, setDuplicates] = useState<CaseSummary[]>([])

  const save = (allowDuplicate = false) => {
    const input = { ...values, dateOfBirth: typedUkDate(values.dateOfBirth) }
    const checked = validate(referralSchema(isoDateOf(new Date())), input)
    if (!checked.ok) return refuse(checked.issues)
    void run(async () => {
      if (!allowDuplicate) {
        const matches = await api.call('checkDuplicates', checked.value)
        if (matches.length > 0) return setDuplicates(matches)
      }
      // The draft's id is the request's: saving again after a lost connection cannot open it twice.
      const { id } = await api.call('createCase', { ...checked.value, requestId: draftId, allowDuplicate })
      setDuplicates([])
      clearDraft()
      navigate(`/cases/${id}`)
    })
  }

  return (
    <>
      <ErrorSummary issues={issues} />
      {duplicates.length > 0 && (
        <section className="panel duplicates" role="alert" aria-labelledby="duplicates-heading">
          <h2 id="duplicates-heading">This may be someone who already has a case</h2>
          <ul>
            {duplicates.map((match) => (
              <li key={match.id}>
                <Link to={`/cases/${match.id}`}>{match.clientName}</Link>, born {formatUkDate(match.dateOfBirth)}
                {match.chainNumber ? `, CHAIN ${match.chainNumber}` : ''} ({match.status === 'closed' ? 'closed case' : 'open case'})
              </li>
            ))}
          </ul>
          <p>Check before going on: a second case for the same person splits their notes. A closed case can be referred again from its page.</p>
          <div className="actions">
            <button type="button" className="button button--secondary" disabled={busy} onClick={() => save(true)}>
              Save as a new referral anyway
            </button>
          </div>
        </section>
      )}
      <Form onSubmit={() => save()}>
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
          {/* The case's referral form's picker: one organisation is one entry however it is typed. */}
          <OutreachTeamPicker
            name="outreachTeam"
            label="Referring organisation"
            value={values.outreachTeam}
            onChange={set('outreachTeam')}
            {...(errors.outreachTeam ? { error: errors.outreachTeam } : {})}
          />
        </fieldset>
        <FormActions label="Save referral" busy={busy} busyLabel="Saving…" />
      </Form>
    </>
  )
}
