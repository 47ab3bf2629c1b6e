import { execFileSync } from 'node:child_process'
import { existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import * as Automerge from '@automerge/automerge'
import { openEncrypted } from '../support/passphrase'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { FileRefusedError, PaperworkNotReadyError } from '../../src/main/core/errors'
import { workspaceFiles } from '../../src/main/core/storage/workspace-files'
import type { GeneratedFile } from '../../src/main/core/paperwork/paperwork'
import { openWorkspace, type Workspace } from '../../src/main/core/workspace'
import { toStored } from '../../src/shared/automerge/registers'
import * as change from '../../src/shared/case/changes'
import { localConnectionSentence, testLocalConnection } from '../../src/shared/case/local-connection'
import { whyClosing } from '../../src/main/pdf/closure-letter'
import { corruptPdf, encryptedPdf, hostilePdf, markedJpeg, markedPng, PHOTO_SECRETS, phonePhoto, textPdf } from '../support/fixtures'
import { sampleSignature } from '../../src/main/core/seed/sample-signature'
import { BRADFORD, caseReadyForPack, setUpTeamSettings } from '../support/paperwork'
import { corners, pdfContents, pdfFonts, pdfPages, pdfText, pngOfPage, qdfText, qpdfCheck, renderPage } from '../support/pdf-tools'
import { AMINA, DEREK, JO } from '../support/people'
import { tempDir } from '../support/temp-dir'

const NOW = new Date('2026-11-23T10:00:00Z')
const TODAY = '2026-11-23'
const NAMES = ['Łukasz Wiśniewski', 'Ștefan Popescu', "Zoë O'Brien-Ní Bhriain", 'Ólafur Jóhannsson', 'Дмитрий Иванов']
/** Page 1 of each document, kept for a person to look at. */
const LOOK_DIR = resolve(import.meta.dirname, '../../test-results/paperwork')

const dir = tempDir('documents')
/** Plain copies of the made documents (kept sealed in the workspace), for qpdf, pdftotext and pdftoppm. */
const plainDir = tempDir('documents-plain')
let ws: Workspace

async function plain<T extends GeneratedFile>(making: Promise<T>): Promise<T> {
  const made = await making
  const copy = join(plainDir.path, `${made.id}.pdf`)
  writeFileSync(copy, await ws.paperwork.read(made))
  return { ...made, path: copy }
}

beforeAll(async () => {
  mkdirSync(LOOK_DIR, { recursive: true })
  const manager = await openWorkspace({ dataDir: dir.path, user: DEREK, now: () => NOW })
  await setUpTeamSettings(manager)
  await manager.close()
  ws = await openWorkspace({ dataDir: dir.path, user: AMINA, now: () => NOW })
  await ws.team.setImage('signature', { fileName: 'my-signature.png', bytes: sampleSignature(AMINA.name).bytes })
})
afterAll(async () => {
  await ws.close()
  dir.remove()
  plainDir.remove()
})

const attach = (caseId: string, fileName: string, bytes: Uint8Array, details: Record<string, unknown>) =>
  ws.attachments.add(caseId, { fileName, bytes, details: { date: '2026-10-01', shareInPack: 'yes', ...details } })

/**
 * Sound structure; Homeward's own fonts embedded (the test enclosures use a standard PDF font,
 * which readers supply); every page renders without errors from pdftoppm, and none is blank (a
 * broken font subset renders blank).
 */
function expectSoundPdf(file: string): void {
  expect(qpdfCheck(file)).toBe('')
  const fonts = pdfFonts(file)
  expect(fonts.filter((font) => font.name.includes('NotoSans')).length).toBeGreaterThanOrEqual(2)
  expect(fonts.filter((font) => !font.embedded && font.name !== 'Helvetica')).toEqual([])
  pdfPages(file).forEach((_, i) => {
    const page = renderPage(file, i + 1, dir.path, 20)
    expect(page.errors, `page ${i + 1}`).toBe('')
    expect(page.ink(undefined, 200), `page ${i + 1} is blank`).toBeGreaterThan(0.002)
  })
}

function pdfInfo(file: string): Record<string, string> {
  return Object.fromEntries(
    execFileSync('pdfinfo', ['-enc', 'UTF-8', file], { encoding: 'utf8' })
      .split('\n')
      .map((line) => [line.slice(0, line.indexOf(':')).trim(), line.slice(line.indexOf(':') + 1).trim()]),
  )
}

describe('the presentation pack', () => {
  it('merges the letter, summary, index and every consented enclosure, in order, each page the right way round', async () => {
    const caseId = await caseReadyForPack(ws, NAMES[0]!)
    await attach(caseId, 'birth-certificate.pdf', await textPdf('Birth certificate', 1), { type: 'identity', note: 'Full birth certificate' })
    await attach(caseId, 'bank-statements.pdf', await textPdf('Statement', 5), { type: 'benefits', note: 'Universal Credit statements' })
    await attach(caseId, 'tenancy.pdf', await textPdf('Tenancy', 2, { landscape: true }), { type: 'address-history', note: 'Tenancy agreement, 2019 to 2025' })
    await attach(caseId, 'gp-letter.jpg', markedJpeg(6, 320, 200), { type: 'medical', note: 'GP letter, photographed' })
    await attach(caseId, 'council-tax.jpg', markedJpeg(1, 320, 200), { type: 'address-history', note: 'Council tax bill' })
    await attach(caseId, 'dwp.png', markedPng('alpha'), { type: 'benefits', note: 'DWP award letter' })
    await attach(caseId, 'private.pdf', await textPdf('Not for the council', 1), { type: 'other', note: 'Kept private', shareInPack: 'no' })

    const progress: number[] = []
    const { path, document, id } = await plain(ws.paperwork.presentationPack(caseId, { onProgress: (done, total) => progress.push(done / total) }))
    expectSoundPdf(path)
    const text = pdfText(path)
    const pages = pdfPages(path)
    const front = pages.length - 11
    expect(front).toBeGreaterThanOrEqual(3)
    expect(document).toMatchObject({ kind: 'presentation-pack', pages: pages.length, by: { id: AMINA.id } })
    expect(document.enclosures.map((e) => [e.fileName, e.pages])).toEqual([
      ['birth-certificate.pdf', 1],
      ['bank-statements.pdf', 5],
      ['tenancy.pdf', 2],
      ['gp-letter.jpg', 1],
      ['council-tax.jpg', 1],
      ['dwp.png', 1],
    ])
    expect(pages.slice(front).map((p) => (p.width > p.height ? 'landscape' : 'portrait'))).toEqual([
      'portrait',
      ...Array(5).fill('portrait'),
      'landscape',
      'landscape',
      // The GP letter's photo is stored landscape and turned a quarter by its EXIF orientation.
      'portrait',
      'landscape',
      'portrait',
    ])
    for (const words of ['City of Bradford Metropolitan District Council', 'Part VII', 'Housing Act 1996', 'Jo Smith', 'Britannia House', 'Yours sincerely', 'Amina Okafor', 'Index of enclosures', 'Client summary']) {
      expect(text).toContain(words)
    }
    for (const title of ['Birth certificate or ID: Full birth certificate', 'Proof of benefits: Universal Credit statements', 'Proof of address history: Tenancy agreement, 2019 to 2025', 'Medical information: GP letter, photographed', 'Proof of address history: Council tax bill', 'Proof of benefits: DWP award letter']) {
      expect(text.replace(/\s+/g, ' ')).toContain(title)
    }
    const record = await ws.cases.read(caseId)
    const area = testLocalConnection(
      { addresses: Object.values(record.addresses), employment: [], family: Object.values(record.family), special: [] },
      TODAY,
    ).find((a) => a.localAuthority === BRADFORD)!
    expect(text.replace(/\s+/g, ' ')).toContain(localConnectionSentence(NAMES[0]!, area, TODAY))
    // After the colon, a clause with its subject: not "…Housing Act 1996: has lived there".
    expect(text.replace(/\s+/g, ' ')).toMatch(/under section 199 of the Housing Act 1996: they have lived there of their own choice for/)
    expect(text).not.toContain('Not for the council')
    expect(text).not.toContain('Kept private')
    // The index gives each enclosure's pages in the pack: the 5-page statements follow the 1-page certificate.
    expect(text).toMatch(new RegExp(`${front + 2} to ${front + 6}`))
    // Every page has its number, the name and the notice; enclosure pages say which enclosure they are.
    expect(text.match(/Page \d+ of \d+/g)).toHaveLength(pages.length)
    expect(text).toContain(`Page ${pages.length} of ${pages.length}`)
    expect(text).toContain(`${NAMES[0]} · Enclosure 6`)
    expect(text.match(/CONFIDENTIAL/g)).toHaveLength(pages.length)
    expect(pdfInfo(path)).toMatchObject({
      Title: `Presentation pack: ${NAMES[0]}`,
      Author: 'Amina Okafor, Homeward Trust',
      Subject: 'Homelessness application under Part VII of the Housing Act 1996 to City of Bradford Metropolitan District Council',
    })
    expect(progress.at(-1)).toBe(1)
    expect(progress).toEqual([...progress].sort((a, b) => a - b))
    expect((await ws.cases.read(caseId)).generatedDocuments[id]).toEqual(document)
    for (let page = 1; page <= front + 2; page++) pngOfPage(path, page, join(LOOK_DIR, `presentation-pack-page-${page}.png`))

    // The ready-to-send email: to the contact, the pack attached whole.
    const eml = (await ws.paperwork.read({ path: await ws.paperwork.prepareEmail(caseId, id) })).toString('latin1')
    expect(eml).toMatch(/^To: jo\.smith@bradford\.example\.org$/m)
    expect(eml).toMatch(/^X-Unsent: 1$/m)
    expect(eml).toMatch(/^Subject: /m)
    const attached = /Content-Type: application\/pdf[\s\S]*?\r\n\r\n([\s\S]*?)\r\n--/.exec(eml)?.[1]
    expect(Buffer.from(attached!.replace(/\s+/g, ''), 'base64').equals(readFileSync(path))).toBe(true)
  })

  it('prints names in every script, and wraps long writing onto new pages, never off the page', async () => {
    for (const name of NAMES) {
      const caseId = await caseReadyForPack(ws, name, {
        plan: { presentationArrangements: Array.from({ length: 120 }, (_, i) => `Sentence ${i + 1} about the arrangements, with a long address at 221B Baker Street, Marylebone, London NW1 6XE.`).join(' ') },
      })
      const { path } = await plain(ws.paperwork.presentationPack(caseId))
      expectSoundPdf(path)
      const text = pdfText(path)
      expect(text).toContain(name)
      expect(text).toContain('Sentence 120 about the arrangements')
      if (name === NAMES[4]) pngOfPage(path, 1, join(LOOK_DIR, 'presentation-pack-cyrillic.png'))
    }
  })

  it('is signed by the case’s lead caseworker, whoever makes it, with the closing on one page however long the letter', async () => {
    // Long arrangements for the day push the closing down the letter's pages: at some length it
    // would have split from its signature.
    for (const sentences of [30, 34, 38, 42]) {
      const caseId = await caseReadyForPack(ws, 'Gwenllian Jones', {
        plan: { presentationArrangements: Array.from({ length: sentences }, (_, i) => `Arrangement ${i + 1}: we meet at the station at ten.`).join(' ') },
      })
      await ws.cases.change(caseId, (doc, context) => change.allocate(doc, { id: JO.id, name: JO.name }, TODAY, context))
      const { path, document } = await plain(ws.paperwork.presentationPack(caseId))
      expect(document.by.id).toBe(AMINA.id)
      expect(qpdfCheck(path)).toBe('')
      const pages = pdfPages(path).map((_, i) => execFileSync('pdftotext', ['-f', String(i + 1), '-l', String(i + 1), path, '-'], { encoding: 'utf8' }))
      expect(pages[0]).toContain('City of Bradford Metropolitan District Council')
      const closing = pages.find((text) => text.includes('Yours sincerely'))!
      const signedBy = closing.slice(closing.indexOf('Yours sincerely'))
      expect(signedBy, `with ${sentences} sentences`).toContain('Jo Price')
      expect(signedBy).toContain('Caseworker, Safe Connections')
      expect(signedBy).not.toContain('Amina Okafor')
      expect(pdfInfo(path).Author).toBe('Jo Price, Homeward Trust')
    }
  })

  // A new user's try found the letter saying "…and no other documents", then a whole page saying "There are no enclosures."
  it('with nothing enclosed, says so once, in the letter, and has no index of enclosures', async () => {
    const caseId = await caseReadyForPack(ws, 'Siân Evans', { plan: { priorityNeed: 'Vulnerable because of long-term alcohol dependency and depression.' } })
    const { path, document } = await plain(ws.paperwork.presentationPack(caseId))
    expectSoundPdf(path)
    const text = pdfText(path).replace(/\s+/g, ' ')
    expect(text).toContain("With this letter is a summary of Siân's circumstances. No other documents are enclosed. Please contact me")
    expect(text.match(/enclos/gi)).toHaveLength(1)
    expect(text).not.toContain('Index of enclosures')
    expect(document).toMatchObject({ enclosures: [], pages: pdfPages(path).length })
    const lastPage = execFileSync('pdftotext', ['-f', String(document.pages), '-l', String(document.pages), path, '-'], { encoding: 'utf8' })
    expect(lastPage).toContain('Risks relevant to the receiving authority')
    pngOfPage(path, 1, join(LOOK_DIR, 'presentation-pack-nothing-enclosed.png'))
    pngOfPage(path, document.pages, join(LOOK_DIR, 'presentation-pack-nothing-enclosed-last.png'))
  })

  // A pack made anyway printed "GP letter enclosed." with nothing enclosed: the council would look for it.
  it('prints a caseworker’s "enclosed" with a note when nothing is enclosed, and as written once something is', async () => {
    const caseId = await caseReadyForPack(ws, 'Dafydd Jones', { plan: { presentationArrangements: 'His bus tickets are attached.' } })
    const { path, document } = await plain(ws.paperwork.presentationPack(caseId))
    expectSoundPdf(path)
    const text = pdfText(path).replace(/\s+/g, ' ')
    expect(text).toContain('depression: GP letter enclosed. (no document is enclosed with this pack)')
    expect(text).toContain('His bus tickets are attached. (no document is enclosed with this pack)')
    expect(text).not.toContain('Script to transfer to the Bradford recovery service on the day of travel. (no document')
    expect(document.enclosures).toEqual([])
    pngOfPage(path, 1, join(LOOK_DIR, 'presentation-pack-enclosed-with-nothing.png'))

    await attach(caseId, 'gp-letter.pdf', await textPdf('GP letter', 1), { type: 'medical', note: 'GP letter' })
    const withLetter = await plain(ws.paperwork.presentationPack(caseId))
    const written = pdfText(withLetter.path).replace(/\s+/g, ' ')
    expect(written).toContain('depression: GP letter enclosed.')
    expect(written).toContain('His bus tickets are attached.')
    expect(written).not.toContain('no document is enclosed with this pack')
  })

  it('describes health and support needs, and encloses medical information, only with the client’s agreement', async () => {
    const caseId = await caseReadyForPack(ws, 'Ana Pereira', { plan: { packHealthConsent: 'no' } })
    await attach(caseId, 'gp-letter.pdf', await textPdf('GP letter about her health', 1), { type: 'medical', note: 'GP letter' })
    const benefits = await attach(caseId, 'award.pdf', await textPdf('Award letter', 1), { type: 'benefits' })
    const { path, document } = await plain(ws.paperwork.presentationPack(caseId))
    const text = pdfText(path)
    expect(text).not.toContain('Alcohol dependency')
    expect(text).not.toContain('Script to transfer')
    expect(text).not.toContain('GP letter about her health')
    expect(text).toContain('has not agreed to share their health and support needs')
    expect(document.enclosures.map((e) => e.attachmentId)).toEqual([benefits])
  })

  it('says how the council can reach the client while consent to share with it is in force, and is not made without it', async () => {
    const caseId = await caseReadyForPack(ws, 'Marta Kowalska')
    await ws.cases.change(caseId, (doc, context) =>
      change.updateSection(doc, 'contact', { phone: '07700 900123', email: 'marta.k@example.org', preferredContact: 'text', aliases: 'Martha', lastSeenWhere: 'Brick Lane' }, context),
    )
    const { path, document } = await plain(ws.paperwork.presentationPack(caseId))
    expectSoundPdf(path)
    const text = pdfText(path).replace(/\s+/g, ' ')
    expect(text).toContain('How to contact them')
    expect(text).toMatch(/Phone number:? 07700 900123/)
    expect(text).toMatch(/Email address:? marta\.k@example\.org/)
    expect(text).toMatch(/Preferred contact method:? Text message/)
    // The team's own notes of where she is seen, and her other names, stay with the team.
    expect(text).not.toContain('Brick Lane')
    expect(text).not.toContain('Martha')
    // The client summary, the last page with nothing enclosed.
    pngOfPage(path, document.pages, join(LOOK_DIR, 'presentation-pack-client-contact.png'))

    await ws.cases.change(caseId, (doc, context) =>
      change.addItem(doc, 'sharingConsents', 'bradford', { agency: 'Bradford Council', givenOn: '2026-10-01', how: 'written', withdrawnOn: '2026-11-20' }, context),
    )
    const refused = await ws.paperwork.presentationPack(caseId).catch((e: unknown) => e)
    expect((refused as PaperworkNotReadyError).problems).toEqual(['Marta withdrew consent to share with Bradford Council on 20/11/2026'])
  })

  it('says the council reaches the client through the team when no phone or email is recorded', async () => {
    const caseId = await caseReadyForPack(ws, 'Piotr Zieliński')
    const { path } = await plain(ws.paperwork.presentationPack(caseId))
    expect(pdfText(path).replace(/\s+/g, ' ')).toContain('How to contact them No phone number or email address is recorded: contact Piotr Zieliński through us.')
  })

  it('says what is missing before a pack can be made', async () => {
    const caseId = await caseReadyForPack(ws, 'Sam Taylor', { plan: { packConsent: 'no' } })
    const error = await ws.paperwork.presentationPack(caseId).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(PaperworkNotReadyError)
    expect((error as PaperworkNotReadyError).problems).toEqual([
      'Record that the client agrees the pack is shared with the destination Housing Options team (Phase 4, Presentation pack)',
    ])
  })

  it('refuses to email a pack made before the client withdrew consent to share with the council', async () => {
    const caseId = await caseReadyForPack(ws, 'Olwen Pryce')
    const { id } = await ws.paperwork.presentationPack(caseId)
    await ws.cases.change(caseId, (doc, context) =>
      change.addItem(doc, 'sharingConsents', 'bradford', { agency: 'Bradford Council', givenOn: '2026-10-01', how: 'written', withdrawnOn: '2026-11-20' }, context),
    )
    const error = await ws.paperwork.prepareEmail(caseId, id).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(PaperworkNotReadyError)
    expect((error as Error).message).toBe('Olwen withdrew consent to share with Bradford Council on 20/11/2026')
    const again = await ws.paperwork.presentationPack(caseId).catch((e: unknown) => e)
    expect((again as PaperworkNotReadyError).problems).toEqual(['Olwen withdrew consent to share with Bradford Council on 20/11/2026'])
  })

  it('stops at a bad enclosure, naming the file and why, writing nothing; and goes without it', async () => {
    const caseId = await caseReadyForPack(ws, 'Kai Morgan')
    const good = await attach(caseId, 'passport.pdf', await textPdf('Passport', 1), { type: 'identity' })
    const bad = {
      encrypted: await attach(caseId, 'statement.pdf', await textPdf('Statement', 1), { type: 'benefits' }),
      corrupt: await attach(caseId, 'letter.pdf', await textPdf('Letter', 1), { type: 'other' }),
      empty: await attach(caseId, 'photo.jpg', markedJpeg(1), { type: 'identity' }),
      long: await attach(caseId, 'bank-statements.pdf', await textPdf('Statements', 2), { type: 'benefits' }),
    }
    const documentsBefore = generatedCount(caseId)
    // As if each file had arrived damaged from another laptop: its stored document is replaced.
    await ws.close()
    damageAttachment(bad.encrypted, caseId, encryptedPdf(await textPdf('Statement', 1), dir.path, 128))
    damageAttachment(bad.corrupt, caseId, corruptPdf())
    damageAttachment(bad.empty, caseId, new Uint8Array())
    damageAttachment(bad.long, caseId, await textPdf('Statements', 412))
    ws = await openWorkspace({ dataDir: dir.path, user: AMINA, now: () => NOW })

    const reasons: Record<string, RegExp> = { encrypted: /^statement\.pdf: .*password/, corrupt: /^letter\.pdf: .*damaged/, empty: /^photo\.jpg: .*empty/, long: /^bank-statements\.pdf: it has 412 pages; the limit is 300\./ }
    const without: string[] = []
    for (const [kind, id] of Object.entries(bad)) {
      const error = await ws.paperwork.presentationPack(caseId, { without }).catch((e: unknown) => e)
      expect(error, kind).toBeInstanceOf(FileRefusedError)
      expect((error as Error).message).toMatch(reasons[kind]!)
      expect(generatedCount(caseId)).toBe(documentsBefore)
      without.push(id)
    }
    const { path, document } = await plain(ws.paperwork.presentationPack(caseId, { without }))
    expectSoundPdf(path)
    expect(document.enclosures.map((e) => e.attachmentId)).toEqual([good])
  })

  it('carries no active content to the council: none of an enclosure’s JavaScript or launch action, none of a photo’s GPS, and the photo upright', async () => {
    const caseId = await caseReadyForPack(ws, 'Jonas Petrauskas')
    await attach(caseId, 'tenancy.pdf', await hostilePdf('Tenancy agreement for Jonas'), { type: 'address-history' })
    await attach(caseId, 'IMG_2041.jpg', phonePhoto(6), { type: 'identity' })
    const { path } = await plain(ws.paperwork.presentationPack(caseId))
    pngOfPage(path, pdfPages(path).length - 1, join(LOOK_DIR, 'pack-cleaned-enclosure.png'))
    pngOfPage(path, pdfPages(path).length, join(LOOK_DIR, 'pack-photo.png'))
    expectSoundPdf(path)
    const bytes = new Uint8Array(readFileSync(path))

    // On the PDF's objects, every one of them, as pdf-lib reads them back…
    const { names, strings, streams, catalogs } = await pdfContents(bytes)
    expect(['JavaScript', 'JS', 'Launch', 'OpenAction', 'AA', 'URI', 'EmbeddedFile', 'EmbeddedFiles', 'EF', 'Filespec', 'FileAttachment', 'Link', 'AcroForm', 'Names'].filter((name) => names.has(name))).toEqual([])
    expect(catalogs).toBe(1)
    const hostile = /app\.alert|cmd\.exe|invoice\.exe|EVIL-PAYLOAD|evil\.example/
    expect([...strings, ...streams].filter((text) => hostile.test(text))).toEqual([])
    // …and as qpdf writes them out, and in the file's bytes: none of the photo's EXIF, GPS, camera or owner.
    const qdf = qdfText(path)
    expect(qdf).not.toMatch(/\/(JavaScript|JS|Launch|OpenAction|AA|EmbeddedFiles?|Filespec)\b/)
    const photoSecrets = Object.entries(PHOTO_SECRETS)
    for (const text of [Buffer.from(bytes).toString('latin1'), qdf, ...streams]) {
      expect(photoSecrets.filter(([, secret]) => text.includes(secret)).map(([name]) => name)).toEqual([])
    }

    // The tenancy's words are still there, and the photo (the last page) stands upright: turned a quarter clockwise.
    expect(pdfText(path)).toContain('Tenancy agreement for Jonas')
    const last = pdfPages(path).at(-1)!
    expect(last.width).toBeLessThan(last.height)
    expect(corners(renderPage(path, pdfPages(path).length, dir.path, 30), { left: 0, top: 0, right: 1, bottom: 0.92 })).toEqual({ black: 'TR', grey: 'BR' })
  })

  function generatedCount(caseId: string): number {
    const folder = join(dir.path, 'documents', caseId)
    return existsSync(folder) ? readdirSync(folder).length : 0
  }

  function damageAttachment(id: string, caseId: string, bytes: Uint8Array): void {
    const db = openEncrypted(workspaceFiles(dir.path).store)
    const doc = Automerge.from(toStored({ kind: 'homeward/attachment', caseId, fileName: 'x', mediaType: 'application/pdf', sha256: '', bytes }) as never)
    db.prepare('DELETE FROM automerge_chunks WHERE key LIKE ?').run(`["${id}",%`)
    // A laptop the file reached has only its document, not the copy of its bytes the adding laptop keeps.
    db.prepare('DELETE FROM file_copies WHERE document_id = ?').run(id)
    db.prepare('INSERT INTO automerge_chunks (key, data) VALUES (?, ?)').run(JSON.stringify([id, 'incremental', 'damaged']), Automerge.save(doc))
    db.close()
  }
})

/** The client moved: the reconnection brought forward to a day before today, and the arrival confirmed. */
const arrived = (doc: Parameters<typeof change.updateSection>[0], context: Parameters<typeof change.updateSection>[3]) =>
  change.updateSection(doc, 'reconnectionDay', { date: '2026-11-20', arrivedOn: '2026-11-20' }, context)

describe('the closure letter', () => {
  it('says a client is settled only when no homelessness decision is still to come', () => {
    const planned = {} as Parameters<typeof whyClosing>[0]
    expect(whyClosing(planned, 'Bradford', false)).toBe('This is because you are settled in Bradford and getting support from services there.')
    expect(whyClosing(planned, 'Bradford', true)).toBe('This is because you have moved to Bradford and services there are now supporting you.')
  })

  it('tells the client, in plain words, who helps them locally, what to do in a crisis, and how to come back', async () => {
    const caseId = await caseReadyForPack(ws, 'Дмитрий Иванов')
    const early = await ws.paperwork.closureLetter(caseId).catch((e: unknown) => e)
    expect((early as PaperworkNotReadyError).problems).toEqual(['The closure letter is written in Phase 8, Case closure and review'])
    await ws.cases.change(caseId, (doc, context) => {
      arrived(doc, context)
      change.closeCase(doc, { type: 'no-progress', details: 'No contact since September.', on: TODAY, id: 'closed' }, context)
    })

    const { path, document, id } = await plain(ws.paperwork.closureLetter(caseId))
    expectSoundPdf(path)
    const text = pdfText(path).replace(/\s+/g, ' ')
    for (const words of [
      'Дмитрий Иванов',
      'Dear Дмитрий,',
      'we are closing your case',
      'we have not been able to make progress together',
      'Who can help you in Bradford',
      'Bradford Floating Support',
      'Bradford Recovery Service',
      'Monday to Friday, 9am to 5pm',
      'call 999',
      '116 123',
      'out of hours, 01632 960556',
      'refer you to us again',
      '020 7946 0321',
      'Best wishes',
      'Amina Okafor',
    ]) {
      expect(text).toContain(words)
    }
    expect(document).toMatchObject({ kind: 'closure-letter', enclosures: [] })
    expect(pdfInfo(path).Title).toBe('Closure letter: Дмитрий Иванов')

    // Emailed to the client (below, at their address); with none recorded, there is no one to send it to.
    const noAddress = await ws.paperwork.prepareEmail(caseId, id).catch((e: unknown) => e)
    expect(noAddress).toBeInstanceOf(PaperworkNotReadyError)
    expect((noAddress as Error).message).toBe('No email address is recorded for Дмитрий: print the closure letter to post or give to them.')

    pngOfPage(path, 1, join(LOOK_DIR, 'closure-letter.png'))
  })

  it('goes to the new address, names the support arranged at step down before the directory’s, and says what happens with the decision pending', async () => {
    const caseId = await caseReadyForPack(ws, 'Gwenllian Parry')
    await ws.cases.change(caseId, (doc, context) => {
      change.updateSection(doc, 'referral', { postalAddress: 'c/o The Whitechapel Centre\nLondon E1 7SA' }, context)
      change.updateSection(doc, 'contact', { email: 'gwen.parry@example.org' }, context)
      change.updateSection(doc, 'reconnectionDay', { presentationOutcome: 'pending', newAddress: 'Flat 2, 18 Thornton Road\nBradford BD1 2JB' }, context)
      change.updateSection(doc, 'stepDown', { handoverAgencies: 'Bradford Recovery Service: Sam Khan is your key worker\nHorton Housing tenancy support, every Tuesday' }, context)
      change.updateSection(doc, 'closure', { inTemporaryAccommodation: 'yes', positiveDecision: 'no' }, context)
      change.closeCase(doc, { type: 'no-progress', details: 'Not in touch since October.', on: TODAY, id: 'closed' }, context)
    })

    const { path, notes, id } = await plain(ws.paperwork.closureLetter(caseId))
    const eml = (await ws.paperwork.read({ path: await ws.paperwork.prepareEmail(caseId, id) })).toString('utf8')
    expect(eml).toMatch(/^To: gwen\.parry@example\.org$/m)
    expect(eml).toMatch(/^Dear Gwenllian,$/m)
    // Horton Housing is not in the directory and its line gives no phone: the caseworker is told.
    expect(notes).toEqual([expect.stringMatching(/^The letter gives no way to reach Horton Housing tenancy support, every Tuesday: /)])
    expectSoundPdf(path)
    const text = pdfText(path).replace(/\s+/g, ' ')
    expect(text).toContain('Gwenllian Parry Flat 2 18 Thornton Road Bradford BD1 2JB')
    expect(text).not.toContain('Whitechapel')
    expect(text).toContain('Your support from the Safe Connections team is ending')
    const order = [
      'We have arranged for these services to support you:',
      // The agency's name once, over what was arranged with it.
      'Bradford Recovery Service Sam Khan is your key worker',
      'Horton Housing tenancy support, every Tuesday',
      'Other services in Bradford that can help:',
      'Bradford Floating Support',
    ].map((words) => text.indexOf(words))
    expect(order.every((at) => at >= 0)).toBe(true)
    expect(order).toEqual([...order].sort((a, b) => a - b))
    expect(text).toMatch(/Your homelessness application .* has not yet made a decision on your homelessness application\. They will write to you with their decision/)
    expect(text).toContain('call their Housing Options Service team on 01632 960555')
    expect(text).toContain('You must ask within 21 days of getting their letter. The services above can help you do this.')
    // Making the letter is recorded at Tool 4, Step 7: the day it was made.
    expect((await ws.cases.read(caseId)).closure.closureLetterOn).toBe(TODAY)
    pngOfPage(path, 1, join(LOOK_DIR, 'closure-letter-arranged.png'))
    pngOfPage(path, 2, join(LOOK_DIR, 'closure-letter-arranged-2.png'))
  })

  it('lists support the directory has no details for as items of the list, and gives a named directory agency its name and details', async () => {
    const caseId = await caseReadyForPack(ws, 'Emma Brown')
    await ws.cases.change(caseId, (doc, context) => {
      arrived(doc, context)
      change.updateSection(doc, 'stepDown', { handoverAgencies: 'the GP practice\nCitizens Advice\nbradford  recovery SERVICE' }, context)
      change.closeCase(doc, { type: 'no-progress', details: 'Not in touch since October.', on: TODAY, id: 'closed' }, context)
    })

    const { path } = await plain(ws.paperwork.closureLetter(caseId))
    expectSoundPdf(path)
    const text = pdfText(path).replace(/\s+/g, ' ')
    // The caseworker's words are items of the list, as typed; with no directory entry or phone, the client is told to ask the team.
    const askUs = 'Ask us how to reach them: call 020 7946 0321 or email safe.connections@example.org'
    expect(text).toContain(`We have arranged for these services to support you: Your GP practice ${askUs} Citizens Advice ${askUs} Bradford Recovery Service`)
    // Named in other capitals and spacing, the directory's agency is given by its own name, with its details.
    expect(text).toMatch(/Bradford Recovery Service Drug and alcohol treatment and prescribing .*Phone: 01632 960\d{3}/)
    expect(text).not.toContain('bradford recovery SERVICE')
    pngOfPage(path, 1, join(LOOK_DIR, 'closure-letter-plain-support.png'))
  })

  it('is made from what the case records when the team directory has nothing for the area, with a note for the manager', async () => {
    const sheffield = 'E08000019'
    const caseId = await caseReadyForPack(ws, 'Ólafur Jóhannsson', { plan: { destination: sheffield, housingOptionsPhone: '0114 273 4567' } })
    await ws.cases.change(caseId, (doc, context) => {
      arrived(doc, context)
      change.updateSection(doc, 'stepDown', { handoverAgencies: 'Framework floating support: Jo, 0114 201 9999' }, context)
      change.closeCase(doc, { type: 'no-progress', details: 'Not in touch since October.', on: TODAY, id: 'closed' }, context)
    })

    const { path, notes } = await plain(ws.paperwork.closureLetter(caseId))
    expect(notes).toEqual([
      'The team directory has no services for Sheffield: a manager can add them in Team settings. This letter names the support recorded on the case.',
      "No postal address is recorded: add the client's new address (Phase 5, Reconnection day) before posting the letter, or hand it to them.",
    ])
    expectSoundPdf(path)
    const text = pdfText(path).replace(/\s+/g, ' ')
    expect(text).toContain('Who can help you in Sheffield')
    expect(text).toContain('Framework floating support Jo, 0114 201 9999')
    expect(text).toMatch(/contact the Housing Options team at .*Sheffield.* on 0114 273 4567 straight away/)
    expect(text).not.toContain('Other services')
    pngOfPage(path, 1, join(LOOK_DIR, 'closure-letter-no-directory.png'))
  })

  // A new user's try: closed planned, in her own flat, Tool 4 Step 3 "No" (Step 4 not needed), yet
  // the letter said a decision was pending, from the presentation on the day; and "Turning Point"
  // was printed with no way to reach it.
  it('says no decision is pending when Tool 4 says she is not in temporary accommodation, and never leaves a service without a way to reach it', async () => {
    const caseId = await caseReadyForPack(ws, 'Eilidh McKenzie')
    await ws.cases.change(caseId, (doc, context) => {
      change.updateSection(doc, 'reconnectionDay', { presentationOutcome: 'pending', newAddress: 'Flat 2, 45 Leeds Road\nBradford BD2 9DE' }, context)
      change.updateSection(doc, 'stepDown', { handoverAgencies: 'Bradford Floating Support: weekly visits to settle in\nTurning Point' }, context)
      change.updateSection(doc, 'closure', { inTemporaryAccommodation: 'no' }, context)
      change.closeCase(doc, { type: 'no-progress', details: 'Settled; no longer needs us.', on: TODAY, id: 'closed' }, context)
    })

    const { path, notes } = await plain(ws.paperwork.closureLetter(caseId))
    expect(notes).toEqual([expect.stringMatching(/^The letter gives no way to reach Turning Point: write its phone number on its line at step down/)])
    expectSoundPdf(path)
    const text = pdfText(path).replace(/\s+/g, ' ')
    expect(text).not.toContain('homelessness application')
    expect(text).not.toContain('has not yet made a decision')
    expect(text).toContain('Turning Point Ask us how to reach them: call 020 7946 0321 or email safe.connections@example.org')
    pngOfPage(path, 1, join(LOOK_DIR, 'closure-letter-settled.png'))
  })
})
