import { useState } from 'react'
import { useNavigate } from 'react-router'
import { ERASE_REASON_MAX } from '../../shared/team/erasures'
import { may } from '../../shared/team/permissions'
import { useApi, useSession } from '../app/contexts'
import { Confirm } from '../components/Confirm'
import { Problem } from '../components/form'
import { removeDraftsOfCase } from '../forms/drafts'
import { issuesOf } from '../forms/issues'
import { useOpenCase } from './CaseContext'

/**
 * A manager's "Erase this case" (UK GDPR Article 17): with the reason, and a confirmation that
 * names the client and says it cannot be undone. The case goes from every laptop and the server;
 * its figures stay, anonymised, in the monitoring report. The drafts typed into it here go too.
 */
export function EraseCase() {
  const { id, record } = useOpenCase()
  const { profile } = useSession()
  const api = useApi()
  const navigate = useNavigate()
  const [reason, setReason] = useState('')
  const [asking, setAsking] = useState(false)
  const [problem, setProblem] = useState<string | undefined>()
  const [busy, setBusy] = useState(false)
  if (!may(profile.role, 'erase-cases')) return null
  const ask = () => {
    if (reason.trim() === '') return setProblem('Give the reason for erasing the case')
    setProblem(undefined)
    setAsking(true)
  }
  const erase = () => {
    setAsking(false)
    setBusy(true)
    api
      .call('eraseCase', { caseId: id, reason: reason.trim() })
      .then(() => {
        removeDraftsOfCase(id)
        void navigate('/')
      })
      .catch((error: unknown) => setProblem(issuesOf(error)[0]?.message))
      .finally(() => setBusy(false))
  }
  return (
    <details className="disclosure">
      <summary>Erase this case</summary>
      <p className="field__hint">
        When the person asks to be forgotten, or the case should never have been kept. The case, its history, notes and scanned documents are deleted from
        every laptop and the team’s server, for ever. The monitoring report keeps its figures without a name.
      </p>
      <div className="field">
        <label htmlFor="erase-reason">Reason for erasing</label>
        <p className="field__hint" id="erase-reason-hint">
          Kept in the team’s record. Do not include the person’s name or details.
        </p>
        <textarea id="erase-reason" aria-describedby="erase-reason-hint" maxLength={ERASE_REASON_MAX} rows={2} value={reason} onChange={(event) => setReason(event.target.value)} />
      </div>
      <Problem text={problem} />
      <div className="actions">
        {asking ? (
          <Confirm
            question={`Erase the case of ${record.referral.clientName}?`}
            explanation={`Everything about ${record.referral.clientName} is deleted from every laptop and the server. This cannot be undone.`}
            yes="Erase the case"
            onYes={erase}
            no="Cancel"
            onNo={() => setAsking(false)}
            yesClassName="button button--warning"
            noClassName="button button--secondary"
          />
        ) : (
          <button type="button" className="button button--warning" aria-disabled={busy} onClick={() => !busy && ask()}>
            Erase this case
          </button>
        )}
      </div>
    </details>
  )
}
