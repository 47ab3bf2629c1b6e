import { execFileSync } from 'node:child_process'
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { PNG } from 'pngjs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { seedWorkspace } from '../../src/main/core/seed/seed'
import { sampleSignature } from '../../src/main/core/seed/sample-signature'
import { openWorkspace, type Workspace } from '../../src/main/core/workspace'
import * as change from '../../src/shared/case/changes'
import type { Person } from '../../src/shared/people'
import { caseReadyForPack } from '../support/paperwork'
import { pdfPages, pngOfPage, qpdfCheck, renderPage, wordBoxes } from '../support/pdf-tools'
import { tempDir } from '../support/temp-dir'

const NOW = new Date('2026-11-23T10:00:00Z')
const TODAY = '2026-11-23'
/** Pages of each letter, kept for a person to look at. */
const LOOK_DIR = resolve(import.meta.dirname, '../../test-results/paperwork')

const dir = tempDir('signatures')
let ws: Workspace
let me: Person
let chloe: Person
let liam: Person

// A sample team, as a new user first tries Homeward: set up on the laptop (its manager), then the sample's caseworkers.
beforeAll(async () => {
  mkdirSync(LOOK_DIR, { recursive: true })
  ws = await openWorkspace({ dataDir: join(dir.path, 'workspace'), now: () => NOW })
  me = ws.team.setProfile({ name: 'Priya Shah' })
  await seedWorkspace(ws, { cases: 0, today: TODAY })
  chloe = ws.team.members().find((member) => member.name === 'Chloe Barnes')!
  liam = ws.team.members().find((member) => member.name === 'Liam Doherty')!
})
afterAll(async () => {
  await ws.close()
  dir.remove()
})

/** A closure letter for a case led by `lead`, as a plain PDF file. */
async function closureLetterLedBy(lead: Person): Promise<string> {
  const caseId = await caseReadyForPack(ws, `Client of ${lead.name}`)
  await ws.cases.change(caseId, (doc, context) => {
    change.allocate(doc, { id: lead.id, name: lead.name }, TODAY, context)
    change.updateSection(doc, 'stepDown', { handoverAgencies: 'Bradford Floating Support' }, context)
    change.closeCase(doc, { type: 'no-progress', details: 'Not in touch since October.', on: TODAY, id: 'closed' }, context)
  })
  const made = await ws.paperwork.closureLetter(caseId)
  const file = join(dir.path, `${lead.id}.pdf`)
  writeFileSync(file, await ws.paperwork.read(made))
  expect(qpdfCheck(file)).toBe('')
  return file
}

/** The ink of every image with transparency in a PDF (a signature's shape is its soft mask), as hex of its pixels. */
function masksIn(file: string): string[] {
  const out = mkdtempSync(join(dir.path, 'images-'))
  execFileSync('pdfimages', ['-png', file, join(out, 'image')])
  const list = execFileSync('pdfimages', ['-list', file], { encoding: 'utf8' }).split('\n').slice(2).filter(Boolean)
  const names = readdirSync(out).sort()
  return list.flatMap((row, i) => (row.trim().split(/\s+/)[2] === 'smask' ? [Buffer.from(PNG.sync.read(readFileSync(join(out, names[i]!))).data).toString('hex')] : []))
}

/** A signature's ink as a PDF's soft mask holds it: its alpha channel, as grey pixels. */
function inkOf(signature: Uint8Array): string {
  const { data, width, height } = PNG.sync.read(Buffer.from(signature))
  const grey = Buffer.alloc(width * height * 4)
  for (let i = 0; i < width * height; i++) grey.fill(data[i * 4 + 3]!, i * 4, i * 4 + 3).writeUInt8(255, i * 4 + 3)
  return grey.toString('hex')
}

describe('a letter’s signature', () => {
  it('is each sample person’s own, and none is made up for the person using the laptop', () => {
    const signatures = ws.team.settings().signatures
    expect(signatures[chloe.id]).toBeDefined()
    expect(signatures[liam.id]).toBeDefined()
    expect(Buffer.from(signatures[chloe.id]!.bytes).equals(Buffer.from(signatures[liam.id]!.bytes))).toBe(false)
    expect(new Set(Object.values(signatures).map((image) => Buffer.from(image.bytes).toString('hex'))).size).toBe(Object.keys(signatures).length)
    expect(signatures[me.id]).toBeUndefined()
  })

  // A new user's try found a letter signed by Chloe carrying the same signature as one signed by Liam.
  it('is only its signer’s own: Chloe’s letter carries Chloe’s, Liam’s carries Liam’s', async () => {
    const byChloe = await closureLetterLedBy(chloe)
    const byLiam = await closureLetterLedBy(liam)
    expect(masksIn(byChloe)).toContain(inkOf(sampleSignature('Chloe Barnes').bytes))
    expect(masksIn(byChloe)).not.toContain(inkOf(sampleSignature('Liam Doherty').bytes))
    expect(masksIn(byLiam)).toContain(inkOf(sampleSignature('Liam Doherty').bytes))
    expect(masksIn(byLiam)).not.toContain(inkOf(sampleSignature('Chloe Barnes').bytes))
    pngOfPage(byChloe, pdfPages(byChloe).length, join(LOOK_DIR, 'signed-by-chloe.png'))
    pngOfPage(byLiam, pdfPages(byLiam).length, join(LOOK_DIR, 'signed-by-liam.png'))
  })

  it('is a line to sign on by hand when the signer has given none', async () => {
    const byMe = await closureLetterLedBy(me)
    // The logo is the letter's one image.
    expect(masksIn(byMe)).toHaveLength(1)
    const last = pdfPages(byMe).length
    const words = wordBoxes(byMe).filter((word) => word.page === last)
    const closing = words.find((word) => word.word === 'wishes,')!
    const name = words.find((word) => word.word === 'Priya')!
    const page = renderPage(byMe, last, dir.path, 72)
    const between = { left: name.xMin / name.width, right: 0.5, top: (closing.yMax + 2) / name.height, bottom: (name.yMin - 2) / name.height }
    expect(page.ink(between)).toBeGreaterThan(0.005)
    pngOfPage(byMe, last, join(LOOK_DIR, 'signed-by-hand.png'))
  })
})
