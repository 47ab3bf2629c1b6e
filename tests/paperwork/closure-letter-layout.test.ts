import { execFileSync } from 'node:child_process'
import { mkdirSync, writeFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { sampleSettings } from '../../src/main/core/seed/sample-settings'
import { sampleSignature } from '../../src/main/core/seed/sample-signature'
import { makeClosureLetter } from '../../src/main/pdf/closure-letter'
import * as change from '../../src/shared/case/changes'
import { planClosureLetter } from '../../src/shared/case/closure-letter'
import type { Agency, TeamSettings } from '../../src/shared/team/settings'
import { BRADFORD, CASEWORKER, caseIn, edit, read } from '../support/cases'
import { pdfPages, pngOfPage, qpdfCheck } from '../support/pdf-tools'
import { tempDir } from '../support/temp-dir'

/** Pages of each letter, kept for a person to look at. */
const LOOK_DIR = resolve(import.meta.dirname, '../../test-results/paperwork')
const dir = tempDir('closure-letter-layout')
beforeAll(() => mkdirSync(LOOK_DIR, { recursive: true }))
afterAll(() => dir.remove())

const sample = sampleSettings()
const SHELTER: Agency = { name: 'Shelter', localAuthority: BRADFORD, service: 'Housing advice', phone: '0808 800 4444' }
const BRADFORD_SERVICES = sample.agencies.filter((agency) => agency.localAuthority === BRADFORD)

function settings(agencies: Agency[]): TeamSettings {
  return {
    letterhead: sample.letterhead,
    logo: sample.logo,
    housingOptions: {},
    agencies: Object.fromEntries(agencies.map((agency, i) => [`agency-${i}`, agency])),
    outreachTeams: {},
    signatures: {},
  }
}

/** A closure letter for a case closing with this support recorded at step down, as a PDF file and each page's text. */
async function letter(name: string, handover: string, agencies: Agency[]): Promise<{ file: string; pages: string[] }> {
  const record = read(edit(caseIn('closure-and-review'), (d) => change.updateSection(d, 'stepDown', { handoverAgencies: handover }, CASEWORKER)))
  const team = settings(agencies)
  const plan = planClosureLetter(record, team)
  expect(plan.problems).toEqual([])
  const signer = { name: 'Chloe Barnes', role: 'caseworker' as const, signature: sampleSignature('Chloe Barnes') }
  const made = await makeClosureLetter({ record, plan, settings: team, signer, today: '2026-11-23', now: new Date('2026-11-23T10:00:00Z') })
  const file = join(dir.path, `${name}.pdf`)
  writeFileSync(file, made.bytes)
  expect(qpdfCheck(file)).toBe('')
  const pages = pdfPages(file).map((_, i) => execFileSync('pdftotext', ['-f', String(i + 1), '-l', String(i + 1), file, '-'], { encoding: 'utf8' }))
  return { file, pages }
}

describe('the closure letter’s layout', () => {
  // Even the shortest letter runs just over a page: its last page had held only the thanks and "Best wishes".
  it('takes the last section over the page with the sign-off when a short letter runs over', async () => {
    const { file, pages } = await letter('short', 'Horton Housing: tenancy support, every Tuesday', [])
    expect(pages).toHaveLength(2)
    expect(pages[1]!.trimStart()).toMatch(/^Getting back in touch\s+If things change .*We will be glad to hear from you\.\s+Thank you for working with us, Łukasz\. We wish you all the best\.\s+Best wishes,\s+Chloe Barnes\s/s)
    pngOfPage(file, 1, join(LOOK_DIR, 'closure-letter-short.png'))
    pngOfPage(file, 2, join(LOOK_DIR, 'closure-letter-short-2.png'))
  })

  // A new user's try found "Shelter" over "Shelter: Sam is your adviser", and a service with no
  // directory entry printed as a lone bullet after the directory's, before the other services.
  it('gives each service arranged, with a directory entry or not, as one item of the list: its name once, then what was arranged', async () => {
    const { file, pages } = await letter(
      'items',
      'Shelter: Sam is your adviser, Mondays\nHorton Housing: tenancy support, every Tuesday\nBradford Recovery Service',
      [SHELTER, ...BRADFORD_SERVICES],
    )
    const text = pages.join('\n')
    const arranged = text.slice(text.indexOf('We have arranged for these services to support you:'), text.indexOf('Other services in Bradford that can help:'))
    expect(arranged).toMatch(/\nShelter\nSam is your adviser, Mondays\nPhone: 0808 800 4444\n/)
    expect(arranged).not.toContain('Shelter: Sam')
    expect(arranged).toMatch(/\nHorton Housing\nTenancy support, every Tuesday\n/)
    expect(arranged).toMatch(/\nBradford Recovery Service\nDrug and alcohol treatment and prescribing\n/)
    // In the caseworker's order, inside the list of support arranged, none of them a bullet apart.
    expect(arranged.indexOf('Shelter')).toBeLessThan(arranged.indexOf('Horton Housing'))
    expect(arranged.indexOf('Horton Housing')).toBeLessThan(arranged.indexOf('Bradford Recovery Service'))
    expect(arranged).not.toContain('•')
    pngOfPage(file, 1, join(LOOK_DIR, 'closure-letter-items.png'))
  })

  // A new user's try found "the GP practice" in the list: bold, lower case, and no details.
  it('heads the GP practice as the client’s own, with the details the case gives', async () => {
    const { file, pages } = await letter('gp', 'the GP practice: Dr Okoro, Beeston Hill Surgery, 0113 496 0123', BRADFORD_SERVICES)
    const text = pages.join('\n')
    expect(text).toMatch(/We have arranged for these services to support you:\s+Your GP practice\nDr Okoro, Beeston Hill Surgery, 0113 496 0123\n/)
    expect(text).not.toContain('the GP practice')
    pngOfPage(file, 1, join(LOOK_DIR, 'closure-letter-gp.png'))
  })

  // Each more service in the directory pushes the end of the letter down by one entry, so across
  // these the sign-off meets the foot of a page at every point: it never goes over the page on its own.
  it('keeps the sign-off with the paragraph before it, however long the letter', async () => {
    let moved = 0
    for (let more = 0; more <= 8; more++) {
      const others = Array.from({ length: more }, (_, i): Agency => ({
        name: `Bradford Service ${i + 1}`,
        localAuthority: BRADFORD,
        service: 'Advice and support',
        address: `${i + 1} Leeds Road\nBradford BD1 1AA`,
        phone: '01632 960999',
        openingTimes: 'Monday to Friday, 9am to 5pm',
      }))
      const { file, pages } = await letter(`long-${more}`, 'Bradford Recovery Service', [...BRADFORD_SERVICES, ...others])
      const closing = pages.find((page) => page.includes('Best wishes,'))!
      const above = closing.slice(0, closing.indexOf('Best wishes,'))
      expect(above, `with ${more} more services`).toContain('We will be glad to hear from you.')
      expect(closing.slice(closing.indexOf('Best wishes,')), `with ${more} more services`).toContain('Chloe Barnes')
      // Once, for a person to look at: a letter whose last section went over the page with its sign-off.
      if (pages.length > 1 && closing === pages.at(-1) && closing.trimStart().startsWith('Getting back in touch') && moved++ === 0) {
        pngOfPage(file, pages.length - 1, join(LOOK_DIR, 'closure-letter-long-before-last-page.png'))
        pngOfPage(file, pages.length, join(LOOK_DIR, 'closure-letter-long-last-page.png'))
      }
    }
    expect(moved).toBeGreaterThan(0)
  })
})
