import { useEffect, useState } from 'react'
import { useSearchParams } from 'react-router'
import { useApi } from '../../app/contexts'
import { useOpenCase } from '../CaseContext'
import { PdfPages, PreviewDialog } from '../../components/PdfPreview'
import { issuesOf } from '../../forms/issues'
import { useApiQuery } from '../../hooks/useApiQuery'
import { useAttachmentFile } from './useAttachmentFile'
import { fromBase64, saveToDownloads } from '../../platform/files'
import { AttachmentsPanel } from './AttachmentsPanel'
import { SubjectAccessPanel } from './SubjectAccessPanel'
import { ClosureLetterPanel, emailWhyNot, GeneratedList, MAKE_CLOSURE_LETTER_BUTTON, MAKE_PACK_BUTTON, PackPanel } from './PaperworkPanels'

type Showing =
  | { kind: 'attachment'; id: string; title: string; mediaType: string }
  | { kind: 'generated'; id: string; title: string; bytes: Uint8Array; returnTo?: string }

/** The case's documents: scanned evidence, the presentation pack, the closure letter, and what was made. */
export function DocumentsView() {
  const { id: caseId, record } = useOpenCase()
  const api = useApi()
  const settings = useApiQuery('getTeamSettings', {}, 'team-changed')
  const [showing, setShowing] = useState<Showing | undefined>()
  const [notice, setNotice] = useState<{ text: string; warning?: boolean } | undefined>()
  // A document made is shown as soon as it is ready, while the button that made it was away (its
  // progress bar drawn in its place): the dialog cannot give focus back to it, so this does, by id,
  // once the dialog is gone from the page.
  const [focusAfterClose, setFocusAfterClose] = useState<string | undefined>()
  useEffect(() => {
    if (!focusAfterClose) return
    document.getElementById(focusAfterClose)?.focus()
    setFocusAfterClose(undefined)
  }, [focusAfterClose])
  // Arriving from "Attach evidence" on an address or connection: the upload is for that entry.
  const [params] = useSearchParams()
  const evidenceFor = params.get('evidence') ?? undefined

  const preview = async (documentId: string, returnTo?: string) => {
    setNotice(undefined)
    try {
      const file = await api.call('readGeneratedDocument', { caseId, documentId })
      setShowing({ kind: 'generated', id: documentId, title: file.fileName.replace(/\.pdf$/, ''), bytes: fromBase64(file.base64), ...(returnTo ? { returnTo } : {}) })
    } catch (error) {
      setNotice({ text: issuesOf(error)[0]?.message ?? 'It could not be opened.', warning: true })
    }
  }

  const open = async (documentId: string, as: 'pdf' | 'email') => {
    setNotice(undefined)
    try {
      const result = await api.call('openGeneratedDocument', { caseId, documentId, as })
      if (result.opened) {
        setNotice({ text: as === 'pdf' ? 'Opened in your PDF viewer, ready to print.' : 'Opened in your email program, ready to send.' })
      } else {
        saveToDownloads(result, as === 'pdf' ? 'application/pdf' : 'message/rfc822')
        setNotice({ text: `This computer could not open it, so ${result.fileName} was saved to your downloads.` })
      }
    } catch (error) {
      setNotice({ text: issuesOf(error)[0]?.message ?? 'It could not be opened.', warning: true })
    }
  }

  const paperworkSettings = settings.status === 'ready' ? settings.data : undefined
  return (
    <article aria-labelledby="documents-heading">
      <h2 id="documents-heading" className="phase-title">
        Documents
      </h2>
      <p className="lead">The client's scanned documents, and the paperwork made from the case: the presentation pack and the closure letter.</p>
      {notice && !showing && (
        <p className={notice.warning ? 'banner banner--warning' : 'notice'} role="status">
          {notice.text}
        </p>
      )}
      <AttachmentsPanel
        onView={(attachment) => setShowing({ kind: 'attachment', ...attachment })}
        {...(evidenceFor ? { evidenceFor } : {})}
      />
      {/* A pack is for the day of reconnection: a closed case needs none (those made are listed below). */}
      {record.status !== 'closed' && <PackPanel settings={paperworkSettings} onMade={(id) => void preview(id, MAKE_PACK_BUTTON)} />}
      {(record.phase === 'closure-and-review' || record.status === 'closed') && <ClosureLetterPanel settings={paperworkSettings} onMade={(id) => void preview(id, MAKE_CLOSURE_LETTER_BUTTON)} />}
      <GeneratedList onPreview={(id) => void preview(id)} onOpen={(id, as) => void open(id, as)} />
      <SubjectAccessPanel />
      {showing?.kind === 'generated' && (
        <PreviewDialog
          title={showing.title}
          onClose={() => {
            setShowing(undefined)
            setFocusAfterClose(showing.returnTo)
          }}
          status={notice && <span className={notice.warning ? 'preview__status--warning' : undefined}>{notice.text}</span>}
          actions={
            <>
              <button type="button" className="button" onClick={() => void open(showing.id, 'pdf')}>
                Open to print
              </button>
              {(record.generatedDocuments[showing.id] && emailWhyNot(record, record.generatedDocuments[showing.id]!)) ?? (
                <button type="button" className="button button--secondary" onClick={() => void open(showing.id, 'email')}>
                  Prepare email
                </button>
              )}
            </>
          }
        >
          <PdfPages bytes={showing.bytes} />
        </PreviewDialog>
      )}
      {showing?.kind === 'attachment' && <AttachmentPreview {...showing} onClose={() => setShowing(undefined)} />}
    </article>
  )
}

function AttachmentPreview(props: { id: string; title: string; mediaType: string; onClose: () => void }) {
  const file = useAttachmentFile(props.id, props.mediaType)
  return (
    <PreviewDialog title={props.title} onClose={props.onClose}>
      {file.status === 'loading' && <p className="muted">Opening…</p>}
      {file.status === 'missing' && <p className="banner banner--warning">This document's file has not reached this laptop yet.</p>}
      {file.status === 'ready' &&
        (props.mediaType === 'application/pdf' ? <PdfPages bytes={file.bytes} /> : <img className="preview__image" src={file.url} alt={props.title} />)}
    </PreviewDialog>
  )
}
