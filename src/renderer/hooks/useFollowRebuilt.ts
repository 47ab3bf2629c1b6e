import { useEffect } from 'react'
import { useProfile, useRepo } from '../app/contexts'
import { carryOverTyping } from '../platform/carry-over'
import { trackUntilSaved } from '../platform/track-until-saved'
import { useApiQuery } from './useApiQuery'

/**
 * A page open on a document rebuilt under a new id (a corrected case; a meeting rebuilt on an
 * erasure) follows it, once this laptop's core has let go of the old one: what this window typed
 * into the old one that the core had not replayed is carried over first (`carryOverTyping`), then
 * `follow` moves the page to the id the document has now. Until the new document is here the old
 * one is kept, and the page stays on it.
 */
export function useFollowRebuilt(id: string, follow: (replacedBy: string) => void): void {
  const correction = useApiQuery('caseCorrection', { caseId: id }, 'team-changed')
  const repo = useRepo()
  const profile = useProfile()
  const answer = correction.status === 'ready' ? correction.data : undefined
  const followed = answer?.followed
  const replacedBy = followed ? answer?.replacedBy : undefined
  useEffect(() => {
    if (!followed || !replacedBy) return
    let current = true
    const moveOn = () => current && follow(replacedBy)
    // Carried over or not (the new document would not open), the page goes where the document is now.
    void carryOverTyping(repo, id, followed, { id: profile.id, name: profile.name }, (fresh) => trackUntilSaved(repo, fresh)).then(moveOn, moveOn)
    return () => {
      current = false
    }
  }, [repo, id, followed, replacedBy, profile, follow])
}
