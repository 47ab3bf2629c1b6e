import { degrees, rgb, type PDFDocument, type PDFPage, type RGB } from '@cantoo/pdf-lib'
import type { Face, Faces } from './fonts'
import { drawPicture, type Picture } from './images'

/** A4 in points. */
export const A4 = { width: 595.28, height: 841.89 } as const

export const INK = rgb(0.1, 0.12, 0.15)
export const SOFT = rgb(0.33, 0.37, 0.42)
export const BRAND = rgb(0.075, 0.306, 0.369)

export interface TextStyle {
  size?: number
  bold?: boolean
  color?: RGB
  /** Space after the block, in points. */
  after?: number
  indent?: number
  align?: 'left' | 'right'
}

const LINE = 1.38

/**
 * A UK phone number written in groups ("01632 960124", "+44 20 7946 0321", "0800 123 4567") or a
 * service number ("116 123"): a reader dialling it needs it on one line.
 */
const PHONE_NUMBER = /(?:\+44 ?|(?<![\d.,])0)\d{2,5}(?: \d{3,6}){1,2}(?![\d.,]\d)|(?<![\d.,])1\d{2} \d{3}(?![\d.,]\d)/g
/** Stands for a space inside a phone number while lines are broken at the other spaces. */
const KEEP = '\u0001'

/**
 * Breaks text into lines no wider than `width`: at spaces where it can (never inside a phone number),
 * inside a word only when the word alone is too long (a URL, a long reference). Newlines start new lines.
 */
export function wrap(face: Face, text: string, size: number, width: number): string[] {
  const lines: string[] = []
  for (const paragraph of face.drawable(text).split('\n')) {
    let line = ''
    const words = paragraph
      .replace(PHONE_NUMBER, (number) => number.replaceAll(' ', KEEP))
      .split(/ +/)
      .map((word) => word.replaceAll(KEEP, ' '))
    for (const word of words) {
      const candidate = line ? `${line} ${word}` : word
      if (face.widthOf(candidate, size) <= width) {
        line = candidate
        continue
      }
      if (line) lines.push(line)
      // By code point, so that a character outside the basic plane is never cut in two.
      let rest = Array.from(word)
      while (rest.length > 1 && face.widthOf(rest.join(''), size) > width) {
        let cut = rest.length - 1
        while (cut > 1 && face.widthOf(rest.slice(0, cut).join(''), size) > width) cut--
        lines.push(rest.slice(0, cut).join(''))
        rest = rest.slice(cut)
      }
      line = rest.join('')
    }
    lines.push(line)
  }
  return lines
}

export interface TableColumn {
  title: string
  /** Share of the width, 0 to 1. */
  width: number
  align?: 'left' | 'right'
}

/**
 * Lays out a document top to bottom on A4 pages, starting a new page when the next line or row
 * does not fit. Footers are drawn at the end (see stampFooters), when the page count is known.
 */
export class Composer {
  readonly margin = { top: 56, right: 56, bottom: 78, left: 56 }
  #page!: PDFPage
  #y = 0

  constructor(
    private readonly doc: PDFDocument,
    readonly faces: Faces,
  ) {
    this.newPage()
  }

  get width(): number {
    return A4.width - this.margin.left - this.margin.right
  }

  get page(): PDFPage {
    return this.#page
  }

  /** The distance from the top of the page to where the next block starts. */
  get y(): number {
    return this.#y
  }

  newPage(): void {
    this.#page = this.doc.addPage([A4.width, A4.height])
    this.#y = this.margin.top
  }

  /** Starts a new page unless `height` more points fit on this one. */
  ensure(height: number): void {
    if (this.#y + height > A4.height - this.margin.bottom) this.newPage()
  }

  space(points: number): void {
    this.#y += points
  }

  /** The height `text` would take with this style, to keep a block of lines together (see signOff). */
  textHeight(text: string, style: TextStyle = {}): number {
    const size = style.size ?? 10.5
    const lines = wrap(style.bold ? this.faces.bold : this.faces.regular, text, size, this.width - (style.indent ?? 0)).length
    return lines * size * LINE + (style.after ?? size * 0.6)
  }

  text(text: string, style: TextStyle = {}): void {
    const size = style.size ?? 10.5
    const face = style.bold ? this.faces.bold : this.faces.regular
    const indent = style.indent ?? 0
    for (const line of wrap(face, text, size, this.width - indent)) {
      this.ensure(size * LINE)
      this.#draw(line, face, size, style.color ?? INK, style.align === 'right' ? this.margin.left + this.width - face.widthOf(line, size) : this.margin.left + indent)
      this.#y += size * LINE
    }
    this.#y += style.after ?? size * 0.6
  }

  /**
   * A paragraph whose end stays with the `following` points drawn after it (a letter's last paragraph
   * with its sign-off): when both do not fit, at least its last two lines go over the page with what
   * follows, so the next page never starts with the following block alone (widow control). A page
   * keeps no single first line of it either: then the whole paragraph goes over.
   */
  textKeepingEndWith(text: string, style: TextStyle, following: number): void {
    const size = style.size ?? 10.5
    const lineHeight = size * LINE
    const lines = wrap(style.bold ? this.faces.bold : this.faces.regular, text, size, this.width - (style.indent ?? 0))
    const room = A4.height - this.margin.bottom - this.#y
    if (this.textHeight(text, style) + following <= room) return this.text(text, style)
    let here = Math.min(Math.floor(room / lineHeight), lines.length - 2)
    if (here < 2) here = 0
    if (here > 0) this.text(lines.slice(0, here).join('\n'), { ...style, after: 0 })
    this.newPage()
    this.text(lines.slice(here).join('\n'), style)
  }

  heading(text: string, level: 1 | 2 | 3 = 2): void {
    const style = headingStyle(level)
    // Keep a heading with at least two lines of what follows.
    this.ensure(style.size * LINE + 3 * 10.5 * LINE)
    this.space(level === 1 ? 0 : 6)
    this.text(text, { ...style, color: level === 3 ? INK : BRAND })
  }

  /** The height `heading` takes, to keep a heading and its section together (a letter's last). */
  headingHeight(text: string, level: 1 | 2 | 3 = 2): number {
    return (level === 1 ? 0 : 6) + this.textHeight(text, headingStyle(level))
  }

  /** A short line to write on (a signature by hand), `length` points long from the left margin. */
  line(length: number): void {
    this.#page.drawLine({ start: { x: this.margin.left, y: A4.height - this.#y }, end: { x: this.margin.left + length, y: A4.height - this.#y }, thickness: 0.75, color: INK })
  }

  /** The height of the page's writing area. */
  get contentHeight(): number {
    return A4.height - this.margin.top - this.margin.bottom
  }

  /**
   * Label and value pairs, the label column in bold. A pair that fits on a page is kept whole; a
   * longer one (a long note) starts where a few of its lines fit and flows on over the pages.
   */
  keyValues(rows: [string, string][], options: { labelWidth?: number; size?: number } = {}): void {
    const size = options.size ?? 10
    const labelWidth = options.labelWidth ?? this.width * 0.34
    const gap = 10
    const lineHeight = size * LINE
    for (const [label, value] of rows) {
      const labelLines = wrap(this.faces.bold, label, size, labelWidth)
      const valueLines = wrap(this.faces.regular, value || '—', size, this.width - labelWidth - gap)
      const count = Math.max(labelLines.length, valueLines.length)
      this.ensure(count * lineHeight <= this.contentHeight ? count * lineHeight : 3 * lineHeight)
      for (let i = 0; i < count; i++) {
        this.ensure(lineHeight)
        if (labelLines[i]) this.#drawAt(labelLines[i]!, this.faces.bold, size, SOFT, this.margin.left, this.#y)
        if (valueLines[i]) this.#drawAt(valueLines[i]!, this.faces.regular, size, INK, this.margin.left + labelWidth + gap, this.#y)
        this.#y += lineHeight
      }
      this.#y += 3
    }
    this.#y += 6
  }

  /**
   * A table with a header row, cells wrapping within their column. A row that does not fit goes to
   * the next page, under the header again; a row taller than a whole page flows over pages.
   */
  table(columns: TableColumn[], rows: string[][], options: { size?: number } = {}): void {
    const size = options.size ?? 9.5
    const pad = 4
    const widths = columns.map((column) => column.width * this.width)
    const lineHeight = size * LINE
    const bottom = A4.height - this.margin.bottom
    const header = () => {
      const lines = columns.map((column, i) => wrap(this.faces.bold, column.title, size, widths[i]! - 2 * pad))
      const height = Math.max(...lines.map((l) => l.length)) * lineHeight + 2 * pad
      this.ensure(height + lineHeight + 2 * pad)
      this.#page.drawRectangle({
        x: this.margin.left,
        y: A4.height - this.#y - height,
        width: this.width,
        height,
        color: rgb(0.89, 0.94, 0.95),
      })
      this.#cells(lines, 0, Infinity, widths, columns, this.faces.bold, size, pad)
      this.#y += height
      return height
    }
    const headerHeight = header()
    for (const row of rows) {
      const lines = row.map((cell, i) => wrap(this.faces.regular, cell, size, widths[i]! - 2 * pad))
      const count = Math.max(...lines.map((l) => l.length))
      const fitsOnAPage = count * lineHeight + 2 * pad <= this.contentHeight - headerHeight
      if (this.#y + (fitsOnAPage ? count * lineHeight : lineHeight) + 2 * pad > bottom) {
        this.newPage()
        header()
      }
      for (let from = 0; from < count; ) {
        const room = Math.max(1, Math.floor((bottom - this.#y - 2 * pad) / lineHeight))
        const to = Math.min(count, from + room)
        this.#cells(lines, from, to, widths, columns, this.faces.regular, size, pad)
        this.#y += (to - from) * lineHeight + 2 * pad
        this.#page.drawLine({
          start: { x: this.margin.left, y: A4.height - this.#y },
          end: { x: this.margin.left + this.width, y: A4.height - this.#y },
          thickness: 0.5,
          color: rgb(0.8, 0.84, 0.87),
        })
        from = to
        if (from < count) {
          this.newPage()
          header()
        }
      }
    }
    this.#y += 10
  }

  bullets(items: string[], style: TextStyle = {}): void {
    const size = style.size ?? 10.5
    for (const item of items) {
      const lines = wrap(this.faces.regular, item, size, this.width - 14)
      lines.forEach((line, i) => {
        this.ensure(size * LINE)
        if (i === 0) this.#draw('•', this.faces.regular, size, INK, this.margin.left + 2)
        this.#draw(line, this.faces.regular, size, INK, this.margin.left + 14)
        this.#y += size * LINE
      })
      this.#y += 2
    }
    this.#y += style.after ?? 6
  }

  /** A picture no larger than the box given, at the left margin (or right-aligned). */
  /** The height a picture takes in a box, with the space after it. */
  imageHeight(picture: Picture, box: { width: number; height: number }): number {
    return picture.height * Math.min(box.width / picture.width, box.height / picture.height, 1) + 6
  }

  image(picture: Picture, box: { width: number; height: number; align?: 'left' | 'right' }): void {
    const scale = Math.min(box.width / picture.width, box.height / picture.height, 1)
    const w = picture.width * scale
    const h = picture.height * scale
    this.ensure(h)
    const x = box.align === 'right' ? this.margin.left + this.width - w : this.margin.left
    drawPicture(this.#page, picture, { x, y: A4.height - this.#y - h, w, h })
    this.#y += h + 6
  }

  rule(): void {
    this.ensure(8)
    this.#page.drawLine({
      start: { x: this.margin.left, y: A4.height - this.#y },
      end: { x: this.margin.left + this.width, y: A4.height - this.#y },
      thickness: 0.75,
      color: rgb(0.75, 0.79, 0.83),
    })
    this.#y += 10
  }

  /** Draws one line at a fixed place, `top` points below the top of the page (not flowed). */
  drawAt(text: string, at: { x: number; top: number }, style: TextStyle = {}): void {
    const face = style.bold ? this.faces.bold : this.faces.regular
    this.#drawAt(face.drawable(text), face, style.size ?? 10.5, style.color ?? INK, at.x, at.top)
  }

  /** Lines `from` to `to` (not included) of each cell of a row, from the current height down. */
  #cells(lines: string[][], from: number, to: number, widths: number[], columns: TableColumn[], face: Face, size: number, pad: number) {
    let x = this.margin.left
    lines.forEach((cellLines, i) => {
      cellLines.slice(from, to).forEach((line, j) => {
        const left = columns[i]!.align === 'right' ? x + widths[i]! - pad - face.widthOf(line, size) : x + pad
        this.#drawAt(line, face, size, INK, left, this.#y + pad + j * size * LINE)
      })
      x += widths[i]!
    })
  }

  #draw(line: string, face: Face, size: number, color: RGB, x: number) {
    this.#drawAt(line, face, size, color, x, this.#y)
  }

  /** Draws a line whose top is `top` points below the top of the page. */
  #drawAt(line: string, face: Face, size: number, color: RGB, x: number, top: number) {
    if (line) this.#page.drawText(line, { x, y: A4.height - top - size * 0.93, size, font: face.pdfFont, color })
  }
}

function headingStyle(level: 1 | 2 | 3): TextStyle & { size: number } {
  return { size: level === 1 ? 17 : level === 2 ? 13 : 11.5, bold: true, after: level === 1 ? 10 : 5 }
}

export interface Footer {
  /** Who the document is about, as the footer names them. */
  subject: string
  notice: string
  /** What a page is, beside the name, where it helps (an enclosure's number). */
  pageLabel?: (index: number) => string | undefined
}

/**
 * Page X of Y, the client's name and the confidentiality notice on every page, including pages
 * copied in from enclosures (drawn upright whichever way such a page is rotated).
 */
export function stampFooters(doc: PDFDocument, faces: Faces, footer: Footer): void {
  const pages = doc.getPages()
  pages.forEach((page, index) => {
    const rotation = ((page.getRotation().angle % 360) + 360) % 360
    // The part of the page a reader sees (a copied page's box need not start at 0, 0).
    const { x: left, y: bottom, width, height } = page.getCropBox()
    // The page as the reader sees it, and where its bottom-left corner and axes lie.
    const seenWidth = rotation === 90 || rotation === 270 ? height : width
    const place = (dx: number, dy: number) => {
      switch (rotation) {
        case 90:
          return { x: left + width - dy, y: bottom + dx }
        case 180:
          return { x: left + width - dx, y: bottom + height - dy }
        case 270:
          return { x: left + dy, y: bottom + height - dx }
        default:
          return { x: left + dx, y: bottom + dy }
      }
    }
    const draw = (text: string, face: Face, size: number, dx: number, dy: number, color: RGB) => {
      const { x, y } = place(dx, dy)
      page.drawText(face.drawable(text), { x, y, size, font: face.pdfFont, color, rotate: degrees(rotation) })
    }
    const pageText = `Page ${index + 1} of ${pages.length}`
    const pageWidth = faces.bold.widthOf(pageText, 8.5)
    const subjectRoom = seenWidth - 2 * 40 - pageWidth - 20
    const label = footer.pageLabel?.(index)
    let subject = label ? `${footer.subject} · ${label}` : footer.subject
    while (subject.length > 1 && faces.regular.widthOf(subject, 8.5) > subjectRoom) subject = `${subject.slice(0, -2)}…`
    draw(subject, faces.regular, 8.5, 40, 34, SOFT)
    draw(pageText, faces.bold, 8.5, seenWidth - 40 - pageWidth, 34, SOFT)
    const notice = wrap(faces.regular, footer.notice, 7, seenWidth - 80)[0] ?? ''
    draw(notice, faces.regular, 7, 40, 22, SOFT)
  })
}
