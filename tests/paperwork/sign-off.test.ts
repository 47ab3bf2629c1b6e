import { execFileSync } from 'node:child_process'
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { PDFDocument } from '@cantoo/pdf-lib'
import { afterAll, describe, expect, it } from 'vitest'
import { sampleSettings } from '../../src/main/core/seed/sample-settings'
import { embedFaces } from '../../src/main/pdf/fonts'
import { Composer } from '../../src/main/pdf/layout'
import { embedTeamImage, signOff } from '../../src/main/pdf/letter'
import { pdfPages, qpdfCheck } from '../support/pdf-tools'
import { tempDir } from '../support/temp-dir'

const dir = tempDir('sign-off')
afterAll(() => dir.remove())

const pageText = (file: string, page: number) => execFileSync('pdftotext', ['-f', String(page), '-l', String(page), file, '-'], { encoding: 'utf8' })

describe('the closing of a letter', () => {
  // However much room a long letter leaves at the foot of its last page, "Yours sincerely", the
  // signature, the name and the role are on one page.
  it.each([true, false])('keeps "Yours sincerely" with its signature, name and role (signature image: %s)', async (withSignature) => {
    const { letterhead, signature } = sampleSettings()
    // Every few points across the height of the block, where it starts to fit and where it did not.
    for (const room of [60, 100, 108, 112, 116, 120, 124, 128, 136, 170]) {
      const doc = await PDFDocument.create()
      const c = new Composer(doc, await embedFaces(doc))
      c.space(c.contentHeight - room)
      const picture = withSignature ? await embedTeamImage(doc, signature) : undefined
      signOff(c, 'Yours sincerely,', { name: 'Amina Okafor', role: 'caseworker' }, picture, letterhead)
      const file = join(dir.path, `room-${room}.pdf`)
      writeFileSync(file, await doc.save())
      expect(qpdfCheck(file)).toBe('')
      const pages = pdfPages(file).map((_, i) => pageText(file, i + 1))
      const closingPage = pages.findIndex((text) => text.includes('Yours sincerely'))
      expect(pages[closingPage], `with ${room} points left`).toContain('Amina Okafor')
      expect(pages[closingPage], `with ${room} points left`).toContain(letterhead.organisation)
      // And it moves only when it must: with room to spare it stays on the first page.
      if (room >= 160) expect(closingPage).toBe(0)
    }
  })
})
