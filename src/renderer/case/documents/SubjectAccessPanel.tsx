import { useState } from 'react'
import { mayMakeSubjectAccessCopy } from '../../../shared/case/subject-access'
import { useApi, useSession } from '../../app/contexts'
import { Panel } from '../../components/Panel'
import { issuesOf } from '../../forms/issues'
import { saveToDownloads } from '../../platform/files'
import { useOpenCase } from '../CaseContext'

export const SUBJECT_ACCESS_BUTTON = 'subject-access-copy'

/**
 * A copy for the person (UK GDPR Article 15), for a manager or the case's lead caseworker: one
 * click saves a ZIP of the readable PDF, the scanned documents and record.json to the downloads.
 * Not shown to anyone else, whom the core would refuse.
 */
export function SubjectAccessPanel() {
  const { id: caseId, record } = useOpenCase()
  const { profile } = useSession()
  const api = useApi()
  const [busy, setBusy] = useState(false)
  const [said, setSaid] = useState<{ text: string; warning?: boolean } | undefined>()
  if (!mayMakeSubjectAccessCopy(profile, record.allocation.leadCaseworker?.id)) return null
  const make = async () => {
    setBusy(true)
    setSaid(undefined)
    try {
      const copy = await api.call('makeSubjectAccessCopy', { caseId })
      saveToDownloads(copy, 'application/zip')
      const review = copy.heldForReview > 0 ? ` ${copy.heldForReview} ${copy.heldForReview === 1 ? 'note names' : 'notes name'} another person: see the pages headed “For the reviewer” at the end of the PDF before the copy is given.` : ''
      const missing = copy.missingScans.length > 0 ? ` Not in it, because not on this laptop yet: ${copy.missingScans.join(', ')}.` : ''
      setSaid({ text: `${copy.fileName} was saved to your downloads.${review}${missing}`, warning: missing !== '' })
    } catch (error) {
      setSaid({ text: issuesOf(error)[0]?.message ?? 'The copy could not be made.', warning: true })
    } finally {
      setBusy(false)
    }
  }
  return (
    <Panel id="subject-access-heading" title="A copy for the person (subject access)">
      <p className="field__hint">
        When {record.referral.clientName} asks for the information held about them: a readable PDF of everything on the case, their scanned documents and a
        computer copy of the record, in one ZIP file. Making it is recorded in the audit.
      </p>
      {said && (
        <p className={said.warning ? 'banner banner--warning' : 'notice'} role="status">
          {said.text}
        </p>
      )}
      <div className="actions">
        <button type="button" className="button button--secondary" id={SUBJECT_ACCESS_BUTTON} disabled={busy} onClick={() => void make()}>
          {busy ? 'Making the copy…' : 'Subject access copy'}
        </button>
      </div>
    </Panel>
  )
}
