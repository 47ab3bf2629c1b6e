import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { PDFArray, PDFDict, PDFDocument, PDFName } from '@cantoo/pdf-lib'
import { afterAll, describe, expect, it } from 'vitest'
import { appendEnclosure } from '../../src/main/pdf/enclosures'
import { hostilePdf, textPdf } from '../support/fixtures'
import { pdfContents, pdfText, qdfText, qpdfCheck, renderPage } from '../support/pdf-tools'
import { tempDir } from '../support/temp-dir'

const dir = tempDir('active-content')
afterAll(() => dir.remove())

/** Names and words that only active content has. */
const ACTIVE_NAMES = ['JavaScript', 'JS', 'Launch', 'OpenAction', 'EmbeddedFile', 'EmbeddedFiles', 'EF', 'Filespec', 'FileAttachment', 'Link', 'URI', 'AA', 'AcroForm', 'Names']
const ACTIVE_WORDS = /app\.alert|cmd\.exe|invoice\.exe|EVIL-PAYLOAD|evil\.example/
const ACTIVE_QDF = /\/(JavaScript|JS|Launch|OpenAction|EmbeddedFiles?|EF|Filespec|FileAttachment|Link|URI|AA|AcroForm|Names)\b|app\.alert|cmd\.exe|invoice\.exe|EVIL-PAYLOAD|evil\.example/

describe('enclosed PDFs lose their active content', () => {
  it('the hostile fixture really holds all of it (so the test below proves something)', async () => {
    const bytes = await hostilePdf()
    const file = join(dir.path, 'hostile.pdf')
    writeFileSync(file, bytes)
    const { names, strings, streams } = await pdfContents(bytes)
    expect(ACTIVE_NAMES.filter((name) => !names.has(name))).toEqual([])
    expect([...strings, ...streams].filter((s) => ACTIVE_WORDS.test(s)).length).toBeGreaterThan(3)
    expect(qdfText(file)).toMatch(/\/OpenAction/)
  })

  it('copies an enclosure’s pages with no JavaScript, launch, link, page or field action, attached file or catalog entry: only what the page shows', async () => {
    const doc = await PDFDocument.create()
    expect(await appendEnclosure(doc, { fileName: 'tenancy.pdf', mediaType: 'application/pdf', bytes: await hostilePdf('Tenancy agreement 2019') })).toBe(1)
    expect(await appendEnclosure(doc, { fileName: 'letter.pdf', mediaType: 'application/pdf', bytes: await textPdf('GP letter', 1) })).toBe(1)
    const bytes = await doc.save()
    const file = join(dir.path, 'pack.pdf')
    writeFileSync(file, bytes)
    expect(qpdfCheck(file)).toBe('')

    // Read back with pdf-lib, every object in the file, referenced or not.
    const { names, strings, streams, catalogs } = await pdfContents(bytes)
    expect(ACTIVE_NAMES.filter((name) => names.has(name))).toEqual([])
    expect(catalogs).toBe(1)
    expect(strings.filter((s) => ACTIVE_WORDS.test(s))).toEqual([])
    expect(streams.filter((s) => ACTIVE_WORDS.test(s))).toEqual([])
    // And as qpdf writes it out.
    expect(qdfText(file).match(ACTIVE_QDF)).toBeNull()

    const pack = await PDFDocument.load(bytes)
    for (const key of ['OpenAction', 'Names', 'AcroForm', 'AA']) expect(pack.catalog.has(PDFName.of(key)), key).toBe(false)
    const page = pack.getPage(0).node
    expect(page.has(PDFName.of('AA'))).toBe(false)
    // The passive note and the filled-in field's look stay, without their actions.
    const annots = page.lookup(PDFName.of('Annots'), PDFArray).asArray().map((ref) => pack.context.lookup(ref, PDFDict))
    expect(annots.map((annot) => annot.lookup(PDFName.of('Subtype'), PDFName).decodeText()).sort()).toEqual(['Square', 'Widget'])
    for (const annot of annots) for (const key of ['A', 'AA']) expect(annot.has(PDFName.of(key))).toBe(false)

    // What the pages say is all still there, and they draw.
    const text = pdfText(file)
    expect(text).toContain('Tenancy agreement 2019')
    expect(text).toContain('GP letter page 1')
    expect(renderPage(file, 1, dir.path, 30).ink()).toBeGreaterThan(0.001)
  })
})
