import { execFileSync, spawnSync } from 'node:child_process'
import { readFileSync, readdirSync } from 'node:fs'
import { join } from 'node:path'
import { expect } from 'vitest'
import { PDFArray, PDFDict, PDFDocument, PDFHexString, PDFName, PDFRawStream, PDFRef, PDFStream, PDFString, decodePDFRawStream, type PDFObject } from '@cantoo/pdf-lib'

/** Checks a PDF's structure with qpdf; returns its complaint, or '' when the file is sound. */
export function qpdfCheck(file: string): string {
  const result = spawnSync('qpdf', ['--check', file], { encoding: 'utf8' })
  return result.status === 0 ? '' : `${result.stdout}${result.stderr}`
}

export function pdfText(file: string, layout = false): string {
  return execFileSync('pdftotext', [...(layout ? ['-layout'] : []), file, '-'], { encoding: 'utf8' })
}

/** The fonts pdffonts lists, with whether each is embedded. */
export function pdfFonts(file: string): { name: string; embedded: boolean }[] {
  const lines = execFileSync('pdffonts', [file], { encoding: 'utf8' }).split('\n').slice(2).filter(Boolean)
  return lines.map((line) => {
    const columns = line.trim().split(/\s+/)
    // name type [encoding words] emb sub uni object ID: emb is fifth from the end.
    return { name: columns[0]!, embedded: columns[columns.length - 5] === 'yes' }
  })
}

/** Each page's size in points and rotation, from pdfinfo. */
export function pdfPages(file: string): { width: number; height: number; rotation: number }[] {
  const output = execFileSync('pdfinfo', ['-f', '1', '-l', '9999', file], { encoding: 'utf8' })
  const pages: { width: number; height: number; rotation: number }[] = []
  for (const match of output.matchAll(/Page\s+(\d+) size:\s+([\d.]+) x ([\d.]+) pts/g)) {
    pages[Number(match[1]) - 1] = { width: Number(match[2]), height: Number(match[3]), rotation: 0 }
  }
  for (const match of output.matchAll(/Page\s+(\d+) rot:\s+(\d+)/g)) pages[Number(match[1]) - 1]!.rotation = Number(match[2])
  return pages
}

/** A page rendered in grey, as a viewer shows it (its crop box), by pdftoppm (with its own errors, if any, in `errors`). */
export interface Rendered {
  width: number
  height: number
  pixels: Uint8Array
  errors: string
  /** Share of pixels in a region darker than `below` (mid-grey unless given). */
  ink(region?: Region, below?: number): number
  /** Mean grey level of a region, 0 black to 255 white. */
  mean(region: Region): number
  /** The smallest region holding everything that is not white paper (within a region, if given). */
  markedRegion(within?: Region): Region
}

/** Part of a page, as shares (0 to 1) of its width and height from the top left. */
export interface Region {
  left: number
  top: number
  right: number
  bottom: number
}

export function renderPage(file: string, page: number, outDir: string, dpi = 40): Rendered {
  const prefix = join(outDir, `render-${page}-${Math.random().toString(36).slice(2)}`)
  const result = spawnSync('pdftoppm', ['-cropbox', '-gray', '-r', String(dpi), '-f', String(page), '-l', String(page), file, prefix], { encoding: 'utf8' })
  const out = readdirSync(outDir).find((name) => join(outDir, name).startsWith(prefix))
  if (!out) throw new Error(`pdftoppm drew nothing: ${result.stderr}`)
  const bytes = readFileSync(join(outDir, out))
  // P5 <width> <height> <max>\n<bytes>
  const header = bytes.subarray(0, 50).toString('latin1').match(/^P5\s+(\d+)\s+(\d+)\s+(\d+)\s/)
  if (!header) throw new Error('Not a PGM file')
  const width = Number(header[1])
  const height = Number(header[2])
  const pixels = bytes.subarray(header[0].length)
  const regionPixels = (region: Region): number[] => {
    const values: number[] = []
    for (let y = Math.floor(region.top * height); y < Math.floor(region.bottom * height); y++) {
      for (let x = Math.floor(region.left * width); x < Math.floor(region.right * width); x++) values.push(pixels[y * width + x]!)
    }
    return values
  }
  return {
    width,
    height,
    pixels,
    errors: result.stderr,
    ink(region = { left: 0, top: 0, right: 1, bottom: 1 }, below = 128) {
      const values = regionPixels(region)
      return values.length ? values.filter((value) => value < below).length / values.length : 0
    },
    markedRegion(within = { left: 0, top: 0, right: 1, bottom: 1 }) {
      let [left, top, right, bottom] = [width, height, 0, 0]
      for (let y = Math.floor(within.top * height); y < Math.floor(within.bottom * height); y++) {
        for (let x = Math.floor(within.left * width); x < Math.floor(within.right * width); x++) {
          if (pixels[y * width + x]! < 245) {
            left = Math.min(left, x)
            right = Math.max(right, x + 1)
            top = Math.min(top, y)
            bottom = Math.max(bottom, y + 1)
          }
        }
      }
      return { left: left / width, top: top / height, right: right / width, bottom: bottom / height }
    },
    mean(region) {
      const values = regionPixels(region)
      return values.reduce((sum, value) => sum + value, 0) / Math.max(1, values.length)
    },
  }
}

/** Saves page 1 as a PNG for a person to look at. */
export function pngOfPage(file: string, page: number, out: string): void {
  execFileSync('pdftoppm', ['-cropbox', '-png', '-r', '70', '-f', String(page), '-l', String(page), '-singlefile', file, out.replace(/\.png$/, '')])
}

/** Every word pdftotext finds, with its page's size and its box (points, from the top left). */
export function wordBoxes(file: string): { page: number; width: number; height: number; word: string; xMin: number; yMin: number; xMax: number; yMax: number }[] {
  const html = execFileSync('pdftotext', ['-bbox', file, '-'], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 })
  const words: ReturnType<typeof wordBoxes> = []
  let page = 0
  let size = { width: 0, height: 0 }
  for (const match of html.matchAll(/<page width="([\d.]+)" height="([\d.]+)">|<word xMin="([\d.-]+)" yMin="([\d.-]+)" xMax="([\d.-]+)" yMax="([\d.-]+)">([^<]*)<\/word>/g)) {
    if (match[1]) {
      page++
      size = { width: Number(match[1]), height: Number(match[2]) }
    } else {
      words.push({ page, ...size, word: match[7]!, xMin: Number(match[3]), yMin: Number(match[4]), xMax: Number(match[5]), yMax: Number(match[6]) })
    }
  }
  return words
}

/**
 * Everything a PDF holds, as pdf-lib reads it: every name, string and stream's decoded bytes, in
 * every object whether referenced or not (qpdf writes only what is referenced), and how many catalogs.
 */
export async function pdfContents(bytes: Uint8Array): Promise<{ names: Set<string>; strings: string[]; streams: string[]; catalogs: number }> {
  const doc = await PDFDocument.load(bytes)
  const names = new Set<string>()
  const strings: string[] = []
  const streams: string[] = []
  let catalogs = 0
  const seen = new Set<PDFObject>()
  const visit = (object: PDFObject | undefined): void => {
    if (!object || object instanceof PDFRef || seen.has(object)) return
    seen.add(object)
    if (object instanceof PDFName) names.add(object.decodeText())
    else if (object instanceof PDFString || object instanceof PDFHexString) strings.push(object.decodeText())
    else if (object instanceof PDFArray) object.asArray().forEach(visit)
    else if (object instanceof PDFDict) {
      if (object.lookup(PDFName.of('Type')) === PDFName.of('Catalog')) catalogs++
      for (const [key, value] of object.entries()) {
        visit(key)
        visit(value)
      }
    }
    else if (object instanceof PDFStream) {
      visit(object.dict)
      if (object instanceof PDFRawStream) {
        try {
          streams.push(Buffer.from(decodePDFRawStream(object).decode()).toString('latin1'))
        } catch {
          streams.push(Buffer.from(object.getContents()).toString('latin1'))
        }
      } else {
        streams.push(Buffer.from(object.getContents()).toString('latin1'))
      }
    }
  }
  for (const [, object] of doc.context.enumerateIndirectObjects()) visit(object)
  visit(doc.context.trailerInfo.Root && doc.context.lookup(doc.context.trailerInfo.Root))
  return { names, strings, streams, catalogs }
}

/** The PDF as qpdf writes it out for people to read: uncompressed, one object at a time. */
export function qdfText(file: string): string {
  const out = `${file}.qdf`
  execFileSync('qpdf', ['--qdf', '--object-streams=disable', file, out])
  return readFileSync(out, 'latin1')
}

export type Corner = 'TL' | 'TR' | 'BL' | 'BR'

/**
 * Where a marked picture's (fixtures.ts) stored top-left (black) and top-right (grey) corners show
 * on the page, looking only `within` a part of it (away from a pack's footer, say).
 */
export function corners(page: Rendered, within?: Region): { black: Corner; grey: Corner } {
  const picture = page.markedRegion(within)
  const w = picture.right - picture.left
  const h = picture.bottom - picture.top
  const at = (cx: number, cy: number): Region => ({
    left: picture.left + w * (cx - 0.1),
    right: picture.left + w * (cx + 0.1),
    top: picture.top + h * (cy - 0.1),
    bottom: picture.top + h * (cy + 0.1),
  })
  const means = { TL: page.mean(at(0.25, 0.25)), TR: page.mean(at(0.75, 0.25)), BL: page.mean(at(0.25, 0.75)), BR: page.mean(at(0.75, 0.75)) }
  const entries = Object.entries(means) as [Corner, number][]
  const black = entries.filter(([, mean]) => mean < 60)
  const grey = entries.filter(([, mean]) => mean > 110 && mean < 190)
  expect(black, JSON.stringify(means)).toHaveLength(1)
  expect(grey, JSON.stringify(means)).toHaveLength(1)
  return { black: black[0]![0], grey: grey[0]![0] }
}
