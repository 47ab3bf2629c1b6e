import { execFileSync } from 'node:child_process'
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { PDFDocument } from '@cantoo/pdf-lib'
import { afterAll, describe, expect, it } from 'vitest'
import { sampleSettings } from '../../src/main/core/seed/sample-settings'
import { sampleSignature } from '../../src/main/core/seed/sample-signature'
import { embedFaces } from '../../src/main/pdf/fonts'
import { Composer } from '../../src/main/pdf/layout'
import { embedTeamImage, signOff } from '../../src/main/pdf/letter'
import { pdfPages, qpdfCheck } from '../support/pdf-tools'
import { tempDir } from '../support/temp-dir'

const dir = tempDir('sign-off')
afterAll(() => dir.remove())

const pageText = (file: string, page: number) => execFileSync('pdftotext', ['-f', String(page), '-l', String(page), file, '-'], { encoding: 'utf8' })

/** A last paragraph of four lines, as a covering letter's ends. */
const LAST =
  'With this letter are a summary of the client\'s circumstances and copies of 3 documents, listed in the index. Please contact me on 01632 960124 or at team@example.org if you need anything before then. ' +
  'We will send you any further documents we receive, and we are glad to answer any questions you have about the application at any time.'

describe('the closing of a letter', () => {
  // However much room a long letter leaves at the foot of its last page, "Yours sincerely", the
  // signature, the name and the role are on one page, with the end of the letter's last paragraph.
  it.each([true, false])('keeps "Yours sincerely" with its signature, name and role (signature image: %s)', async (withSignature) => {
    const { letterhead } = sampleSettings()
    const signature = sampleSignature('Amina Okafor')
    // Every few points across the height of the block, where it starts to fit and where it did not.
    for (const room of [60, 100, 108, 112, 116, 120, 124, 128, 136, 150, 170, 200, 230, 260]) {
      const doc = await PDFDocument.create()
      const c = new Composer(doc, await embedFaces(doc))
      c.space(c.contentHeight - room)
      const picture = withSignature ? await embedTeamImage(doc, signature) : undefined
      signOff(c, { text: LAST, style: { after: 14 } }, 'Yours sincerely,', { name: 'Amina Okafor', role: 'caseworker' }, picture, letterhead)
      const file = join(dir.path, `room-${room}.pdf`)
      writeFileSync(file, await doc.save())
      expect(qpdfCheck(file)).toBe('')
      const pages = pdfPages(file).map((_, i) => pageText(file, i + 1))
      const closingPage = pages.findIndex((text) => text.includes('Yours sincerely'))
      expect(pages[closingPage], `with ${room} points left`).toContain('Amina Okafor')
      expect(pages[closingPage], `with ${room} points left`).toContain(letterhead.organisation)
      // Never alone: the letter's text runs on that page above "Yours sincerely", at least the last
      // two lines of the last paragraph ("…before then." ends the second of its four lines).
      const above = pages[closingPage]!.slice(0, pages[closingPage]!.indexOf('Yours sincerely'))
      expect(above, `with ${room} points left`).toMatch(/before then\./)
      expect(above.trim().split('\n').filter(Boolean).length, `with ${room} points left`).toBeGreaterThanOrEqual(2)
      // And nothing is left alone at the foot of the page before: no single line of the paragraph.
      if (closingPage > 0) expect(pages[closingPage - 1]!.trim().split('\n').filter(Boolean).length).not.toBe(1)
      // And it moves only when it must: with room to spare it stays on the first page.
      if (room >= 230) expect(closingPage).toBe(0)
    }
  })
})
