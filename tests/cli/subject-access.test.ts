import { spawnSync } from 'node:child_process'
import { readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import * as change from '../../src/shared/case/changes'
import { builtEntry, ROOT } from '../support/built'
import { markedJpeg, markedPng, textPdf } from '../support/fixtures'
import { caseReadyForPack } from '../support/paperwork'
import { pdfText, qpdfCheck } from '../support/pdf-tools'
import { AMINA, JO } from '../support/people'
import { eventually, TestTeam } from '../support/sync-team'
import { tempDir } from '../support/temp-dir'

const BIN = join(ROOT, 'bin/homeward.mjs')

function homeward(...args: string[]) {
  const result = spawnSync(process.execPath, [BIN, ...args], { cwd: ROOT, encoding: 'utf8', env: { ...process.env, HOMEWARD_DATA: '' } })
  return { code: result.status, out: result.stdout, err: result.stderr }
}

const LEARNING_POINT = 'Ringing the Bradford hostel the week before made the arrival calm.'
const NOTES = [
  'Met Ólafur at the day centre; he wants to go back to Bradford, where he grew up.',
  'Phone call with the Bradford Housing Options team about an appointment on the 26th.',
  'He said his sister Marta has a spare room for a week while he settles.',
]

const BELIEFS = 'Catholic: would like to be put in touch with a parish in Bradford.'
const AGREED = ['First home visit at the flat', 'Help with the Universal Credit claim']

describe('homeward export subject-access', () => {
  const dir = tempDir('cli-subject-access')
  let team: TestTeam
  let caseId = ''
  const scans: { name: string; bytes: Uint8Array }[] = []
  const folders: Record<string, string> = {}

  beforeAll(async () => {
    builtEntry('cli')
    team = await TestTeam.start()
    const manager = await team.create()
    const jo = await team.join(JO)
    const amina = await team.join(AMINA)
    const ws = manager.workspace
    caseId = await caseReadyForPack(ws, 'Ólafur Jóhannsson')
    await ws.cases.change(caseId, (doc, context) => {
      change.allocate(doc, { id: AMINA.id, name: AMINA.name }, context.today, context)
      NOTES.forEach((text, i) => change.addNote(doc, { date: context.today, type: 'face-to-face', text }, { ...context, id: `note-${i}` }))
      change.updateSection(doc, 'contact', { beliefs: BELIEFS }, context)
      change.addItem(doc, 'onwardReferrals', 'r1', { agency: 'Bradford Floating Support', madeOn: '2026-11-12', reason: 'Settling in', outcome: 'accepted' }, context)
      AGREED.forEach((partnerAction, i) => change.addPartnerAction(doc, 'r1', `a${i}`, { partnerAction, partnerActionDue: '2026-11-20' }, context))
    })
    // A learning point is about the case: it is kept in it, and part of the copy.
    await ws.cases.addLearningPoint(caseId, LEARNING_POINT)
    scans.push(
      { name: 'birth certificate.pdf', bytes: await textPdf('Birth certificate', 2) },
      { name: 'GP letter.jpg', bytes: markedJpeg(1) },
      // A name no folder should take as it is (kept as its last part when attached, then without the '?').
      { name: 'award: 2026/27?.png', bytes: markedPng('plain') },
    )
    for (const scan of scans) await ws.attachments.add(caseId, { fileName: scan.name, bytes: scan.bytes, details: { type: 'other', date: '2026-10-01', shareInPack: 'yes' } })
    for (const laptop of [manager, jo, amina]) laptop.sync.start()
    for (const laptop of [jo, amina]) {
      await eventually(() => laptop.workspace.cases.list().some((entry) => entry.id === caseId), 30_000, 'the case on every laptop')
      await eventually(async () => Object.keys((await laptop.workspace.cases.read(caseId)).attachments).length === scans.length, 30_000, 'the scans listed on every laptop')
      const ids = Object.keys((await laptop.workspace.cases.read(caseId)).attachments)
      await eventually(async () => (await Promise.all(ids.map((id) => laptop.workspace.attachments.read(caseId, id).then(() => true, () => false)))).every(Boolean), 30_000, 'the scans on every laptop')
    }
    Object.assign(folders, { manager: manager.dataDir, jo: jo.dataDir, amina: amina.dataDir })
    // The command line opens each folder itself.
    for (const laptop of [...team.laptops]) await team.closeLaptop(laptop)
  }, 120_000)
  afterAll(async () => {
    await team.cleanup()
    dir.remove()
  })

  it('writes a sound, readable PDF of every field and note, every scan byte for byte, and the record as JSON', () => {
    const out = join(dir.path, 'copy')
    const made = homeward('export', 'subject-access', caseId, '--out', out, '--data', folders.amina!)
    expect(made.code).toBe(0)
    expect(made.err).toMatch(/^homeward: note: 1 notes name another person/)
    const files = readdirSync(out, { recursive: true }).map(String).sort()
    const pdf = files.find((file) => file.endsWith('.pdf') && file.startsWith('Subject access copy'))!
    expect(pdf).toMatch(/^Subject access copy - Ólafur Jóhannsson - \d\d-\d\d-\d{4}\.pdf$/)
    expect(qpdfCheck(join(out, pdf))).toBe('')

    const record = JSON.parse(readFileSync(join(out, 'record.json'), 'utf8')) as Record<string, unknown> & { notes: { text: string }[]; referral: Record<string, unknown> }
    expect(record.notes.map((note) => note.text)).toEqual(NOTES)
    expect(record).toEqual(JSON.parse(homeward('case', 'show', caseId, '--json', '--data', folders.amina!).out))
    expect(Object.values(record.learningPoints as Record<string, { text: string }>).map((point) => point.text)).toEqual([LEARNING_POINT])

    // Every note, and every field's value as the forms show it, is in the PDF's words.
    const text = pdfText(join(out, pdf)).replace(/\s+/g, ' ')
    for (const note of NOTES) expect(text).toContain(note)
    expect(text).toContain(`Learning points for the team's learning log`)
    expect(text).toContain(LEARNING_POINT)
    for (const value of ['Ólafur Jóhannsson', '14 Manningham Lane, Bradford', 'BD1 3EA', 'Old associates near the bus station.', 'Script to transfer to the Bradford recovery service on the day of travel.', 'Marta', 'Passport', 'Amina Okafor']) {
      expect(text).toContain(value)
    }
    // The beliefs to take into account, and each action agreed with the partner, under its referral's name.
    expect(text).toContain(`Cultural or religious beliefs to take into account ${BELIEFS}`)
    expect(text).toContain('Actions agreed with partners on the onward referrals')
    for (const agreed of AGREED) expect(text).toMatch(new RegExp(`Agreed on the referral to Bradford Floating Support, referred on 12/11/2026 Action agreed with the partner ${agreed}`))
    expect(text).toContain('For the reviewer')
    expect(text).toMatch(/Subject access copy, made on \d\d\/\d\d\/\d{4} by Amina Okafor/)
    expect(text).toMatch(/Page 1 of \d+/)

    // Each scan as it was given, under a name safe in any folder.
    const scanFiles = files.filter((file) => file.startsWith('Scanned documents/'))
    expect(scanFiles).toEqual(['Scanned documents/01 birth certificate.pdf', 'Scanned documents/02 GP letter.jpg', 'Scanned documents/03 27.png'])
    scanFiles.forEach((file, i) => expect(Buffer.compare(readFileSync(join(out, file)), Buffer.from(scans[i]!.bytes))).toBe(0))
  }, 60_000)

  it('refuses anyone but a manager or the lead caseworker, a folder already in use, and an unknown case, each in one line', () => {
    const refused = homeward('export', 'subject-access', caseId, '--out', join(dir.path, 'jo'), '--data', folders.jo!)
    expect(refused).toMatchObject({ code: 1, out: '' })
    expect(refused.err).toBe('homeward: Only the case’s lead caseworker or a manager can make a subject access copy of it.\n')
    expect(() => readdirSync(join(dir.path, 'jo'))).toThrow()

    const manager = homeward('export', 'subject-access', caseId, '--out', join(dir.path, 'manager'), '--data', folders.manager!)
    expect(manager.code).toBe(0)
    const audit = JSON.parse(homeward('audit', '--case', caseId, '--data', folders.manager!, '--json').out) as { action: string; who: string; detail: string }[]
    expect(audit).toContainEqual(expect.objectContaining({ action: 'exported', who: 'Derek Hall', detail: 'subject access copy made' }))
    const again = homeward('export', 'subject-access', caseId, '--out', join(dir.path, 'manager'), '--data', folders.manager!)
    expect(again.code).toBe(1)
    expect(again.err).toMatch(/^homeward: .*manager is not empty: choose a new or empty folder for the copy\n$/)

    writeFileSync(join(dir.path, 'a file'), 'not a folder')
    const notAFolder = homeward('export', 'subject-access', caseId, '--out', join(dir.path, 'a file'), '--data', folders.manager!)
    expect(notAFolder.err).toMatch(/^homeward: .*a file is not a folder that can be written to: choose a new or empty folder for the copy\n$/)

    const unknown = homeward('export', 'subject-access', 'no-such-case', '--out', join(dir.path, 'x'), '--data', folders.manager!)
    expect(unknown.code).toBe(1)
    expect(unknown.err.trim().split('\n')).toHaveLength(1)
    expect(unknown.err).toMatch(/^homeward: No case with id no-such-case/)
  }, 60_000)
})
