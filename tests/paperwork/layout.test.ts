import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { PDFDocument } from '@cantoo/pdf-lib'
import { afterAll, describe, expect, it } from 'vitest'
import { embedFaces } from '../../src/main/pdf/fonts'
import { A4, Composer, stampFooters, wrap } from '../../src/main/pdf/layout'
import { pdfFonts, pdfPages, pdfText, qpdfCheck, renderPage, wordBoxes } from '../support/pdf-tools'
import { tempDir } from '../support/temp-dir'

const dir = tempDir('layout')
afterAll(() => dir.remove())

const NAMES = ['Łukasz Wiśniewski', 'Ștefan Popescu', "Zoë O'Brien-Ní Bhriain", 'Ólafur Jóhannsson', 'Дмитрий Иванов']

async function compose(build: (composer: Composer) => void, name: string) {
  const doc = await PDFDocument.create()
  const faces = await embedFaces(doc)
  const composer = new Composer(doc, faces)
  build(composer)
  stampFooters(doc, faces, { subject: 'Ł. Wiśniewski', notice: 'CONFIDENTIAL: personal information shared with the client’s consent.' })
  const file = join(dir.path, name)
  writeFileSync(file, await doc.save())
  return { file, faces, composer }
}

describe('line breaking', () => {
  it('keeps every line within the width, breaking at spaces, and inside a word only when it must', async () => {
    const doc = await PDFDocument.create()
    const { regular } = await embedFaces(doc)
    const text = 'Sister lives in Bradford and is happy to help with the move; see https://example.org/a-very-long-address-that-cannot-break-anywhere-at-all-really'
    const lines = wrap(regular, text, 10, 150)
    for (const line of lines) expect(regular.widthOf(line, 10)).toBeLessThanOrEqual(150)
    expect(lines.join(' ').replace(/\s+/g, '')).toBe(text.replace(/\s+/g, ''))
    expect(lines.slice(0, 3)).toEqual(['Sister lives in Bradford and is', 'happy to help with the move;', 'see'])
    expect(wrap(regular, 'one\ntwo', 10, 500)).toEqual(['one', 'two'])
  })

  it('never breaks a phone number across lines, at any width', async () => {
    const doc = await PDFDocument.create()
    const { regular } = await embedFaces(doc)
    const numbers = ['01632 960124', '116 123', '+44 20 7946 0321', '0800 123 4567']
    const text = `Call Bradford Floating Support on ${numbers[0]}, Samaritans on ${numbers[1]}, the office on ${numbers[2]} or the helpline on ${numbers[3]}. We saw 120 people in 2025.`
    for (let width = 100; width <= 400; width += 3) {
      const lines = wrap(regular, text, 10, width).join('\n')
      for (const number of numbers) expect(lines, `at ${width} points wide`).toContain(number)
    }
    // Other numbers break as words do.
    expect(wrap(regular, 'We saw 120 people in 2025 and 2026.', 10, 40)).toContain('2026.')
  })

  it('measures text as pdf-lib draws it', async () => {
    const doc = await PDFDocument.create()
    const { regular, bold } = await embedFaces(doc)
    for (const name of NAMES) {
      expect(regular.widthOf(name, 12)).toBeCloseTo(regular.pdfFont.widthOfTextAtSize(name, 12), 1)
      expect(bold.widthOf(name, 12)).toBeCloseTo(bold.pdfFont.widthOfTextAtSize(name, 12), 1)
    }
  })
})

describe('a composed document', () => {
  it('prints names in every script, with the font embedded, and renders with ink (not blank)', async () => {
    const { file } = await compose((c) => {
      c.heading('Client summary', 1)
      for (const name of NAMES) c.text(name, { size: 14 })
      c.text('The office staff filled in the official file.')
    }, 'names.pdf')
    expect(qpdfCheck(file)).toBe('')
    const text = pdfText(file)
    for (const name of NAMES) expect(text).toContain(name)
    // Letters are drawn one glyph each, as they are measured: no ligature glyphs to confuse a reader or a search.
    expect(text).toContain('The office staff filled in the official file.')
    expect(pdfFonts(file).length).toBeGreaterThan(0)
    expect(pdfFonts(file).every((font) => font.embedded)).toBe(true)
    const page = renderPage(file, 1, dir.path)
    expect(page.errors).toBe('')
    expect(page.ink({ left: 0.05, top: 0.05, right: 0.6, bottom: 0.35 })).toBeGreaterThan(0.01)
  })

  it('flows long text and tables onto new pages, never off the page, with page X of Y on each', async () => {
    const note = 'Met at the day centre; talked through the plan for the move and what happens at Housing Options. '.repeat(12)
    const { file } = await compose((c) => {
      c.heading('Case notes', 1)
      for (let i = 0; i < 8; i++) c.text(note)
      c.table(
        [
          { title: 'Address', width: 0.5 },
          { title: 'Area', width: 0.25 },
          { title: 'When', width: 0.25 },
        ],
        Array.from({ length: 60 }, (_, i) => [`${i + 1} Manningham Lane, Bradford, a long way from the station`, 'Bradford', '01/01/2020 to 01/06/2021']),
      )
    }, 'long.pdf')
    expect(qpdfCheck(file)).toBe('')
    const pages = pdfPages(file)
    expect(pages.length).toBeGreaterThanOrEqual(4)
    expect(pages.every((page) => Math.round(page.width) === Math.round(A4.width) && Math.round(page.height) === Math.round(A4.height))).toBe(true)
    const text = pdfText(file)
    for (let i = 1; i <= pages.length; i++) expect(text).toContain(`Page ${i} of ${pages.length}`)
    expect(text.match(/Ł\. Wiśniewski/g)?.length).toBe(pages.length)
    expect(text).toContain('60 Manningham Lane')
    // The table's header row is repeated on the pages it continues onto.
    expect(text.match(/Address/g)!.length).toBeGreaterThan(1)
    // Nothing is drawn in the side margins of any page.
    for (let i = 1; i <= pages.length; i++) {
      const page = renderPage(file, i, dir.path)
      expect(page.ink({ left: 0, top: 0, right: 0.06, bottom: 1 })).toBe(0)
      expect(page.ink({ left: 0.94, top: 0, right: 1, bottom: 1 })).toBe(0)
    }
  })

  it('flows a very long note in a label and value list, and a table cell taller than a page, over pages: every word on a page', async () => {
    const words = Array.from({ length: 1600 }, (_, i) => `word${i + 1}`)
    const long = words.join(' ')
    const { file } = await compose((c) => {
      c.heading('Health and support needs', 3)
      c.keyValues([
        ['Support needs', long],
        ['Short', 'A short value after the long one'],
      ])
      c.table(
        [
          { title: 'Address', width: 0.5 },
          { title: 'Notes', width: 0.5 },
        ],
        [['1 Manningham Lane', long]],
      )
    }, 'overlong.pdf')
    expect(qpdfCheck(file)).toBe('')
    const boxes = wordBoxes(file)
    const offPage = boxes.filter((b) => b.xMin < 0 || b.yMin < 0 || b.xMax > b.width || b.yMax > b.height)
    expect(offPage).toEqual([])
    // Every word of the note is there, twice (the list and the table), and the value after it too.
    const found = new Set(boxes.map((b) => b.word))
    for (const word of words) expect(found.has(word), word).toBe(true)
    expect(boxes.filter((b) => b.word === 'word1600')).toHaveLength(2)
    expect(pdfText(file)).toContain('A short value after the long one')
    // Nothing is drawn over the footer: the body stops above the footer's lines.
    const footerTop = A4.height - 46
    expect(boxes.filter((b) => !/^(Page|\d+|of|Ł\.|Wiśniewski|CONFIDENTIAL:|personal|information|shared|with|the|client’s|consent\.)$/.test(b.word) && b.yMax > footerTop)).toEqual([])
  })
})

