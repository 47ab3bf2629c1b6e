import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import fontkit, { type Font } from '@cantoo/fontkit'
import { PDFHexString, type PDFDocument, type PDFFont } from '@cantoo/pdf-lib'
import { resourcesDir } from './resources'

type FontkitFont = Font

/**
 * A font for drawing and its measurements. Widths come from each glyph's advance, cached by code
 * point: measuring through pdf-lib costs a fontkit layout per call, and pdf-lib draws without
 * kerning, so the sum of advances is exactly the width drawn.
 */
export class Face {
  readonly #advances = new Map<number, number>()
  readonly #missing = new Map<number, boolean>()

  constructor(
    readonly pdfFont: PDFFont,
    private readonly metrics: FontkitFont,
  ) {}

  widthOf(text: string, size: number): number {
    let units = 0
    for (const char of text) {
      const codePoint = char.codePointAt(0)!
      let advance = this.#advances.get(codePoint)
      if (advance === undefined) {
        advance = this.metrics.glyphForCodePoint(codePoint)?.advanceWidth ?? 0
        this.#advances.set(codePoint, advance)
      }
      units += advance
    }
    return (units * size) / this.metrics.unitsPerEm
  }

  /** Characters the font cannot draw (they would show as empty boxes) become a visible '?'. */
  drawable(text: string): string {
    let result = ''
    for (const char of text) {
      const codePoint = char.codePointAt(0)!
      let missing = this.#missing.get(codePoint)
      if (missing === undefined) {
        missing = !this.metrics.hasGlyphForCodePoint(codePoint) && !/\s/.test(char)
        this.#missing.set(codePoint, missing)
      }
      result += missing ? '?' : char
    }
    return result
  }
}

export interface Faces {
  regular: Face
  bold: Face
}

const FILES = { regular: 'NotoSans-Regular.ttf', bold: 'NotoSans-Bold.ttf' } as const
const cache = new Map<string, { bytes: Uint8Array; metrics: FontkitFont }>()

function load(file: string) {
  let entry = cache.get(file)
  if (!entry) {
    const bytes = new Uint8Array(readFileSync(join(resourcesDir(), 'fonts', file)))
    const metrics = fontkit.create(bytes)
    if (!metrics || 'fonts' in metrics) throw new Error(`${file} is not a single font`)
    entry = { bytes, metrics }
    cache.set(file, entry)
  }
  return entry
}

/**
 * fontkit as pdf-lib is handed it, giving back the font already read for bytes `load` read: pdf-lib
 * reads the font again for every PDF it embeds it in (a pack lays its front pages out twice), and
 * decodes each glyph it uses again; the font is only read from, so one copy serves them all.
 */
const readFontkit: typeof fontkit = {
  ...fontkit,
  create: ((bytes: ArrayBufferView, postscriptName?: string) =>
    [...cache.values()].find((entry) => entry.bytes === bytes)?.metrics ?? (postscriptName === undefined ? fontkit.create(bytes) : fontkit.create(bytes, postscriptName))) as typeof fontkit.create,
}

/**
 * Noto Sans, embedded and subset: Latin with every accent, Greek and Cyrillic, so names such as
 * Łukasz Wiśniewski, Ștefan Popescu and Дмитрий Иванов print as written. (The standard PDF fonts
 * cannot encode them.)
 */
export async function embedFaces(doc: PDFDocument): Promise<Faces> {
  doc.registerFontkit(readFontkit)
  const faces = {} as Record<keyof typeof FILES, Face>
  for (const [name, file] of Object.entries(FILES) as [keyof typeof FILES, string][]) {
    const { bytes, metrics } = load(file)
    const pdfFont = await doc.embedFont(bytes, { subset: true })
    encodeByCodePoint(pdfFont)
    faces[name] = new Face(pdfFont, metrics)
  }
  return faces
}

/** The parts of @cantoo/pdf-lib 2.11's subset font embedder that encoding a line touches. */
interface SubsetEmbedder {
  font: FontkitFont
  subset: { includeGlyph(glyph: unknown): number }
  glyphs: unknown[]
  glyphIdMap: Map<number, number>
  glyphCache: { invalidate(): void }
  encodeText(text: string): PDFHexString
}

/**
 * pdf-lib encodes every line it draws by laying it out with fontkit (shaping: about 0.8 ms a line,
 * most of the time a letter takes). Homeward's text needs no shaping: pdf-lib draws without
 * kerning, and the lines are measured character by character (Face.widthOf). So each character
 * maps straight to its glyph, looked up once. This replaces the embedder's encodeText with one
 * that records each glyph in the subset exactly as pdf-lib's own does (the version is pinned; the
 * tests check the text extracts and renders in every script).
 */
function encodeByCodePoint(pdfFont: PDFFont): void {
  const embedder = (pdfFont as unknown as { embedder: SubsetEmbedder }).embedder
  const codes = new Map<number, string>()
  embedder.encodeText = (text) => {
    let hex = ''
    for (const char of text) {
      const codePoint = char.codePointAt(0)!
      let code = codes.get(codePoint)
      if (code === undefined) {
        // A character the font lacks (Face.drawable has already made most of them '?') is .notdef.
        const glyph = embedder.font.glyphForCodePoint(codePoint) ?? embedder.font.getGlyph(0)!
        const id = embedder.subset.includeGlyph(glyph)
        embedder.glyphs[id - 1] = glyph
        embedder.glyphIdMap.set(glyph.id, id)
        embedder.glyphCache.invalidate()
        code = id.toString(16).padStart(4, '0')
        codes.set(codePoint, code)
      }
      hex += code
    }
    return PDFHexString.of(hex)
  }
}
