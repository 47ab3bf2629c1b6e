import { useCallback, useEffect, useState } from 'react'
import type { DocHandle, DocumentId } from '@automerge/automerge-repo/slim'
import { isValidDocumentId } from '@automerge/automerge-repo/slim'
import { authoredBy } from '../../shared/authorship'
import { readCase, UnreadableCaseError, type CaseDoc, type CaseRecord } from '../../shared/case/case-doc'
import { useProfile, useRepo } from '../app/contexts'
import { trackUntilSaved, useIsSaved } from '../platform/unsaved'

export type CaseState =
  | { status: 'loading' }
  | { status: 'missing' }
  | { status: 'unreadable'; message: string }
  | { status: 'ready'; record: CaseRecord; change: (edit: (doc: CaseDoc) => void) => void; saved: boolean }

/**
 * An open case, live: the window holds its own copy of the case document and edits it directly
 * (no round trip to the core), signing each change with the person using this laptop.
 */
export function useCase(id: string): CaseState {
  const repo = useRepo()
  const profile = useProfile()
  const [handle, setHandle] = useState<DocHandle<CaseDoc> | null | undefined>(undefined)
  const [record, setRecord] = useState<CaseRecord | Error | undefined>(undefined)

  useEffect(() => {
    let cancelled = false
    setHandle(undefined)
    setRecord(undefined)
    if (!isValidDocumentId(id)) {
      setHandle(null)
      return
    }
    repo.find<CaseDoc>(id as DocumentId, { allowableStates: ['ready', 'unavailable'] }).then(
      (found) => !cancelled && setHandle(found.isReady() ? found : null),
      () => !cancelled && setHandle(null),
    )
    return () => {
      cancelled = true
    }
  }, [repo, id])

  useEffect(() => {
    if (!handle) return
    const read = () => {
      try {
        setRecord(readCase(handle.doc()))
      } catch (error) {
        setRecord(error instanceof Error ? error : new UnreadableCaseError('unknown'))
      }
    }
    read()
    handle.on('change', read)
    return () => void handle.off('change', read)
  }, [handle])

  const change = useCallback(
    (edit: (doc: CaseDoc) => void) => {
      if (!handle) return
      handle.change(edit, authoredBy({ id: profile.id, name: profile.name }))
      trackUntilSaved(repo, handle)
    },
    [repo, handle, profile],
  )
  const saved = useIsSaved(id)

  if (handle === null) return { status: 'missing' }
  if (handle === undefined || record === undefined) return { status: 'loading' }
  if (record instanceof Error) return { status: 'unreadable', message: record.message }
  return { status: 'ready', record, change, saved }
}
