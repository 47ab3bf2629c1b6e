import {
  concatTransformationMatrix,
  drawObject,
  PDFDocument,
  popGraphicsState,
  pushGraphicsState,
  type PDFImage,
  type PDFPage,
} from '@cantoo/pdf-lib'
import type { MediaType } from '../../shared/attachments'
import { FileRefusedError } from './file-check'
import { isQuarterTurn, readJpeg } from './jpeg'
import { A4 } from './layout'

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
 * they are (size and rotation kept), an image on an A4 page of its own, turned the way it is seen.
 */
export async function appendEnclosure(doc: PDFDocument, enclosure: Enclosure): Promise<number> {
  try {
    if (enclosure.mediaType === 'application/pdf') {
      const source = await PDFDocument.load(enclosure.bytes, { updateMetadata: false })
      const pages = await doc.copyPages(source, source.getPageIndices())
      for (const page of pages) doc.addPage(page)
      return pages.length
    }
    if (enclosure.mediaType === 'image/jpeg') {
      const orientation = readJpeg(enclosure.bytes)?.orientation ?? 1
      placeImage(doc, await doc.embedJpg(enclosure.bytes), orientation)
      return 1
    }
    placeImage(doc, await doc.embedPng(enclosure.bytes), 1)
    return 1
  } catch (error) {
    if (error instanceof FileRefusedError) throw error
    throw new FileRefusedError(enclosure.fileName, 'it could not be read into the pack. Remove it and attach it again.')
  }
}

/**
 * Draws an image as large as fits on a new A4 page, portrait or landscape to match the picture as
 * seen: a phone photo's pixels are stored one way and its EXIF orientation says how to turn (and
 * sometimes mirror) them, so the image is drawn through the matching transformation.
 */
function placeImage(doc: PDFDocument, image: PDFImage, orientation: number): void {
  const turned = isQuarterTurn(orientation)
  const seen = turned ? { width: image.height, height: image.width } : { width: image.width, height: image.height }
  const landscape = seen.width > seen.height
  const page = doc.addPage(landscape ? [A4.height, A4.width] : [A4.width, A4.height])
  const box = {
    width: page.getWidth() - 2 * IMAGE_MARGIN.side,
    height: page.getHeight() - IMAGE_MARGIN.top - IMAGE_MARGIN.bottom,
  }
  const scale = Math.min(box.width / seen.width, box.height / seen.height)
  const w = seen.width * scale
  const h = seen.height * scale
  const x = IMAGE_MARGIN.side + (box.width - w) / 2
  const y = IMAGE_MARGIN.bottom + (box.height - h) / 2
  drawThrough(page, image, orientationMatrix(orientation, { x, y, w, h }))
}

type Matrix = [number, number, number, number, number, number]

/**
 * Maps the image's unit square (its stored top row at the top) onto the box where it is seen.
 * EXIF orientations: 1 as stored, 2 mirrored, 3 upside down, 4 mirrored top to bottom, 5 mirrored
 * along the diagonal, 6 turned a quarter clockwise, 7 mirrored along the other diagonal, 8 turned a
 * quarter anticlockwise.
 */
export function orientationMatrix(orientation: number, { x, y, w, h }: { x: number; y: number; w: number; h: number }): Matrix {
  switch (orientation) {
    case 2:
      return [-w, 0, 0, h, x + w, y]
    case 3:
      return [-w, 0, 0, -h, x + w, y + h]
    case 4:
      return [w, 0, 0, -h, x, y + h]
    case 5:
      return [0, -h, -w, 0, x + w, y + h]
    case 6:
      return [0, -h, w, 0, x, y + h]
    case 7:
      return [0, h, w, 0, x, y]
    case 8:
      return [0, h, -w, 0, x + w, y]
    default:
      return [w, 0, 0, h, x, y]
  }
}

function drawThrough(page: PDFPage, image: PDFImage, matrix: Matrix): void {
  const name = page.node.newXObject('Image', image.ref)
  page.pushOperators(pushGraphicsState(), concatTransformationMatrix(...matrix), drawObject(name), popGraphicsState())
}
