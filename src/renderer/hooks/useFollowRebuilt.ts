import { useEffect } from 'react'
import { useProfile, useRepo } from '../app/contexts'
import { carryOverTyping } from '../platform/carry-over'
import { savedAs } from '../platform/track-until-saved'
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
  // Once the page has moved on, the answer about the old id is still there until the new id's
  // arrives: it leads to where the page already is, and nothing is carried or followed again.
  const replacedBy = followed && answer?.replacedBy !== id && followed.replacedBy !== id ? answer?.replacedBy : undefined
  useEffect(() => {
    if (!followed || !replacedBy) return
    let current = true
    const moveOn = () => current && follow(replacedBy)
    // Carried over or not (the new document would not open), the page goes where the document is now.
    void carryOverTyping(repo, id, followed, { id: profile.id, name: profile.name }, (fresh) => savedAs(id, repo, fresh)).then(moveOn, moveOn)
    return () => {
      current = false
    }
  }, [repo, id, followed, replacedBy, profile, follow])
}
