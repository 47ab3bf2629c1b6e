import { useCallback, useEffect, useState } from 'react'
import type { Doc, DocHandle, DocumentId } from '@automerge/automerge-repo/slim'
import { isValidDocumentId } from '@automerge/automerge-repo/slim'
import { authoredBy } from '../../shared/authorship'
import { useProfile, useRepo } from '../app/contexts'
import { trackUntilSaved } from '../platform/track-until-saved'

export type LiveDocument<D, R> =
  | { status: 'loading' }
  | { status: 'missing' }
  | { status: 'ready'; value: R | Error; doc: D; change: (edit: (doc: D) => void) => void }

/**
 * A shared document, live (a case, a meeting): the window holds its own copy and edits it directly
 * (no round trip to the core), signing each change with the person using this laptop. `read` turns
 * the document into what the page shows, each time it changes; an error it throws is kept to show.
 * `prepare`, if given, brings the document to what a change needs before each change (a case's
 * newer parts, `withAddedParts`).
 */
export function useLiveDocument<D, R>(
  id: string,
  accepts: (doc: D) => boolean,
  read: (doc: D) => R,
  prepare?: { needed(doc: D): boolean; apply(doc: Doc<D>): Doc<D> },
): LiveDocument<D, R> {
  const repo = useRepo()
  const profile = useProfile()
  const [handle, setHandle] = useState<DocHandle<D> | null | undefined>(undefined)
  const [value, setValue] = useState<R | Error | undefined>(undefined)
  // The document itself too: what Automerge holds beyond the plain record (a field's conflicts and history).
  const [doc, setDoc] = useState<D | undefined>(undefined)

  useEffect(() => {
    let cancelled = false
    setHandle(undefined)
    setValue(undefined)
    setDoc(undefined)
    if (!isValidDocumentId(id)) {
      setHandle(null)
      return
    }
    repo.find<D>(id as DocumentId, { allowableStates: ['ready', 'unavailable'] }).then(
      (found) => !cancelled && setHandle(found.isReady() && accepts(found.doc()) ? found : null),
      () => !cancelled && setHandle(null),
    )
    return () => {
      cancelled = true
    }
    // `accepts` and `read` are fixed functions from the calling hook.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [repo, id])

  useEffect(() => {
    if (!handle) return
    const update = () => {
      setDoc(handle.doc())
      try {
        setValue(read(handle.doc()))
      } catch (error) {
        setValue(error instanceof Error ? error : new Error(String(error)))
      }
    }
    update()
    handle.on('change', update)
    return () => void handle.off('change', update)
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [handle])

  const change = useCallback(
    (edit: (doc: D) => void) => {
      if (!handle) return
      if (prepare?.needed(handle.doc())) handle.update(prepare.apply)
      handle.change(edit, authoredBy({ id: profile.id, name: profile.name }))
      trackUntilSaved(repo, handle)
    },
    [repo, handle, profile, prepare],
  )

  if (handle === null) return { status: 'missing' }
  if (handle === undefined || value === undefined || doc === undefined) return { status: 'loading' }
  return { status: 'ready', value, doc, change }
}
