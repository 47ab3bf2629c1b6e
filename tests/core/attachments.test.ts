import * as Automerge from '@automerge/automerge'
import { openEncrypted } from '../support/passphrase'
import { afterEach, describe, expect, it } from 'vitest'
import { FileRefusedError } from '../../src/main/core/errors'
import { NotPermittedError } from '../../src/shared/team/permissions'
import { workspaceFiles } from '../../src/main/core/storage/workspace-files'
import { openWorkspace, type Workspace } from '../../src/main/core/workspace'
import { LEFT_OUT_THIS_TIME, planPack } from '../../src/shared/case/presentation-pack'
import * as change from '../../src/shared/case/changes'
import { CaseRuleError } from '../../src/shared/case/changes'
import { ValidationError } from '../../src/shared/validation'
import { encryptedPdf, markedJpeg, markedPng, textPdf } from '../support/fixtures'
import { AMINA, DEREK, referral } from '../support/people'
import { tempDir } from '../support/temp-dir'

const NOW = new Date('2026-11-23T10:00:00Z')
const BRADFORD = 'E08000032'
/** The documents a workspace holds on disk, read from its SQLite file (after it is closed). */
function storedDocumentIds(dataDir: string): string[] {
  const db = openEncrypted(workspaceFiles(dataDir).store, { readonly: true })
  try {
    const keys = db.prepare('SELECT key FROM automerge_chunks').pluck().all() as string[]
    return [...new Set(keys.map((key) => JSON.parse(key) as string[]).filter((key) => key.length > 1).map((key) => key[0]!))]
  } finally {
    db.close()
  }
}

const details = (overrides: Record<string, unknown> = {}) => ({ type: 'identity', date: '2026-11-01', shareInPack: 'yes', ...overrides })

describe('scanned documents on a case', () => {
  const cleanups: (() => Promise<void> | void)[] = []
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup()
  })
  async function open(dataDir: string, user = AMINA): Promise<Workspace> {
    const ws = await openWorkspace({ dataDir, user, now: () => NOW })
    cleanups.push(() => ws.close())
    return ws
  }
  function folder(): string {
    const dir = tempDir('attachments')
    cleanups.push(dir.remove)
    return dir.path
  }

  it('keeps each file in its own document, listed on the case with what it is, and there after reopening', async () => {
    const dataDir = folder()
    let ws = await open(dataDir)
    const caseId = await ws.cases.create(referral())
    const photo = markedJpeg(6)
    const id = await ws.attachments.add(caseId, { fileName: 'C:\\Users\\amina\\Pictures\\passport.jpg', bytes: photo, details: details({ note: 'Passport, photo page' }) })
    const record = (await ws.cases.read(caseId)).attachments[id]
    expect(record).toMatchObject({
      fileName: 'passport.jpg',
      mediaType: 'image/jpeg',
      size: photo.length,
      pages: 1,
      type: 'identity',
      date: '2026-11-01',
      note: 'Passport, photo page',
      shareInPack: 'yes',
      position: 1,
      addedBy: { id: AMINA.id, name: AMINA.name },
    })
    expect(record?.sha256).toMatch(/^[0-9a-f]{64}$/)
    await ws.close()

    ws = await open(dataDir)
    const file = await ws.attachments.read(caseId, id)
    expect(file).toMatchObject({ kind: 'homeward/attachment', caseId, fileName: 'passport.jpg', mediaType: 'image/jpeg' })
    expect(Buffer.from(file.bytes).equals(Buffer.from(photo))).toBe(true)
    // The file's document is written once, by whoever attached it, and the repo reads it like any other.
    const handle = await ws.repo.find(id as never)
    const changes = Automerge.getAllChanges(handle.doc() as Automerge.Doc<unknown>).map((c) => Automerge.decodeChange(c))
    expect(changes.map((c) => JSON.parse(c.message ?? '{}').name)).toEqual([AMINA.name])
  })

  it('refuses a bad file, or bad details, leaving the case and the workspace as they were', async () => {
    const dataDir = folder()
    const ws = await open(dataDir)
    const caseId = await ws.cases.create(referral())
    const before = await ws.cases.read(caseId)

    const encrypted = encryptedPdf(await textPdf('Statement', 1), folder(), 256)
    const refused = await ws.attachments.add(caseId, { fileName: 'statement.pdf', bytes: encrypted, details: details() }).catch((e: unknown) => e)
    expect(refused).toBeInstanceOf(FileRefusedError)
    expect((refused as FileRefusedError).message).toMatch(/^statement\.pdf: the PDF is protected with a password/)

    const badDetails = await ws.attachments.add(caseId, { fileName: 'scan.png', bytes: markedPng('plain'), details: { type: 'passport', date: '2027-01-01' } }).catch((e: unknown) => e)
    expect(badDetails).toBeInstanceOf(ValidationError)
    expect((badDetails as ValidationError).issues.map((issue) => issue.field).sort()).toEqual(['date', 'shareInPack', 'type'])

    expect(await ws.cases.read(caseId)).toEqual(before)
    await ws.close()
    // Nothing on disk but the team document and the case: no file document was left behind.
    expect(storedDocumentIds(dataDir)).toHaveLength(2)
  })

  it('undoes, on opening, an add cut off after the file was written but before the case listed it', async () => {
    const dataDir = folder()
    let ws = await open(dataDir)
    const caseId = await ws.cases.create(referral())
    await ws.close()
    // As a process killed mid-add leaves it: the note of the add, and the file's document on disk.
    const orphan = '4NMNnkhXn3ue6fACcYVvUBpa2y8k'
    const db = openEncrypted(workspaceFiles(dataDir).store)
    db.prepare('INSERT INTO local_settings (name, value) VALUES (?, ?)').run('attachment-in-progress', JSON.stringify({ id: orphan, caseId }))
    db.prepare('INSERT INTO automerge_chunks (key, data) VALUES (?, ?)').run(JSON.stringify([orphan, 'incremental', 'x']), Buffer.from([1, 2, 3]))
    db.close()
    ws = await open(dataDir)
    await ws.close()
    expect(storedDocumentIds(dataDir)).not.toContain(orphan)
    const check = openEncrypted(workspaceFiles(dataDir).store, { readonly: true })
    expect(check.prepare("SELECT count(*) FROM local_settings WHERE name = 'attachment-in-progress'").pluck().get()).toBe(0)
    check.close()
  })

  it('orders the pack, leaves out what the client did not agree to share, and removes a document with its file', async () => {
    const dataDir = folder()
    const ws = await open(dataDir)
    const caseId = await ws.cases.create(referral())
    const first = await ws.attachments.add(caseId, { fileName: 'birth.pdf', bytes: await textPdf('Birth certificate', 1), details: details() })
    const second = await ws.attachments.add(caseId, { fileName: 'gp.pdf', bytes: await textPdf('GP letter', 2), details: details({ type: 'medical', shareInPack: 'no' }) })
    const third = await ws.attachments.add(caseId, { fileName: 'dwp.png', bytes: markedPng('alpha'), details: details({ type: 'benefits' }) })
    const fourth = await ws.attachments.add(caseId, { fileName: 'cpn.pdf', bytes: await textPdf('CPN letter', 1), details: details({ type: 'medical' }) })
    await ws.cases.change(caseId, (doc, context) => change.moveAttachment(doc, third, 'earlier', context))
    await ws.cases.change(caseId, (doc, context) => change.moveAttachment(doc, third, 'earlier', context))
    let record = await ws.cases.read(caseId)
    const settings = ws.team.settings()
    const enclosed = (without?: Set<string>) => planPack(record, settings, without).enclosures.map((enclosure) => enclosure.fileName)
    // A medical document the client agreed to share stays out until they agree to share their health needs.
    expect(enclosed()).toEqual(['dwp.png', 'birth.pdf'])
    expect(planPack(record, settings).leftOut).toEqual([
      { id: second, fileName: 'gp.pdf', why: 'the client has not agreed to share it' },
      { id: fourth, fileName: 'cpn.pdf', why: 'the client has not agreed to share their health and support needs' },
    ])
    expect(enclosed(new Set([third]))).toEqual(['birth.pdf'])
    expect(planPack(record, settings, new Set([third])).leftOut).toContainEqual({ id: third, fileName: 'dwp.png', why: LEFT_OUT_THIS_TIME })
    await ws.cases.change(caseId, (doc, context) => change.updateSection(doc, 'plan', { packHealthConsent: 'yes' }, context))
    record = await ws.cases.read(caseId)
    expect(enclosed()).toEqual(['dwp.png', 'birth.pdf', 'cpn.pdf'])
    expect(record.attachments[second]?.pages).toBe(2)

    await ws.attachments.remove(caseId, first)
    record = await ws.cases.read(caseId)
    expect(Object.keys(record.attachments).sort()).toEqual([second, third, fourth].sort())
    expect(await ws.attachments.read(caseId, first).catch((e: Error) => e.name)).toBe('AttachmentNotFoundError')
    await ws.close()
    // The file's bytes are gone from this laptop's storage.
    expect(storedDocumentIds(dataDir)).not.toContain(first)
    expect(storedDocumentIds(dataDir)).toContain(second)
  })

  it('links a document as the evidence for an address, and refuses a link to an entry not on the case', async () => {
    const ws = await open(folder())
    const caseId = await ws.cases.create(referral())
    await ws.cases.change(caseId, (doc, context) =>
      change.addItem(doc, 'addresses', 'address-1', { address: '4 Manor Row', localAuthority: BRADFORD, kind: 'own-tenancy', from: '2020-01-10', to: '2026-03-01' }, context),
    )
    const id = await ws.attachments.add(caseId, {
      fileName: 'tenancy.pdf',
      bytes: await textPdf('Tenancy agreement', 3),
      details: details({ type: 'address-history' }),
      evidenceFor: { collection: 'addresses', itemId: 'address-1' },
    })
    expect((await ws.cases.read(caseId)).attachments[id]?.evidenceFor).toEqual({ collection: 'addresses', itemId: 'address-1' })
    const wrong = await ws
      .cases.change(caseId, (doc, context) => change.linkEvidence(doc, id, { collection: 'family', itemId: 'address-1' }, context))
      .catch((e: unknown) => e)
    expect(wrong).toBeInstanceOf(CaseRuleError)
    await ws.cases.change(caseId, (doc, context) => change.linkEvidence(doc, id, null, context))
    expect((await ws.cases.read(caseId)).attachments[id]?.evidenceFor).toBeUndefined()
  })

  it('lets the manager, and only the manager, set the letterhead and directories; anyone their own signature', async () => {
    const dataDir = folder()
    const caseworker = await open(dataDir)
    expect(() => caseworker.team.updateLetterhead({ organisation: 'X' })).toThrow(NotPermittedError)
    await caseworker.team.setImage('signature', { fileName: 'signature.png', bytes: markedPng('alpha') })
    expect(caseworker.team.settings().signatures[AMINA.id]?.mediaType).toBe('image/png')
    await caseworker.close()

    const manager = await open(dataDir, DEREK)
    expect(() => manager.team.updateLetterhead({ organisation: 'Homeward Trust' })).toThrow(ValidationError)
    manager.team.updateLetterhead({ organisation: 'Homeward Trust', address: '1 High Street\nLondon E1 1AA', phone: '020 7946 0000', email: 'team@example.org' })
    const hoId = manager.team.saveDirectoryEntry('housingOptions', undefined, { localAuthority: BRADFORD, contactName: 'Jo Bloggs', address: 'Britannia House\nBradford BD1 1HX' })
    manager.team.saveDirectoryEntry('housingOptions', hoId, { localAuthority: BRADFORD, contactName: 'Jo Smith', address: 'Britannia House\nBradford BD1 1HX' })
    await expect(manager.team.setImage('logo', { fileName: 'logo.pdf', bytes: await textPdf('Logo', 1) })).rejects.toThrow(/PDF/)
    const settings = manager.team.settings()
    expect(settings.letterhead).toMatchObject({ organisation: 'Homeward Trust', phone: '020 7946 0000' })
    expect(Object.values(settings.housingOptions)).toEqual([expect.objectContaining({ contactName: 'Jo Smith' })])
    manager.team.removeDirectoryEntry('housingOptions', hoId)
    expect(manager.team.settings().housingOptions).toEqual({})
  })
})
