import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { ApiEvent, ApiResponse } from '../../src/shared/api'
import { createApiHandler } from '../../src/main/core/api/api-handler'
import { openWorkspace, type Workspace } from '../../src/main/core/workspace'
import { heicHeader, markedJpeg, textPdf } from '../support/fixtures'
import { caseReadyForPack, setUpTeamSettings } from '../support/paperwork'
import { AMINA, DEREK } from '../support/people'
import { tempDir } from '../support/temp-dir'

/** The window's side of the paperwork, through the same handler the desktop app and browser mode use. */
describe('the paperwork through the typed API', () => {
  const dir = tempDir('api-paperwork')
  let ws: Workspace
  let caseId = ''
  let nextId = 1
  const opened: string[] = []
  let canOpen = true
  let handle: ReturnType<typeof createApiHandler>
  const call = async (method: string, params: unknown, emit?: (event: ApiEvent) => void) =>
    (await handle({ id: nextId++, method, params }, emit)) as ApiResponse & { result?: never; error?: { message: string; issues?: { field: string }[] } }

  beforeAll(async () => {
    const manager = await openWorkspace({ dataDir: dir.path, user: DEREK })
    await setUpTeamSettings(manager)
    await manager.close()
    ws = await openWorkspace({ dataDir: dir.path, user: AMINA })
    caseId = await caseReadyForPack(ws, 'Zoë O’Brien-Ní Bhriain')
    handle = createApiHandler(ws, {
      openPath: async (path) => {
        opened.push(path)
        return canOpen
      },
    })
  })
  afterAll(async () => {
    await ws.close()
    dir.remove()
  })

  it('attaches a file sent as base64, and refuses a bad one by name, with the reason', async () => {
    const photo = await call('addAttachment', {
      caseId,
      fileName: 'passport.jpg',
      base64: Buffer.from(markedJpeg(8)).toString('base64'),
      details: { type: 'identity', date: '2026-10-01', shareInPack: 'yes' },
    })
    expect(photo.ok).toBe(true)
    const refused = await call('addAttachment', {
      caseId,
      fileName: 'IMG_1.HEIC',
      base64: Buffer.from(heicHeader()).toString('base64'),
      details: { type: 'identity', date: '2026-10-01', shareInPack: 'yes' },
    })
    expect(refused).toMatchObject({ ok: false, error: { message: expect.stringMatching(/^IMG_1\.HEIC: it is an iPhone photo in HEIC format/) } })
    const badDetails = await call('addAttachment', {
      caseId,
      fileName: 'letter.pdf',
      base64: Buffer.from(await textPdf('Letter', 1)).toString('base64'),
      details: { type: 'identity' },
    })
    expect(badDetails.ok).toBe(false)
    expect(badDetails.error?.issues?.map((issue) => issue.field).sort()).toEqual(['date', 'shareInPack'])
    expect(Object.keys((await ws.cases.read(caseId)).attachments)).toHaveLength(1)
  })

  it('makes a pack with progress for the asking window, then opens it, or sends it back where nothing can open it', async () => {
    const events: ApiEvent[] = []
    const made = await call('generateDocument', { caseId, kind: 'presentation-pack', taskId: 'task-1' }, (event) => events.push(event))
    expect(made.ok).toBe(true)
    const documentId = (made as unknown as { result: { id: string } }).result.id
    const progress = events.filter((event) => event.type === 'progress')
    expect(progress.length).toBeGreaterThanOrEqual(3)
    expect(progress.every((event) => event.type === 'progress' && event.taskId === 'task-1')).toBe(true)
    expect(progress.at(-1)).toMatchObject({ done: 3, total: 3 })

    const read = (await call('readGeneratedDocument', { caseId, documentId })) as unknown as { result: { fileName: string; base64: string } }
    expect(Buffer.from(read.result.base64, 'base64').subarray(0, 5).toString()).toBe('%PDF-')

    expect(await call('openGeneratedDocument', { caseId, documentId, as: 'pdf' })).toMatchObject({ ok: true, result: { opened: true } })
    expect(readFileSync(opened.at(-1)!).subarray(0, 5).toString()).toBe('%PDF-')
    canOpen = false
    const email = (await call('openGeneratedDocument', { caseId, documentId, as: 'email' })) as unknown as { result: { opened: boolean; fileName: string; base64: string } }
    expect(email.result.opened).toBe(false)
    expect(email.result.fileName).toMatch(/\.eml$/)
    const eml = Buffer.from(email.result.base64, 'base64').toString()
    expect(eml).toMatch(/^X-Unsent: 1$/m)
    expect(eml).toMatch(/^To: jo\.smith@bradford\.example\.org$/m)
    expect(eml).toMatch(/^Subject: .+$/m)
    expect(eml).toMatch(/filename\*0\*=utf-8''Presentation%20pack%20-%20Zo%C3%AB/)
  })

  it('opens and reads only the files it made, whatever a window writes into the case', async () => {
    // A window edits the case document directly; suppose one wrote a record pointing elsewhere.
    const planted = { kind: 'presentation-pack', fileName: '../../../../etc/passwd', pages: 1, at: '2026-11-23T10:00:00Z', by: { id: 'x', name: 'X' }, enclosures: [] }
    const { recordGeneratedDocument } = await import('../../src/shared/case/changes')
    await ws.cases.change(caseId, (doc, context) => {
      recordGeneratedDocument(doc, '../../outside', planted as never, context)
      recordGeneratedDocument(doc, '0b5f4a80-3d7e-4a43-9c55-6f1b9d1e2a77', planted as never, context)
    })
    for (const documentId of ['../../outside', '0b5f4a80-3d7e-4a43-9c55-6f1b9d1e2a77']) {
      for (const method of ['readGeneratedDocument', 'openGeneratedDocument']) {
        const answer = await call(method, { caseId, documentId, as: 'pdf' })
        expect(answer.ok, `${method} ${documentId}`).toBe(false)
      }
    }
    // Only what it made was opened: plain copies for the viewer, in the workspace's documents folder.
    expect(opened.every((path) => path.startsWith(join(dir.path, 'documents')))).toBe(true)
  })

  it('removes a document with the packs made here that hold a copy of it', async () => {
    const record = await ws.cases.read(caseId)
    const [attachmentId] = Object.keys(record.attachments)
    const packs = Object.entries(record.generatedDocuments).filter(([, d]) => d.enclosures.some((e) => e.attachmentId === attachmentId))
    expect(packs.length).toBeGreaterThan(0)
    expect(await call('removeAttachment', { caseId, attachmentId })).toMatchObject({ ok: true, result: { packsDeleted: packs.length } })
    for (const [documentId] of packs) {
      expect(await call('readGeneratedDocument', { caseId, documentId })).toMatchObject({ ok: false, error: { message: expect.stringMatching(/make it again here/) } })
    }
  })

  it('says why a closure letter cannot be made yet, and refuses settings changes from a caseworker', async () => {
    expect(await call('generateDocument', { caseId, kind: 'closure-letter' })).toMatchObject({
      ok: false,
      error: { message: 'The closure letter is written in Phase 8, Case closure and review' },
    })
    expect(await call('updateLetterhead', { values: { organisation: 'Someone else' } })).toMatchObject({
      ok: false,
      error: { message: 'Only a team manager can change the team settings' },
    })
    const settings = (await call('getTeamSettings', {})) as unknown as { result: { letterhead: { organisation: string }; logo?: { base64: string } } }
    expect(settings.result.letterhead.organisation).toBe('Homeward Trust')
    expect(settings.result.logo?.base64.length).toBeGreaterThan(100)
  })
})
