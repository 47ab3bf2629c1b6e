import { PDFDocument } from '@cantoo/pdf-lib'
import { pageRefusal, sizeRefusal, type MediaType } from '../../shared/case/attachments'
import { FileRefusedError } from '../core/errors'
import { removeActiveContent } from './active-content'
import { readJpeg } from './jpeg'
import { loadPdf } from './load'
import { checkPng } from './png'
// Saves the scans' bytes with one copy each, not pdf-lib's byte-at-a-time loop.
import './stream-bytes'

/** What a file turned out to be, once it has been read all the way through. */
export interface CheckedFile {
  mediaType: MediaType
  pages: number
}

/**
 * A PNG is turned into raw pixels to go into a PDF (four bytes a pixel); more pixels than this
 * would take hundreds of megabytes. An A4 page scanned at 300 dpi is 8.7 million; phone cameras
 * make JPEGs, which go in without decoding.
 */
const MAX_PNG_PIXELS = 25_000_000

const HEIC_BRANDS = new Set(['heic', 'heix', 'heim', 'heis', 'hevc', 'hevx', 'mif1', 'msf1', 'avif'])

/**
 * Checks a file someone wants to attach, by what it contains (never by its name), and reads it the
 * way the presentation pack will, so that a file that passes here cannot break a pack later.
 * Throws FileRefusedError with the reason. The pack checks each enclosure again (a file can arrive
 * damaged from another laptop), without the trial copy it is about to make for real.
 */
export async function checkFile(fileName: string, bytes: Uint8Array, options: { trialCopy?: boolean } = {}): Promise<CheckedFile> {
  const refuse = (reason: string): never => {
    throw new FileRefusedError(fileName, reason)
  }
  const badSize = sizeRefusal(bytes.length)
  if (badSize) refuse(badSize)
  const kind = sniff(bytes)
  switch (kind) {
    case 'pdf':
      return { mediaType: 'application/pdf', pages: await checkPdf(bytes, refuse, options.trialCopy ?? true) }
    case 'jpeg': {
      const jpeg = readJpeg(bytes)
      if (!jpeg || jpeg.width === 0 || jpeg.height === 0) return refuse('the photo is damaged and cannot be read. Send or copy it again.')
      if (!jpeg.complete) return refuse('the photo is incomplete: the end of the file is missing. Send or copy it again.')
      return { mediaType: 'image/jpeg', pages: 1 }
    }
    case 'png': {
      const png = checkPng(bytes, MAX_PNG_PIXELS)
      if (!png.ok) return refuse(`${png.reason}. ${png.reason.includes('too large') ? 'Save it smaller, or as a JPEG.' : 'Send or copy it again.'}`)
      return { mediaType: 'image/png', pages: 1 }
    }
    case 'heic':
      return refuse(
        'it is an iPhone photo in HEIC format, which cannot go into a PDF. Send it as a JPEG instead: on the iPhone, choose Settings, Camera, Formats, "Most Compatible" and take the photo again, or open it on a computer and save a copy as JPEG.',
      )
    case 'program':
      return refuse('it is a program, not a document. Only PDF, JPEG and PNG files can be attached.')
    case 'zip':
      return refuse('it is a Word document or other zipped file. Save it as a PDF first; only PDF, JPEG and PNG files can be attached.')
    default:
      return refuse('it is not a PDF, JPEG or PNG file. Only these can be attached; save or scan it as one of them.')
  }
}

type Sniffed = 'pdf' | 'jpeg' | 'png' | 'heic' | 'program' | 'zip' | 'unknown'

function sniff(bytes: Uint8Array): Sniffed {
  const starts = (...signature: number[]) => signature.every((byte, i) => bytes[i] === byte)
  if (starts(0xff, 0xd8, 0xff)) return 'jpeg'
  if (starts(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a)) return 'png'
  // Readers accept a PDF header anywhere in the first kilobyte (some scanners write junk before it).
  if (latin1(bytes, 0, 1024).includes('%PDF-')) return 'pdf'
  if (latin1(bytes, 4, 4) === 'ftyp' && HEIC_BRANDS.has(latin1(bytes, 8, 4))) return 'heic'
  if (starts(0x7f, 0x45, 0x4c, 0x46) || starts(0x4d, 0x5a) || starts(0xcf, 0xfa, 0xed, 0xfe) || starts(0x23, 0x21)) return 'program'
  if (starts(0x50, 0x4b, 0x03, 0x04)) return 'zip'
  return 'unknown'
}

async function checkPdf(bytes: Uint8Array, refuse: (reason: string) => never, trialCopy: boolean): Promise<number> {
  // A PDF ends with %%EOF; without one the file was cut short (pdf-lib would read what is there).
  if (!latin1(bytes, Math.max(0, bytes.length - 1024), 1024).includes('%%EOF')) {
    refuse('the PDF is incomplete: the end of the file is missing. Download or scan it again.')
  }
  let pdf: PDFDocument
  let pages: number
  try {
    pdf = await loadPdf(bytes, { throwOnInvalidObject: true, updateMetadata: false })
    pages = pdf.getPageCount()
  } catch {
    if (await isEncrypted(bytes)) {
      refuse('the PDF is protected with a password (encrypted). Open it, save or print a copy without the password, and attach that.')
    }
    return refuse('the PDF is damaged and cannot be read. Download or scan it again.')
  }
  if (pages === 0) refuse('the PDF has no pages.')
  const tooLong = pageRefusal(pages)
  if (tooLong) refuse(tooLong)
  // Clean and copy every page into a new document, as the pack will, to find damage inside the pages.
  if (trialCopy) {
    try {
      const trial = await PDFDocument.create({ updateMetadata: false })
      removeActiveContent(pdf)
      for (const page of await trial.copyPages(pdf, pdf.getPageIndices())) trial.addPage(page)
      await trial.save({ objectsPerTick: Infinity })
    } catch {
      refuse('the PDF is damaged and its pages cannot be copied. Download or scan it again.')
    }
  }
  return pages
}

async function isEncrypted(bytes: Uint8Array): Promise<boolean> {
  try {
    return (await loadPdf(bytes, { ignoreEncryption: true, updateMetadata: false })).isEncrypted
  } catch {
    return false
  }
}

function latin1(bytes: Uint8Array, start: number, length: number): string {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1', start, Math.min(bytes.length, start + length))
}
