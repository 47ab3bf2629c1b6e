import { useEffect, useState } from 'react'
import type { DocumentId } from '@automerge/automerge-repo/slim'
import type { AttachmentDoc } from '../../../shared/case/attachments'
import { useRepo } from '../../app/contexts'

export type AttachmentFile = { status: 'loading' } | { status: 'missing' } | { status: 'ready'; bytes: Uint8Array; url: string }

/**
 * A scanned document's file, fetched from the core by the window's repo when first shown, with an
 * address for an <img> or a download (a photo then shows the way up its EXIF orientation says).
 */
export function useAttachmentFile(id: string | undefined, mediaType: string): AttachmentFile {
  const repo = useRepo()
  const [file, setFile] = useState<AttachmentFile>({ status: 'loading' })
  useEffect(() => {
    if (!id) return
    let url: string | undefined
    let cancelled = false
    setFile({ status: 'loading' })
    repo.find<AttachmentDoc>(id as DocumentId, { allowableStates: ['ready', 'unavailable'] }).then(
      (handle) => {
        const bytes = handle.isReady() ? handle.doc().bytes : undefined
        if (cancelled) return
        if (!(bytes instanceof Uint8Array)) return setFile({ status: 'missing' })
        url = URL.createObjectURL(new Blob([bytes as BlobPart], { type: mediaType }))
        setFile({ status: 'ready', bytes, url })
      },
      () => !cancelled && setFile({ status: 'missing' }),
    )
    return () => {
      cancelled = true
      if (url) URL.revokeObjectURL(url)
    }
  }, [repo, id, mediaType])
  return file
}
