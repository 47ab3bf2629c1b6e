import { useCallback, useEffect, useState } from 'react'
import type { DocHandle, DocumentId } from '@automerge/automerge-repo/slim'
import { isValidDocumentId } from '@automerge/automerge-repo/slim'
import { authoredBy } from '../../shared/authorship'
import { isMeetingDoc, readMeeting, type MeetingDoc, type MeetingRecord } from '../../shared/meeting/meeting-doc'
import { useProfile, useRepo } from '../app/contexts'
import { trackUntilSaved } from '../platform/unsaved'

export type MeetingState =
  | { status: 'loading' }
  | { status: 'missing' }
  | { status: 'ready'; meeting: MeetingRecord; change: (edit: (doc: MeetingDoc) => void) => void }

/** A meeting, live: what anyone in it records appears here as it syncs; edits go straight into it. */
export function useMeeting(id: string): MeetingState {
  const repo = useRepo()
  const profile = useProfile()
  const [handle, setHandle] = useState<DocHandle<MeetingDoc> | null | undefined>(undefined)
  const [meeting, setMeeting] = useState<MeetingRecord | undefined>(undefined)

  useEffect(() => {
    let cancelled = false
    setHandle(undefined)
    setMeeting(undefined)
    if (!isValidDocumentId(id)) {
      setHandle(null)
      return
    }
    repo.find<MeetingDoc>(id as DocumentId, { allowableStates: ['ready', 'unavailable'] }).then(
      (found) => !cancelled && setHandle(found.isReady() && isMeetingDoc(found.doc()) ? found : null),
      () => !cancelled && setHandle(null),
    )
    return () => {
      cancelled = true
    }
  }, [repo, id])

  useEffect(() => {
    if (!handle) return
    const read = () => setMeeting(readMeeting(handle.doc()))
    read()
    handle.on('change', read)
    return () => void handle.off('change', read)
  }, [handle])

  const change = useCallback(
    (edit: (doc: MeetingDoc) => void) => {
      if (!handle) return
      handle.change(edit, authoredBy({ id: profile.id, name: profile.name }))
      trackUntilSaved(repo, handle)
    },
    [handle, profile, repo],
  )

  if (handle === null) return { status: 'missing' }
  if (!handle || !meeting) return { status: 'loading' }
  return { status: 'ready', meeting, change }
}
