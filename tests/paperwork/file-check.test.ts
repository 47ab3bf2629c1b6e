import { PDFDocument, PDFName, PDFRawStream } from '@cantoo/pdf-lib'
import { describe, expect, it, afterAll } from 'vitest'
import { MAX_ATTACHMENT_BYTES } from '../../src/shared/case/attachments'
import { FileRefusedError } from '../../src/main/core/errors'
import { checkFile } from '../../src/main/pdf/file-check'
import { readJpeg } from '../../src/main/pdf/jpeg'
import {
  corruptPdf,
  encryptedPdf,
  heicHeader,
  interlacedPng,
  markedJpeg,
  markedPng,
  photoPdf,
  plainJpeg,
  program,
  textPdf,
  withExifOrientation,
} from '../support/fixtures'
import { tempDir } from '../support/temp-dir'

const dir = tempDir('file-check')
afterAll(() => dir.remove())

async function refusal(fileName: string, bytes: Uint8Array): Promise<string> {
  try {
    await checkFile(fileName, bytes)
  } catch (error) {
    expect(error).toBeInstanceOf(FileRefusedError)
    expect((error as FileRefusedError).fileName).toBe(fileName)
    return (error as FileRefusedError).reason
  }
  throw new Error(`${fileName} was accepted`)
}

describe('checking a file before it is attached', () => {
  it('takes PDFs, JPEGs and PNGs by their content, whatever they are called', async () => {
    expect(await checkFile('letter.pdf', await textPdf('Letter', 3))).toEqual({ mediaType: 'application/pdf', pages: 3 })
    expect(await checkFile('photo.png', markedJpeg(6))).toEqual({ mediaType: 'image/jpeg', pages: 1 })
    expect(await checkFile('scan', markedPng('alpha'))).toEqual({ mediaType: 'image/png', pages: 1 })
    expect(await checkFile('scan16.png', markedPng('16-bit'))).toEqual({ mediaType: 'image/png', pages: 1 })
    expect(await checkFile('interlaced.png', interlacedPng())).toEqual({ mediaType: 'image/png', pages: 1 })
  })

  it('refuses an empty file, and one over the size limit, saying so', async () => {
    expect(await refusal('empty.pdf', new Uint8Array())).toMatch(/empty \(0 bytes\)/)
    const big = new Uint8Array(MAX_ATTACHMENT_BYTES + 1)
    big.set(new TextEncoder().encode('%PDF-1.7'))
    expect(await refusal('huge.pdf', big)).toMatch(/20\.0 MB, over the limit of 20 MB/)
  })

  it('refuses a PDF over 300 pages, saying how many it has and what to do', async () => {
    expect(await refusal('bank-statements.pdf', await textPdf('Statements', 412))).toBe(
      'it has 412 pages; the limit is 300. Attach only the pages the council needs, or split it into parts of up to 300 pages.',
    )
    expect(await checkFile('300-pages.pdf', await textPdf('Statements', 300))).toEqual({ mediaType: 'application/pdf', pages: 300 })
  })

  it('refuses, on the way in, a PDF whose photo the pack could not clean of its EXIF', async () => {
    const doc = await PDFDocument.load(await photoPdf(1))
    const [, image] = doc.context.enumerateIndirectObjects().find(([, object]) => object instanceof PDFRawStream && object.dict.has(PDFName.of('Width')))!
    const jpegBytes = (image as PDFRawStream).contents
    ;(image as PDFRawStream).updateContents(jpegBytes.subarray(0, jpegBytes.length / 2))
    expect(await refusal('scan.pdf', await doc.save())).toMatch(/damaged and its pages cannot be copied/)
    expect(await checkFile('scan.pdf', await photoPdf(1))).toEqual({ mediaType: 'application/pdf', pages: 1 })
  })

  it('refuses encrypted PDFs (AES-128 and AES-256)', async () => {
    const plain = await textPdf('Benefits letter', 1)
    for (const bits of [128, 256] as const) {
      expect(await refusal(`statement-${bits}.pdf`, encryptedPdf(plain, dir.path, bits))).toMatch(/protected with a password/)
    }
  })

  it('refuses corrupt and truncated PDFs', async () => {
    expect(await refusal('corrupt.pdf', corruptPdf())).toMatch(/damaged/)
    const whole = await textPdf('Tenancy', 2)
    expect(await refusal('truncated.pdf', whole.subarray(0, Math.floor(whole.length / 2)))).toMatch(/incomplete/)
  })

  it('refuses a program renamed .pdf, a Word file and an unknown file, naming what they can send', async () => {
    expect(await refusal('invoice.pdf', program())).toMatch(/a program, not a document/)
    expect(await refusal('letter.docx', new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3]))).toMatch(/Save it as a PDF first/)
    expect(await refusal('notes.txt', new TextEncoder().encode('just some text'))).toMatch(/not a PDF, JPEG or PNG/)
  })

  it('tells how to send an iPhone HEIC photo as a JPEG', async () => {
    expect(await refusal('IMG_0042.HEIC', heicHeader())).toMatch(/HEIC format.*JPEG/)
  })

  it('refuses truncated and damaged images', async () => {
    const photo = markedJpeg(1)
    expect(await refusal('cut.jpg', photo.subarray(0, Math.floor(photo.length * 0.6)))).toMatch(/photo is incomplete/)
    const png = markedPng('plain')
    expect(await refusal('cut.png', png.subarray(0, png.length - 30))).toMatch(/incomplete/)
    const damaged = new Uint8Array(png)
    damaged[60] = damaged[60]! ^ 0xff
    expect(await refusal('damaged.png', damaged)).toMatch(/damaged/)
  })
})

describe('reading a JPEG', () => {
  it('finds the EXIF orientation in either byte order, and the stored size', () => {
    for (let orientation = 1; orientation <= 8; orientation++) {
      expect(readJpeg(markedJpeg(orientation, 320, 200))).toMatchObject({ orientation, width: 320, height: 200, complete: true })
    }
    const littleEndian = withExifOrientation(plainJpeg(), 8, 'II')
    expect(readJpeg(littleEndian)?.orientation).toBe(8)
  })
})

describe('a PNG made to be huge', () => {
  it('is refused by its header before anything is decompressed', async () => {
    // A header claiming 100,000 × 100,000 pixels, with a little data: refused by size, at once.
    const { deflateSync, crc32 } = await import('node:zlib')
    const chunk = (type: string, body: Buffer) => {
      const out = Buffer.alloc(12 + body.length)
      out.writeUInt32BE(body.length, 0)
      out.write(type, 4, 'latin1')
      body.copy(out, 8)
      out.writeUInt32BE(crc32(out.subarray(4, 8 + body.length)), 8 + body.length)
      return out
    }
    const header = Buffer.alloc(13)
    header.writeUInt32BE(100_000, 0)
    header.writeUInt32BE(100_000, 4)
    header.set([8, 2, 0, 0, 0], 8)
    const png = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', header), chunk('IDAT', deflateSync(Buffer.alloc(1000))), chunk('IEND', Buffer.alloc(0))])
    expect(await refusal('bomb.png', new Uint8Array(png))).toMatch(/too large \(100000 × 100000 pixels\)/)
  })
})
