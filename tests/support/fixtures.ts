import { execFileSync } from 'node:child_process'
import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { crc32 } from 'node:zlib'
import { PDFDict, PDFDocument, PDFName, PDFNumber, PDFRef, PDFString, StandardFonts, degrees, rgb } from '@cantoo/pdf-lib'
import jpeg from 'jpeg-js'
import { PNG } from 'pngjs'

/**
 * The enclosures the paperwork tests feed in, made here (only the interlaced PNG, which no library
 * at hand writes, is checked in: tests/fixtures/interlaced.png).
 */
export const FIXTURES_DIR = join(import.meta.dirname, '..', 'fixtures')

/** Grey levels of a test picture's quadrants, so a render shows where each corner went. */
export const MARK = { topLeft: 0, topRight: 150, rest: 220 } as const

/** RGBA pixels with a black top-left quadrant, a mid-grey top-right one and the rest light grey (so the picture shows against white paper). */
function markedPixels(width: number, height: number): Buffer {
  const data = Buffer.alloc(width * height * 4)
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const top = y < height / 2
      const value = top && x < width / 2 ? MARK.topLeft : top ? MARK.topRight : MARK.rest
      data.set([value, value, value, 255], (y * width + x) * 4)
    }
  }
  return data
}

/**
 * A JPEG whose stored pixels are `width` × `height` with the marks above, and an EXIF block giving
 * its orientation (as a phone writes when it does not turn the pixels itself).
 */
export function markedJpeg(orientation: number, width = 320, height = 200): Uint8Array {
  return withExifOrientation(plainJpeg(width, height), orientation)
}

/** The same picture with no EXIF block. */
export function plainJpeg(width = 320, height = 200): Uint8Array {
  return new Uint8Array(jpeg.encode({ data: markedPixels(width, height), width, height }, 90).data)
}

/** Puts an APP1 Exif segment with only the orientation tag just after the start marker. */
export function withExifOrientation(jpegBytes: Uint8Array, orientation: number, byteOrder: 'MM' | 'II' = 'MM'): Uint8Array {
  const tiff = Buffer.alloc(26)
  const little = byteOrder === 'II'
  const u16 = (value: number, at: number) => (little ? tiff.writeUInt16LE(value, at) : tiff.writeUInt16BE(value, at))
  const u32 = (value: number, at: number) => (little ? tiff.writeUInt32LE(value, at) : tiff.writeUInt32BE(value, at))
  tiff.write(byteOrder, 0, 'latin1')
  u16(42, 2)
  u32(8, 4) // first directory
  u16(1, 8) // one entry
  u16(0x0112, 10) // Orientation
  u16(3, 12) // SHORT
  u32(1, 14)
  u16(orientation, 18)
  u32(0, 22) // no next directory
  const body = Buffer.concat([Buffer.from('Exif\0\0', 'latin1'), tiff])
  const segment = Buffer.alloc(4)
  segment.writeUInt16BE(0xffe1, 0)
  segment.writeUInt16BE(body.length + 2, 2)
  return new Uint8Array(Buffer.concat([jpegBytes.subarray(0, 2), segment, body, jpegBytes.subarray(2)]))
}

/** A PNG with the marks, in RGBA with a transparent band, or 16 bits a channel. */
export function markedPng(kind: 'alpha' | '16-bit' | 'plain', width = 200, height = 300): Uint8Array {
  const png = new PNG({ width, height, colorType: kind === 'plain' ? 2 : 6, bitDepth: kind === '16-bit' ? 16 : 8, inputHasAlpha: true })
  const pixels = markedPixels(width, height)
  if (kind === 'alpha') {
    // The bottom quarter fades to transparent.
    for (let y = Math.floor(height * 0.75); y < height; y++) for (let x = 0; x < width; x++) pixels[(y * width + x) * 4 + 3] = 0
  }
  if (kind === '16-bit') {
    const wide = Buffer.alloc(width * height * 8)
    for (let i = 0; i < width * height * 4; i++) wide.writeUInt16BE(pixels[i]! * 257, i * 2)
    png.data = wide
  } else {
    png.data = pixels
  }
  return new Uint8Array(PNG.sync.write(png, { colorType: kind === 'plain' ? 2 : 6, bitDepth: kind === '16-bit' ? 16 : 8, inputHasAlpha: true }))
}

export function interlacedPng(): Uint8Array {
  return new Uint8Array(readFileSync(join(FIXTURES_DIR, 'interlaced.png')))
}

/**
 * A PDF of `pages` pages, each saying "<title> page N", A4 portrait or landscape, maybe /Rotate'd,
 * maybe with its page box away from 0, 0 (`origin`) or cropped (`crop`, points off each side).
 */
export async function textPdf(
  title: string,
  pages: number,
  options: { landscape?: boolean; rotate?: number; origin?: number; crop?: number } = {},
): Promise<Uint8Array> {
  const doc = await PDFDocument.create()
  const font = await doc.embedFont(StandardFonts.Helvetica)
  const [width, height] = options.landscape ? [841.89, 595.28] : [595.28, 841.89]
  const origin = options.origin ?? 0
  for (let i = 1; i <= pages; i++) {
    const page = doc.addPage([width, height])
    page.setMediaBox(origin, origin, width, height)
    if (options.crop) page.setCropBox(origin + options.crop, origin + options.crop, width - 2 * options.crop, height - 2 * options.crop)
    page.drawText(`${title} page ${i}`, { x: origin + 80, y: origin + height - 120, size: 20, font, color: rgb(0, 0, 0) })
    if (options.rotate) page.setRotation(degrees(options.rotate))
  }
  return doc.save()
}

/** A copy of `pdf` encrypted by qpdf with a user password. */
export function encryptedPdf(pdf: Uint8Array, dir: string, bits: 128 | 256): Uint8Array {
  const input = join(dir, `plain-${bits}.pdf`)
  const output = join(dir, `encrypted-${bits}.pdf`)
  writeFileSync(input, pdf)
  execFileSync('qpdf', ['--encrypt', 'user-secret', 'owner-secret', String(bits), ...(bits === 128 ? ['--use-aes=y'] : []), '--', input, output])
  return new Uint8Array(readFileSync(output))
}

/** A file that starts as a PDF and then holds nothing a reader can use. */
export function corruptPdf(): Uint8Array {
  const junk = Buffer.alloc(4000)
  for (let i = 0; i < junk.length; i++) junk[i] = (i * 7919) % 251
  return new Uint8Array(Buffer.concat([Buffer.from('%PDF-1.7\n1 0 obj\n<< /Type /Catalog /Pages 9 0 R >>\nendobj\n'), junk, Buffer.from('\n%%EOF\n')]))
}

/** A real program (an ELF executable) that someone renamed to .pdf. */
export function program(): Uint8Array {
  return new Uint8Array(readFileSync('/usr/bin/true'))
}

/** The start of an iPhone HEIC photo: an ftyp box with the heic brand. */
export function heicHeader(): Uint8Array {
  const box = Buffer.alloc(64)
  box.writeUInt32BE(24, 0)
  box.write('ftypheic', 4, 'latin1')
  box.write('mif1heic', 16, 'latin1')
  return new Uint8Array(box)
}

/**
 * A PDF that tries everything a pack must not pass on, on a page that says `text`: a link that runs
 * JavaScript, a link that launches a program, a page that runs JavaScript when opened (/AA), a
 * file attachment holding a program, a form field whose parent calculates with JavaScript, a note
 * (kept, as passive) with its own /AA and a hidden key reaching the catalog; and in the catalog, an
 * /OpenAction and JavaScript and embedded files in its /Names. Its strings are marked so a test can
 * look for them: app.alert, cmd.exe, EVIL-PAYLOAD.
 */
export async function hostilePdf(text = 'Tenancy agreement'): Promise<Uint8Array> {
  const doc = await PDFDocument.create()
  const font = await doc.embedFont(StandardFonts.Helvetica)
  const page = doc.addPage([595.28, 841.89])
  page.drawText(text, { x: 80, y: 720, size: 20, font, color: rgb(0, 0, 0) })
  const ctx = doc.context
  const js = (code: string) => ctx.register(ctx.obj({ Type: 'Action', S: 'JavaScript', JS: PDFString.of(`app.alert('${code}')`) }))
  const payload = ctx.register(ctx.flateStream('MZ EVIL-PAYLOAD this would be a program', { Type: 'EmbeddedFile' }))
  const fileSpec = ctx.register(ctx.obj({ Type: 'Filespec', F: PDFString.of('invoice.exe'), UF: PDFString.of('invoice.exe'), EF: { F: payload } }))
  const launch = ctx.obj({ S: 'Launch', F: PDFString.of('cmd.exe'), Win: { F: PDFString.of('cmd.exe'), P: PDFString.of('/c calc') } })
  const field = ctx.register(ctx.obj({ FT: 'Tx', T: PDFString.of('name'), V: PDFString.of('Jo'), DA: PDFString.of('/Helv 12 Tf 0 g'), AA: { C: js('calculate') } }))
  const widget = ctx.register(
    ctx.obj({ Type: 'Annot', Subtype: 'Widget', Rect: [80, 500, 300, 520], Parent: field, P: page.ref, AA: { K: js('keystroke') }, A: js('widget-click') }),
  )
  ctx.lookup(field, PDFDict).set(PDFName.of('Kids'), ctx.obj([widget]))
  const annots = [
    ctx.obj({ Type: 'Annot', Subtype: 'Link', Rect: [80, 700, 300, 740], Border: [0, 0, 0], A: js('link') }),
    ctx.obj({ Type: 'Annot', Subtype: 'Link', Rect: [80, 650, 300, 690], Border: [0, 0, 0], A: launch }),
    ctx.obj({ Type: 'Annot', Subtype: 'Link', Rect: [80, 600, 300, 640], A: { S: 'URI', URI: PDFString.of('http://evil.example/track') } }),
    ctx.obj({ Type: 'Annot', Subtype: 'FileAttachment', Rect: [400, 700, 420, 720], FS: fileSpec, Name: 'PushPin', Contents: PDFString.of('Open me') }),
    ctx.obj({ Type: 'Annot', Subtype: 'Square', Rect: [80, 400, 300, 480], C: [1, 0, 0], AA: { E: js('square-enter') }, Hidden: ctx.trailerInfo.Root }),
    widget,
  ].map((annot) => (annot instanceof PDFRef ? annot : ctx.register(annot)))
  page.node.set(PDFName.of('Annots'), ctx.obj(annots))
  page.node.set(PDFName.of('AA'), ctx.obj({ O: js('page-open'), C: launch }))
  const catalog = doc.catalog
  catalog.set(PDFName.of('OpenAction'), js('open'))
  catalog.set(PDFName.of('AcroForm'), ctx.obj({ Fields: [field] }))
  catalog.set(
    PDFName.of('Names'),
    ctx.obj({ JavaScript: { Names: [PDFString.of('init'), js('names')] }, EmbeddedFiles: { Names: [PDFString.of('invoice.exe'), fileSpec] } }),
  )
  return doc.save()
}

/** What `phonePhoto` hides in a photo, each a run of bytes a test can look for in a pack. */
export const PHOTO_SECRETS = {
  exif: 'Exif\0\0',
  camera: 'HomewardTestPhone',
  owner: 'Jo Bloggs',
  /** GPS tags hold numbers, not words: the latitude 53° 47' 42.19" as the rationals a phone writes. */
  latitude: Buffer.from([0, 0, 0, 53, 0, 0, 0, 1, 0, 0, 0, 47, 0, 0, 0, 1, 0, 0, 0x10, 0x7b, 0, 0, 0, 100]).toString('latin1'),
  xmp: 'http://ns.adobe.com/xap/1.0/',
  iptc: 'Photoshop 3.0',
  comment: 'taken at 14 Manningham Lane',
  trailer: 'PHONE-TRAILER-DEPTH-MAP',
} as const

/**
 * A phone photo (the marks, stored 320 × 200) with everything a phone records about it: EXIF with
 * its orientation, camera, owner and a GPS position; XMP; IPTC (APP13); a comment; and data
 * appended after the image, as some phones do.
 */
export function phonePhoto(orientation: number): Uint8Array {
  const ascii = (text: string) => Buffer.from(`${text}\0`, 'latin1')
  const make = ascii(PHOTO_SECRETS.camera)
  const artist = ascii(PHOTO_SECRETS.owner)
  const latitude = Buffer.from(PHOTO_SECRETS.latitude, 'latin1')
  // Big-endian TIFF: header, IFD0 (4 entries), its strings, the GPS IFD (2 entries), its rationals.
  const ifd0 = 8
  const ifd0Size = 2 + 4 * 12 + 4
  const makeAt = ifd0 + ifd0Size
  const artistAt = makeAt + make.length
  const gpsAt = artistAt + artist.length
  const gpsSize = 2 + 2 * 12 + 4
  const latitudeAt = gpsAt + gpsSize
  const tiff = Buffer.alloc(latitudeAt + latitude.length)
  tiff.write('MM', 0, 'latin1')
  tiff.writeUInt16BE(42, 2)
  tiff.writeUInt32BE(ifd0, 4)
  const entry = (at: number, tag: number, type: number, count: number, value: number | Buffer) => {
    tiff.writeUInt16BE(tag, at)
    tiff.writeUInt16BE(type, at + 2)
    tiff.writeUInt32BE(count, at + 4)
    if (typeof value === 'number') {
      if (type === 3) tiff.writeUInt16BE(value, at + 8)
      else tiff.writeUInt32BE(value, at + 8)
    } else value.copy(tiff, at + 8)
  }
  tiff.writeUInt16BE(4, ifd0)
  entry(ifd0 + 2, 0x010f, 2, make.length, makeAt) // Make
  entry(ifd0 + 14, 0x0112, 3, 1, orientation) // Orientation
  entry(ifd0 + 26, 0x013b, 2, artist.length, artistAt) // Artist
  entry(ifd0 + 38, 0x8825, 4, 1, gpsAt) // GPS IFD
  make.copy(tiff, makeAt)
  artist.copy(tiff, artistAt)
  tiff.writeUInt16BE(2, gpsAt)
  entry(gpsAt + 2, 0x0001, 2, 2, Buffer.from('N\0', 'latin1')) // GPSLatitudeRef
  entry(gpsAt + 14, 0x0002, 5, 3, latitudeAt) // GPSLatitude
  latitude.copy(tiff, latitudeAt)
  const segment = (marker: number, body: Buffer) => {
    const head = Buffer.alloc(4)
    head.writeUInt16BE(marker, 0)
    head.writeUInt16BE(body.length + 2, 2)
    return Buffer.concat([head, body])
  }
  const plain = Buffer.from(plainJpeg())
  return new Uint8Array(
    Buffer.concat([
      plain.subarray(0, 2),
      segment(0xffe1, Buffer.concat([Buffer.from(PHOTO_SECRETS.exif, 'latin1'), tiff])),
      segment(0xffe1, Buffer.from(`${PHOTO_SECRETS.xmp}\0<x:xmpmeta><exif:GPSLatitude>53,47.7N</exif:GPSLatitude></x:xmpmeta>`, 'latin1')),
      segment(0xffed, Buffer.from(`${PHOTO_SECRETS.iptc}\x008BIM\x04\x04 ${PHOTO_SECRETS.owner}`, 'latin1')),
      segment(0xfffe, Buffer.from(PHOTO_SECRETS.comment, 'latin1')),
      plain.subarray(2),
      Buffer.from(PHOTO_SECRETS.trailer, 'latin1'),
    ]),
  )
}

/** A PNG (the marks) carrying text chunks a phone or editor writes: tEXt, iTXt and eXIf, each holding `secret`. */
export function pngWithText(secret: string): Uint8Array {
  const png = Buffer.from(markedPng('plain'))
  const chunk = (type: string, body: Buffer) => {
    const length = Buffer.alloc(4)
    length.writeUInt32BE(body.length)
    const typed = Buffer.concat([Buffer.from(type, 'latin1'), body])
    const crc = Buffer.alloc(4)
    crc.writeUInt32BE(crc32(typed))
    return Buffer.concat([length, typed, crc])
  }
  const iend = png.length - 12
  return new Uint8Array(
    Buffer.concat([
      png.subarray(0, iend),
      chunk('tEXt', Buffer.from(`Author\0${secret}`, 'latin1')),
      chunk('iTXt', Buffer.from(`GPS\0\0\0\0\0${secret}`, 'latin1')),
      chunk('eXIf', Buffer.from(`MM\0*${secret}`, 'latin1')),
      png.subarray(iend),
    ]),
  )
}

/**
 * A PDF pdf-lib grumbles about as it reads it ("Parsed number that is too large for some PDF
 * readers"): its first page holds the number 1e40, written out in full.
 */
export async function noisyPdf(title: string, pages: number): Promise<Uint8Array> {
  const doc = await PDFDocument.load(await textPdf(title, pages))
  doc.getPage(0).node.set(PDFName.of('Huge'), PDFNumber.of(1e40))
  return doc.save()
}

/** A phone photo saved as a PDF, as scanning apps do: its JPEG's bytes, EXIF and all, are the page's image. */
export async function photoPdf(orientation: number): Promise<Uint8Array> {
  const doc = await PDFDocument.create()
  const image = await doc.embedJpg(phonePhoto(orientation))
  doc.addPage([image.width, image.height]).drawImage(image, { x: 0, y: 0, width: image.width, height: image.height })
  return doc.save()
}
