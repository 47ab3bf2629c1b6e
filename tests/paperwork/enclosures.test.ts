import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { PDFDocument } from '@cantoo/pdf-lib'
import jpeg from 'jpeg-js'
import { afterAll, describe, expect, it } from 'vitest'
import type { MediaType } from '../../src/shared/case/attachments'
import { FileRefusedError } from '../../src/main/core/errors'
import { appendEnclosure } from '../../src/main/pdf/enclosures'
import { embedFaces } from '../../src/main/pdf/fonts'
import { stampFooters } from '../../src/main/pdf/layout'
import { readJpeg, stripJpegMetadata } from '../../src/main/pdf/jpeg'
import { interlacedPng, markedJpeg, markedPng, PHOTO_SECRETS, phonePhoto, photoPdf, plainJpeg, pngWithText, textPdf } from '../support/fixtures'
import { corners, pdfContents, pdfPages, pdfText, qdfText, qpdfCheck, renderPage, type Corner } from '../support/pdf-tools'
import { tempDir } from '../support/temp-dir'

const dir = tempDir('enclosures')
afterAll(() => dir.remove())

async function merged(name: string, enclosures: { fileName: string; mediaType: MediaType; bytes: Uint8Array }[]) {
  const doc = await PDFDocument.create()
  const counts: number[] = []
  for (const enclosure of enclosures) counts.push(await appendEnclosure(doc, enclosure))
  const file = join(dir.path, name)
  writeFileSync(file, await doc.save())
  return { file, counts, doc }
}

const jpegOf = (orientation: number, width?: number, height?: number) => ({
  fileName: `photo-${orientation}.jpg`,
  mediaType: 'image/jpeg' as const,
  bytes: markedJpeg(orientation, width, height),
})

describe('enclosures in a pack', () => {
  it('merges 3 PDFs (one of 5 pages), a portrait and a landscape JPEG and a PNG, in order, each page the right way round', async () => {
    const { file, counts } = await merged('merged.pdf', [
      { fileName: 'birth-certificate.pdf', mediaType: 'application/pdf', bytes: await textPdf('Birth certificate', 1) },
      { fileName: 'bank-statements.pdf', mediaType: 'application/pdf', bytes: await textPdf('Statements', 5) },
      { fileName: 'tenancy-landscape.pdf', mediaType: 'application/pdf', bytes: await textPdf('Tenancy', 2, { landscape: true }) },
      jpegOf(1, 200, 320),
      jpegOf(1, 320, 200),
      { fileName: 'gp-letter.png', mediaType: 'image/png', bytes: markedPng('alpha') },
    ])
    expect(counts).toEqual([1, 5, 2, 1, 1, 1])
    expect(qpdfCheck(file)).toBe('')
    const pages = pdfPages(file)
    expect(pages).toHaveLength(11)
    const landscape = pages.map((page) => page.width > page.height)
    expect(landscape).toEqual([false, false, false, false, false, false, true, true, false, true, false])
    const text = pdfText(file)
    expect(text.indexOf('Birth certificate page 1')).toBeLessThan(text.indexOf('Statements page 5'))
    expect(text.indexOf('Statements page 5')).toBeLessThan(text.indexOf('Tenancy page 2'))
  })

  it('honours each EXIF orientation: the page fits the picture as seen, and its corners land where they should', async () => {
    // The stored picture is 320 × 200 (landscape): black top-left, grey top-right.
    const expected: Record<number, { landscape: boolean; black: Corner; grey: Corner }> = {
      1: { landscape: true, black: 'TL', grey: 'TR' },
      2: { landscape: true, black: 'TR', grey: 'TL' },
      3: { landscape: true, black: 'BR', grey: 'BL' },
      4: { landscape: true, black: 'BL', grey: 'BR' },
      5: { landscape: false, black: 'TL', grey: 'BL' },
      6: { landscape: false, black: 'TR', grey: 'BR' },
      7: { landscape: false, black: 'BR', grey: 'TR' },
      8: { landscape: false, black: 'BL', grey: 'TL' },
    }
    const { file } = await merged('orientations.pdf', [1, 2, 3, 4, 5, 6, 7, 8].map((o) => jpegOf(o)))
    expect(qpdfCheck(file)).toBe('')
    const pages = pdfPages(file)
    for (let orientation = 1; orientation <= 8; orientation++) {
      const page = renderPage(file, orientation, dir.path, 30)
      const seen = { landscape: pages[orientation - 1]!.width > pages[orientation - 1]!.height, ...corners(page) }
      expect(seen, `orientation ${orientation}`).toEqual(expected[orientation])
    }
  })

  it('places PNGs with alpha, 16 bits a channel and interlacing, upright and visible', async () => {
    const { file } = await merged('pngs.pdf', [
      { fileName: 'alpha.png', mediaType: 'image/png', bytes: markedPng('alpha') },
      { fileName: 'sixteen.png', mediaType: 'image/png', bytes: markedPng('16-bit') },
      { fileName: 'interlaced.png', mediaType: 'image/png', bytes: interlacedPng() },
    ])
    expect(qpdfCheck(file)).toBe('')
    for (const page of [1, 2]) expect(corners(renderPage(file, page, dir.path, 30))).toEqual({ black: 'TL', grey: 'TR' })
    const interlaced = renderPage(file, 3, dir.path, 30)
    const picture = interlaced.markedRegion()
    // Its dark quarter is top left, its light rest elsewhere.
    const mid = { x: (picture.left + picture.right) / 2, y: (picture.top + picture.bottom) / 2 }
    expect(interlaced.mean({ left: picture.left, top: picture.top, right: mid.x, bottom: mid.y })).toBeLessThan(80)
    expect(interlaced.mean({ left: mid.x, top: mid.y, right: picture.right, bottom: picture.bottom })).toBeGreaterThan(200)
  })

  it('stamps footers upright and in view on copied pages, whichever way they are rotated or boxed', async () => {
    const { file: plain, doc } = await merged('rotated.pdf', [
      { fileName: 'r0.pdf', mediaType: 'application/pdf', bytes: await textPdf('Upright', 1) },
      { fileName: 'r90.pdf', mediaType: 'application/pdf', bytes: await textPdf('Turned', 1, { rotate: 90 }) },
      { fileName: 'r180.pdf', mediaType: 'application/pdf', bytes: await textPdf('Upside', 1, { rotate: 180 }) },
      { fileName: 'r270.pdf', mediaType: 'application/pdf', bytes: await textPdf('Other way', 1, { rotate: 270 }) },
      { fileName: 'moved.pdf', mediaType: 'application/pdf', bytes: await textPdf('Moved box', 1, { origin: 200 }) },
      { fileName: 'cropped.pdf', mediaType: 'application/pdf', bytes: await textPdf('Cropped', 1, { crop: 40, rotate: 90 }) },
    ])
    expect(qpdfCheck(plain)).toBe('')
    stampFooters(doc, await embedFaces(doc), { subject: 'Dmitry Ivanov', notice: 'CONFIDENTIAL' })
    const file = join(dir.path, 'rotated-footers.pdf')
    writeFileSync(file, await doc.save())
    // As read, each page's footer is a horizontal line of text near the bottom edge.
    const lines = pdfText(file, true).split('\f')
    for (let page = 1; page <= 6; page++) {
      expect(lines[page - 1]).toMatch(new RegExp(`Dmitry Ivanov +Page ${page} of 6`))
      const rendered = renderPage(file, page, dir.path, 60)
      expect(rendered.ink({ left: 0, top: 0.93, right: 1, bottom: 1 }, 200), `page ${page} bottom`).toBeGreaterThan(0.005)
      expect(rendered.ink({ left: 0, top: 0, right: 1, bottom: 0.07 }, 250), `page ${page} top`).toBe(0)
    }
  })

  it('takes a phone photo’s EXIF (GPS, camera, owner), XMP, IPTC, comment and trailing data out, and still stands it upright', async () => {
    const photo = phonePhoto(6)
    const secrets = Object.entries(PHOTO_SECRETS)
    const holds = (bytes: Uint8Array | string) => {
      const text = typeof bytes === 'string' ? bytes : Buffer.from(bytes).toString('latin1')
      return secrets.filter(([, secret]) => text.includes(secret)).map(([name]) => name)
    }
    expect(holds(photo)).toEqual(secrets.map(([name]) => name))
    expect(readJpeg(photo)?.orientation).toBe(6)

    const { file } = await merged('phone-photo.pdf', [{ fileName: 'photo.jpg', mediaType: 'image/jpeg', bytes: photo }])
    expect(qpdfCheck(file)).toBe('')
    // Nowhere in the file's bytes, in any stream pdf-lib reads back, or in qpdf's uncompressed copy.
    expect(holds(readFileSync(file))).toEqual([])
    expect((await pdfContents(readFileSync(file))).streams.flatMap(holds)).toEqual([])
    expect(holds(qdfText(file))).toEqual([])
    // Turned a quarter clockwise, as the phone recorded: a portrait page, the stored top-left at the top right.
    const [page] = pdfPages(file)
    expect(page!.width).toBeLessThan(page!.height)
    expect(corners(renderPage(file, 1, dir.path, 30))).toEqual({ black: 'TR', grey: 'BR' })
  })

  it('takes the EXIF out of a photo saved as a PDF, and the picture still shows', async () => {
    const pdf = await photoPdf(1)
    const secrets = Object.values(PHOTO_SECRETS).filter((secret) => Buffer.from(pdf).toString('latin1').includes(secret))
    expect(secrets.length).toBeGreaterThan(5)
    const { file } = await merged('photo-pdf.pdf', [{ fileName: 'scan.pdf', mediaType: 'application/pdf', bytes: pdf }])
    expect(qpdfCheck(file)).toBe('')
    const text = [readFileSync(file, 'latin1'), qdfText(file)]
    expect(secrets.filter((secret) => text.some((t) => t.includes(secret)))).toEqual([])
    expect(corners(renderPage(file, 1, dir.path, 30))).toEqual({ black: 'TL', grey: 'TR' })
  })

  it('passes on none of a PNG’s text chunks (pdf-lib decodes a PNG to pixels)', async () => {
    const png = pngWithText('Jo Bloggs at 53.7951N')
    expect(Buffer.from(png).toString('latin1')).toContain('Jo Bloggs at 53.7951N')
    const { file } = await merged('png-text.pdf', [{ fileName: 'scan.png', mediaType: 'image/png', bytes: png }])
    expect(qpdfCheck(file)).toBe('')
    expect(qdfText(file)).not.toContain('Jo Bloggs')
    expect((await pdfContents(readFileSync(file))).streams.filter((stream) => stream.includes('Jo Bloggs'))).toEqual([])
  })

  it('refuses an enclosure over 300 pages, naming it, whatever let it through', async () => {
    const error = await appendEnclosure(await PDFDocument.create(), { fileName: 'statements.pdf', mediaType: 'application/pdf', bytes: await textPdf('Statements', 301) }).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(FileRefusedError)
    expect((error as Error).message).toMatch(/^statements\.pdf: it has 301 pages; the limit is 300\./)
  })

  it('strips a JPEG to the same picture', () => {
    const photo = phonePhoto(1)
    const stripped = stripJpegMetadata(photo)
    expect(stripped.length).toBeLessThan(photo.length)
    expect(readJpeg(stripped)).toMatchObject({ width: 320, height: 200, orientation: 1, complete: true })
    expect(Buffer.from(jpeg.decode(stripped).data).equals(Buffer.from(jpeg.decode(photo).data))).toBe(true)
    expect(() => stripJpegMetadata(photo.subarray(0, photo.length / 2))).toThrow()
    // JFIF stays (it tells a decoder the colours are YCbCr), without room for a thumbnail.
    expect(Buffer.from(stripped.subarray(0, 11)).toString('latin1')).toBe('\xff\xd8\xff\xe0\x00\x10JFIF\x00')
    expect([...stripped.subarray(18, 20)]).toEqual([0, 0])
    const plain = plainJpeg()
    expect([...plain.subarray(2, 6)]).toEqual([0xff, 0xe0, 0, 16])
    const app0 = Buffer.concat([Buffer.from([0xff, 0xe0, 0, 22]), Buffer.from(plain.subarray(6, 18)), Buffer.from([2, 1]), Buffer.from('THUMB!', 'latin1')])
    const withThumbnail = new Uint8Array(Buffer.concat([Buffer.from(plain.subarray(0, 2)), app0, Buffer.from(plain.subarray(20))]))
    expect(readJpeg(withThumbnail)).toMatchObject({ width: 320, height: 200, complete: true })
    expect(Buffer.from(stripJpegMetadata(withThumbnail)).toString('latin1')).not.toContain('THUMB!')
  })

  it('gives back a JPEG with nothing to strip as it is, uncopied; one with only something after its end marker without it', () => {
    const plain = plainJpeg()
    expect(stripJpegMetadata(plain)).toBe(plain)
    const trailing = new Uint8Array(Buffer.concat([Buffer.from(plain), Buffer.from('appended by the phone', 'latin1')]))
    expect(Buffer.from(stripJpegMetadata(trailing)).equals(Buffer.from(plain))).toBe(true)
  })
})
