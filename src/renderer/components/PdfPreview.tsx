import { useEffect, useRef, useState, type ReactNode } from 'react'
import { getDocument, GlobalWorkerOptions, type PDFDocumentProxy } from 'pdfjs-dist'
import workerUrl from 'pdfjs-dist/build/pdf.worker.min.mjs?url'

GlobalWorkerOptions.workerSrc = workerUrl

/** Pages are drawn this wide (CSS pixels), sharp on high-density screens. */
const PAGE_WIDTH = 760

/**
 * A dialog over the page for looking at a document: its title, actions (open to print, email),
 * and Close (or Escape), which gives focus back where it was.
 */
export function PreviewDialog(props: { title: string; onClose: () => void; actions?: ReactNode; status?: ReactNode; children: ReactNode }) {
  const dialog = useRef<HTMLDialogElement>(null)
  useEffect(() => {
    dialog.current?.showModal()
  }, [])
  return (
    <dialog ref={dialog} className="preview" aria-labelledby="preview-title" onClose={props.onClose}>
      <div className="preview__bar">
        <h2 id="preview-title" className="preview__title">
          {props.title}
        </h2>
        <div className="preview__actions">
          {props.actions}
          <button type="button" className="button button--secondary" onClick={() => dialog.current?.close()}>
            Close
          </button>
        </div>
      </div>
      {/* What happened to the actions, announced here: the page behind the dialog is out of reach. */}
      <div className="preview__status" role="status">
        {props.status}
      </div>
      {/* Focusable, so the pages scroll from the keyboard too. */}
      <div className="preview__pages" tabIndex={0} role="region" aria-label={`${props.title}: pages`}>
        {props.children}
      </div>
    </dialog>
  )
}

/**
 * A PDF's pages, drawn by pdf.js, so a document looks the same in the desktop app and the browser
 * before it is printed or sent.
 */
export function PdfPages(props: { bytes: Uint8Array }) {
  const [pdf, setPdf] = useState<PDFDocumentProxy | undefined>()
  const [failure, setFailure] = useState<string | undefined>()
  useEffect(() => {
    setPdf(undefined)
    setFailure(undefined)
    // pdf.js takes the bytes over to its worker: give it a copy.
    const task = getDocument({ data: props.bytes.slice(), isEvalSupported: false })
    task.promise.then(setPdf, () => setFailure('This PDF could not be shown here. Open it to print instead.'))
    return () => void task.destroy()
  }, [props.bytes])
  if (failure) return <p className="banner banner--warning">{failure}</p>
  if (!pdf) return <p className="muted">Opening…</p>
  return (
    <>
      <p className="muted" aria-live="polite">
        {pdf.numPages} {pdf.numPages === 1 ? 'page' : 'pages'}
      </p>
      {Array.from({ length: pdf.numPages }, (_, i) => (
        <PdfPage key={i} pdf={pdf} number={i + 1} />
      ))}
    </>
  )
}

function PdfPage({ pdf, number }: { pdf: PDFDocumentProxy; number: number }) {
  const canvas = useRef<HTMLCanvasElement>(null)
  useEffect(() => {
    let cancelled = false
    let render: { cancel(): void } | undefined
    pdf.getPage(number).then((page) => {
      if (cancelled || !canvas.current) return
      const ratio = window.devicePixelRatio || 1
      const viewport = page.getViewport({ scale: (PAGE_WIDTH / page.getViewport({ scale: 1 }).width) * ratio })
      canvas.current.width = viewport.width
      canvas.current.height = viewport.height
      canvas.current.style.width = `${viewport.width / ratio}px`
      const task = page.render({ canvas: canvas.current, viewport })
      render = task
      task.promise.catch(() => undefined)
    }, () => undefined) // The document was closed meanwhile.
    return () => {
      cancelled = true
      render?.cancel()
    }
  }, [pdf, number])
  return <canvas ref={canvas} className="preview__page" role="img" aria-label={`Page ${number} of ${pdf.numPages}`} />
}
