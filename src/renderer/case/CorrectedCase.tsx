import { useEffect } from 'react'
import { useLocation, useNavigate } from 'react-router'
import { mayCorrect } from '../../shared/case/correct-value'
import { formatUkDayOf } from '../../shared/dates'
import { useApi, useSession } from '../app/contexts'
import { moveDraftsOfCase } from '../forms/drafts'
import { useApiQuery } from '../hooks/useApiQuery'
import { useOpenCase } from './CaseContext'

/**
 * A page open on a case whose record a correction rebuilt (here or on another laptop) follows it
 * to its new id, with the same part of the case shown; what was typed and not saved goes with it.
 */
export function useFollowCorrection(caseId: string): void {
  const correction = useApiQuery('caseCorrection', { caseId }, 'team-changed')
  const navigate = useNavigate()
  const { pathname } = useLocation()
  const replacedBy = correction.status === 'ready' ? correction.data.replacedBy : undefined
  useEffect(() => {
    if (!replacedBy) return
    moveDraftsOfCase(caseId, replacedBy)
    void navigate(pathname.replace(`/cases/${caseId}`, `/cases/${replacedBy}`), { replace: true })
  }, [caseId, replacedBy, navigate, pathname])
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
  const navigate = useNavigate()
  const { profile } = useSession()
  const { id, record } = useOpenCase()
  const { pathname } = useLocation()
  if (!mayCorrect(profile, record.allocation.leadCaseworker?.id)) return undefined
  return async (field, value) => {
    const { id: newId } = await api.call('correctValue', { caseId: id, field, value })
    moveDraftsOfCase(id, newId)
    void navigate(pathname.replace(`/cases/${id}`, `/cases/${newId}`), { replace: true })
  }
}
