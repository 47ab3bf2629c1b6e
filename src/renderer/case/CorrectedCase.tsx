import { useCallback } from 'react'
import { useLocation, useNavigate } from 'react-router'
import { mayCorrect } from '../../shared/case/correct-value'
import { formatUkDayOf } from '../../shared/dates'
import { useApi, useRepo, useSession } from '../app/contexts'
import { moveDraftsOfCase } from '../forms/drafts'
import { useApiQuery } from '../hooks/useApiQuery'
import { useFollowRebuilt } from '../hooks/useFollowRebuilt'
import { typingIn, useTypingKept } from '../hooks/useTypingKept'
import { carryOverTyping } from '../platform/carry-over'
import { savedAs } from '../platform/track-until-saved'
import { useOpenCase } from './CaseContext'

/**
 * A page open on a case whose record a correction rebuilt (here or on another laptop) follows it
 * to its new id, with the same part of the case shown; what was typed and not saved goes with it
 * (its drafts), and so does what was saved in this window and not yet replayed by the core.
 */
export function useFollowCorrection(caseId: string): void {
  const navigate = useNavigate()
  const { pathname } = useLocation()
  useFollowRebuilt(
    caseId,
    useCallback(
      (replacedBy: string) => {
        moveDraftsOfCase(caseId, replacedBy)
        // Where the person is stays as it was: the same part of the case, and the field they were typing in.
        void navigate(pathname.replace(`/cases/${caseId}`, `/cases/${replacedBy}`), { replace: true, state: typingIn() })
      },
      [caseId, navigate, pathname],
    ),
  )
}

/** Put in the open case's page: once it has followed a correction, the person is back in the field they were typing in. */
export function TypingKept(): null {
  useTypingKept()
  return null
}

/** Said in the case's header of a case whose record was rebuilt to remove a corrected value. */
export function RebuiltNotice() {
  const { id } = useOpenCase()
  const correction = useApiQuery('caseCorrection', { caseId: id }, 'team-changed')
  const at = correction.status === 'ready' ? correction.data.rebuiltAt : undefined
  if (!at) return null
  return <p className="banner">This case’s record was rebuilt to remove a corrected value on {formatUkDayOf(at)}.</p>
}

/**
 * The way to correct a field's value so that the old one is removed from the case's history (the
 * case's lead caseworker's or a manager's): the right value, then a confirmation saying what
 * happens. Undefined for anyone else, who is not offered it.
 */
export function useCorrectValue(): ((field: string, value: string) => Promise<void>) | undefined {
  const api = useApi()
  const repo = useRepo()
  const navigate = useNavigate()
  const { profile } = useSession()
  const { id, record } = useOpenCase()
  const { pathname } = useLocation()
  if (!mayCorrect(profile, record.allocation.leadCaseworker?.id)) return undefined
  return async (field, value) => {
    const { id: newId } = await api.call('correctValue', { caseId: id, field, value })
    // What this window saved as the correction was made, and the core had not yet, goes with it.
    const { followed } = await api.call('caseCorrection', { caseId: id })
    if (followed) await carryOverTyping(repo, id, followed, { id: profile.id, name: profile.name }, (fresh) => savedAs(id, repo, fresh))
    moveDraftsOfCase(id, newId)
    void navigate(pathname.replace(`/cases/${id}`, `/cases/${newId}`), { replace: true })
  }
}
