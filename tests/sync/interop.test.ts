import { join } from 'node:path'
import type { DocHandle, DocumentId } from '@automerge/automerge-repo'
import { afterEach, describe, expect, it } from 'vitest'
import { openWorkspace, type Workspace } from '../../src/main/core/workspace'
import { teamCaseIds, type TeamDoc } from '../../src/shared/team/team-doc'
import { readCase, type CaseDoc } from '../../src/shared/case/case-doc'
import type { AttachmentDoc } from '../../src/shared/case/attachments'
import { markedPng } from '../support/fixtures'
import { AMINA, DEREK, referral } from '../support/people'
import { RepoServerLink, startStockSyncServer } from '../support/repo-server'
import { tempDir } from '../support/temp-dir'

describe('the core through the stock automerge-repo sync server', () => {
  const dir = tempDir('interop')
  const cleanups: (() => Promise<void> | void)[] = []
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup()
    dir.remove()
  })
  const open = async (name: string, user = AMINA): Promise<Workspace> => {
    const workspace = await openWorkspace({ dataDir: join(dir.path, name), user })
    cleanups.push(() => workspace.close())
    return workspace
  }

  it('shares the team document, its cases and a scanned document with another core', async () => {
    const server = await startStockSyncServer(dir.path)
    cleanups.push(server.stop)
    const office = await open('office', DEREK)
    const caseId = await office.cases.create(referral())
    await office.cases.addNote(caseId, { date: '2026-11-23', type: 'face-to-face', text: 'Through the stock server.' })
    const scan = await office.attachments.add(caseId, { fileName: 'id.png', bytes: markedPng('plain'), details: { type: 'identity', date: '2026-11-01', shareInPack: 'yes' } })
    const sending = await RepoServerLink.connect(office.repo, server.url)
    cleanups.push(() => sending.close())
    await sending.share([office.teamDocumentId, caseId, scan])

    const laptop = await open('laptop')
    const receiving = await RepoServerLink.connect(laptop.repo, server.url)
    cleanups.push(() => receiving.close())
    const [team] = (await receiving.receive([office.teamDocumentId])).handles as [DocHandle<TeamDoc>]
    expect(teamCaseIds(team.doc())).toEqual([caseId])
    const { handles, unavailable } = await receiving.receive([caseId, ...Object.keys(team.doc().attachments)])
    expect(unavailable).toBe(0)
    const [received, file] = handles
    expect(received!.heads()).toEqual((await office.repo.find(caseId as DocumentId)).heads())
    expect(readCase(received!.doc() as CaseDoc).notes.map((note) => note.text)).toEqual(['Through the stock server.'])
    expect(String((file!.doc() as AttachmentDoc).fileName)).toBe('id.png')
    // Stored and indexed on the laptop like any case: found by name, without the server.
    await laptop.flush()
    await expect.poll(() => laptop.cases.search('Wisniewski').map((hit) => hit.id)).toEqual([caseId])
  })
})
