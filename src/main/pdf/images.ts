import {
  concatTransformationMatrix,
  drawObject,
  popGraphicsState,
  pushGraphicsState,
  type PDFDocument,
  type PDFImage,
  type PDFPage,
} from '@cantoo/pdf-lib'
import { isQuarterTurn, readJpeg, stripJpegMetadata } from './jpeg'

/**
 * An image embedded in a PDF, with the way it is meant to be seen: phones store a photo's pixels
 * one way and record in EXIF how to turn (and sometimes mirror) them.
 */
export interface Picture {
  image: PDFImage
  orientation: number
  /** The size as seen, after turning. */
  width: number
  height: number
}

/**
 * Embeds a JPEG or PNG with nothing about it but its picture: a JPEG goes in as its own bytes, so
 * its EXIF (GPS, camera, names, thumbnail) is stripped first, its orientation read beforehand and
 * kept in how it is drawn; a PNG is decoded to pixels by pdf-lib, so none of its text chunks
 * (tEXt, iTXt, zTXt, eXIf) reach the PDF.
 */
export async function embedPicture(doc: PDFDocument, mediaType: 'image/jpeg' | 'image/png', bytes: Uint8Array): Promise<Picture> {
  const orientation = mediaType === 'image/jpeg' ? (readJpeg(bytes)?.orientation ?? 1) : 1
  const image = mediaType === 'image/jpeg' ? await doc.embedJpg(stripJpegMetadata(bytes)) : await doc.embedPng(bytes)
  const turned = isQuarterTurn(orientation)
  return { image, orientation, width: turned ? image.height : image.width, height: turned ? image.width : image.height }
}

/** Draws a picture into a box (x, y from the bottom left of the page), the way it is meant to be seen. */
export function drawPicture(page: PDFPage, picture: Picture, box: { x: number; y: number; w: number; h: number }): void {
  const name = page.node.newXObject('Image', picture.image.ref)
  page.pushOperators(pushGraphicsState(), concatTransformationMatrix(...orientationMatrix(picture.orientation, box)), drawObject(name), popGraphicsState())
}

type Matrix = [number, number, number, number, number, number]

/**
 * Maps the image's unit square (its stored top row at the top) onto the box where it is seen.
 * EXIF orientations: 1 as stored, 2 mirrored, 3 upside down, 4 mirrored top to bottom, 5 mirrored
 * along the diagonal, 6 turned a quarter clockwise, 7 mirrored along the other diagonal, 8 turned a
 * quarter anticlockwise.
 */
function orientationMatrix(orientation: number, { x, y, w, h }: { x: number; y: number; w: number; h: number }): Matrix {
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
