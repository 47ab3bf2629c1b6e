import { PDFDocument, PDFStream } from '@cantoo/pdf-lib'
import { describe, expect, it } from 'vitest'
import { markedJpeg, textPdf } from '../support/fixtures'

/** pdf-lib's own way of writing a stream, taken before `stream-bytes.ts` replaces it. */
const pdfLibs = PDFStream.prototype.copyBytesInto

describe('writing a stream into a saved PDF', () => {
  it('writes what pdf-lib’s own byte-at-a-time loop did, byte for byte: a photo, copied pages and their content', async () => {
    await import('../../src/main/pdf/stream-bytes')
    const ours = PDFStream.prototype.copyBytesInto
    expect(ours).not.toBe(pdfLibs)
    const doc = await PDFDocument.create({ updateMetadata: false })
    const jpeg = markedJpeg(1)
    const photo = await doc.embedJpg(jpeg)
    doc.addPage().drawImage(photo, { x: 20, y: 20, width: 320, height: 200 })
    const source = await PDFDocument.load(await textPdf('Tenancy agreement', 2))
    for (const page of await doc.copyPages(source, source.getPageIndices())) doc.addPage(page)
    const savedWith = async (method: typeof pdfLibs, useObjectStreams: boolean) => {
      PDFStream.prototype.copyBytesInto = method
      try {
        return Buffer.from(await doc.save({ useObjectStreams }))
      } finally {
        PDFStream.prototype.copyBytesInto = ours
      }
    }
    for (const useObjectStreams of [true, false]) {
      const theirs = await savedWith(pdfLibs, useObjectStreams)
      expect(theirs.includes(Buffer.from(jpeg))).toBe(true)
      expect((await savedWith(ours, useObjectStreams)).equals(theirs), `object streams: ${useObjectStreams}`).toBe(true)
    }
  })
})
