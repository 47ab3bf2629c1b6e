import { PDFDocument } from '@cantoo/pdf-lib'
import { pageRefusal, type MediaType } from '../../shared/case/attachments'
import { FileRefusedError } from '../core/errors'
import { removeActiveContent } from './active-content'
import { drawPicture, embedPicture, type Picture } from './images'
import { A4 } from './layout'
import { loadPdf } from './load'

/** A scanned document going into a pack, with its bytes. */
export interface Enclosure {
  fileName: string
  mediaType: MediaType
  bytes: Uint8Array
}

/** Room around a placed image: the bottom keeps clear of the footer. */
const IMAGE_MARGIN = { side: 36, top: 36, bottom: 56 }

/**
 * Adds an enclosure's pages at the end of `doc` and returns how many: a PDF's pages copied in as
 * they look (size and rotation kept) but with no active content (scripts, actions, links, attached
 * files), an image on an A4 page of its own, turned the way it is seen.
 */
export async function appendEnclosure(doc: PDFDocument, enclosure: Enclosure): Promise<number> {
  try {
    if (enclosure.mediaType === 'application/pdf') {
      const source = await loadPdf(enclosure.bytes, { updateMetadata: false })
      // Checked on the way in too; asked again here, as the pack takes whatever file it is given.
      const tooLong = pageRefusal(source.getPageCount())
      if (tooLong) throw new FileRefusedError(enclosure.fileName, tooLong)
      removeActiveContent(source)
      const pages = await doc.copyPages(source, source.getPageIndices())
      for (const page of pages) doc.addPage(page)
      return pages.length
    }
    placePicture(doc, await embedPicture(doc, enclosure.mediaType, enclosure.bytes))
    return 1
  } catch (error) {
    if (error instanceof FileRefusedError) throw error
    throw new FileRefusedError(enclosure.fileName, 'it could not be read into the pack. Remove it and attach it again.')
  }
}

/** Draws a picture as large as fits on a new A4 page, portrait or landscape to match it as seen. */
function placePicture(doc: PDFDocument, picture: Picture): void {
  const landscape = picture.width > picture.height
  const page = doc.addPage(landscape ? [A4.height, A4.width] : [A4.width, A4.height])
  const box = {
    width: page.getWidth() - 2 * IMAGE_MARGIN.side,
    height: page.getHeight() - IMAGE_MARGIN.top - IMAGE_MARGIN.bottom,
  }
  const scale = Math.min(box.width / picture.width, box.height / picture.height)
  const w = picture.width * scale
  const h = picture.height * scale
  drawPicture(page, picture, { x: IMAGE_MARGIN.side + (box.width - w) / 2, y: IMAGE_MARGIN.bottom + (box.height - h) / 2, w, h })
}
