import { MessageChannel } from 'node:worker_threads'
import { randomUUID } from 'node:crypto'
import { Repo, type DocumentId, type PeerId } from '@automerge/automerge-repo'
import { MessageChannelNetworkAdapter } from '@automerge/automerge-repo-network-messagechannel'
import { openEncrypted } from '../support/passphrase'
import { afterEach, describe, expect, it } from 'vitest'
import { windowPortAdapter } from '../../src/main/core/network/window-port'
import { workspaceFiles } from '../../src/main/core/storage/workspace-files'
import { openWorkspace, type Workspace } from '../../src/main/core/workspace'
import { authoredBy } from '../../src/shared/authorship'
import { addNote, type ChangeContext } from '../../src/shared/case/changes'
import type { CaseDoc } from '../../src/shared/case/case-doc'
import { NotPermittedError } from '../../src/shared/team/permissions'
import { createApiHandler } from '../../src/main/core/api/api-handler'
import type { ApiResponse } from '../../src/shared/api'
import { likeMessagePortMain } from '../support/message-port-main'
import { caseReadyForPack, setUpTeamSettings } from '../support/paperwork'
import { AMINA, DEREK, referral } from '../support/people'
import { tempDir } from '../support/temp-dir'

describe('the audit of views and changes, in a real workspace', () => {
  const cleanups: (() => Promise<void> | void)[] = []
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup()
  })

  /** A manager's workspace on a clock the test moves. */
  async function workspace(user = DEREK) {
    const dir = tempDir('audit')
    const clock = { now: new Date('2026-11-02T09:00:00Z') }
    const ws = await openWorkspace({ dataDir: dir.path, user, now: () => clock.now })
    cleanups.push(dir.remove, () => ws.close())
    return { ws, dir, clock }
  }

  /** The desktop window's repo, on a MessagePort like the app's. */
  function windowOnto(ws: Workspace): Repo {
    const { port1, port2 } = new MessageChannel()
    ws.repo.networkSubsystem.addNetworkAdapter(windowPortAdapter(likeMessagePortMain(port1)))
    const window = new Repo({
      network: [new MessageChannelNetworkAdapter(port2 as unknown as ConstructorParameters<typeof MessageChannelNetworkAdapter>[0])],
      peerId: `window-${randomUUID()}` as PeerId,
    })
    cleanups.push(async () => {
      await window.shutdown()
      port1.close()
    })
    return window
  }

  const addANote = (ws: Workspace, caseId: string, text: string) =>
    ws.cases.change(caseId, (doc, context: ChangeContext) => addNote(doc, { date: '2026-11-02', type: 'phone', text }, { ...context, id: randomUUID() }))

  it('records a case the window opens as one view per sitting, and the changes made here as one entry per sitting', async () => {
    const { ws, clock } = await workspace()
    const caseId = await ws.cases.create(referral())
    const window = windowOnto(ws)
    const handle = await window.find<CaseDoc>(caseId as DocumentId)
    // The window edits the case, as the app's form does: many saves in one sitting.
    for (const text of ['Phoned the day centre.', 'Booked the coach.']) {
      handle.change((doc) => addNote(doc, { date: '2026-11-02', type: 'phone', text }, { id: randomUUID(), author: DEREK, role: 'manager', now: clock.now, today: '2026-11-02' }), authoredBy(DEREK, clock.now))
    }
    await expect.poll(async () => (await ws.cases.read(caseId)).notes.length).toBe(2)
    await addANote(ws, caseId, 'Spoke to the council.')
    await ws.flush()

    // (The window's request reaches the core's share policy, which records the view, a moment later: waited for on a busy machine.)
    await expect.poll(() => ws.audit.ofCase(caseId).filter((entry) => entry.action === 'viewed').length).toBe(1)
    const entries = ws.audit.ofCase(caseId)
    expect(entries.filter((entry) => entry.action === 'changed')).toHaveLength(1)
    expect(entries[0]).toMatchObject({ who: DEREK.name, personId: DEREK.id, caseId, device: null, forged: false })

    // Eleven minutes on, the same person's next look and change are a new sitting.
    clock.now = new Date(clock.now.getTime() + 11 * 60 * 1000)
    await addANote(ws, caseId, 'Confirmed the coach.')
    await ws.flush()
    const second = await windowOnto(ws).find<CaseDoc>(caseId as DocumentId)
    expect(second.doc()).toBeDefined()
    await expect.poll(() => ws.audit.ofCase(caseId).filter((entry) => entry.action === 'viewed').length).toBe(2)
    expect(ws.audit.ofCase(caseId).filter((entry) => entry.action === 'changed')).toHaveLength(2)
    // No case data in any entry: ids, actions and the app's own words only.
    expect(JSON.stringify(ws.audit.ofCase(caseId))).not.toMatch(/Łukasz|coach|council/i)
  })

  it('lists, per person, the views of cases outside their caseload', async () => {
    const { ws } = await workspace()
    const caseId = await ws.cases.create(referral())
    await windowOnto(ws).find<CaseDoc>(caseId as DocumentId)
    await expect.poll(() => ws.audit.ofCase(caseId).map((entry) => entry.action).sort()).toEqual(['changed', 'viewed'])
    const [derek] = ws.audit.byPerson({ from: '2026-11-01', to: '2026-11-02' }, DEREK.id)
    // Nobody is the case's lead caseworker yet: the manager's look is outside his caseload.
    expect(derek).toMatchObject({ person: { id: DEREK.id }, viewed: [{ caseId }], outsideCaseload: [{ caseId }] })
    expect(ws.audit.byPerson({ from: '2026-11-03', to: '2026-11-30' }, DEREK.id)[0]!.viewed).toEqual([])
  })

  it('refuses a caseworker: only a manager reads the audit', async () => {
    const { ws } = await workspace(AMINA)
    const caseId = await ws.cases.create(referral())
    expect(() => ws.audit.ofCase(caseId)).toThrow(NotPermittedError)
    expect(() => ws.audit.byPerson({ from: '2026-11-01', to: '2026-11-02' })).toThrow(NotPermittedError)
  })

  it('cannot be edited: the table refuses UPDATE and DELETE', async () => {
    const { ws, dir } = await workspace()
    const caseId = await ws.cases.create(referral())
    await addANote(ws, caseId, 'Phoned the day centre.')
    await ws.flush()
    // Opening the case and the note: one sitting, one entry.
    expect(ws.audit.ofCase(caseId)).toHaveLength(1)
    await ws.close()
    const db = openEncrypted(workspaceFiles(dir.path).store)
    try {
      expect(() => db.prepare("UPDATE audit_log SET person_name = 'Someone else'").run()).toThrow(/append-only/)
      expect(() => db.prepare('DELETE FROM audit_log').run()).toThrow(/append-only/)
      expect(db.prepare('SELECT COUNT(*) FROM audit_log').pluck().get()).toBe(1)
    } finally {
      db.close()
    }
  })
})

describe('the audit of paperwork, through the typed API', () => {
  it('records a pack made as exported, opened to print as printed, and emailed as exported, each time, with no case data', async () => {
    const dir = tempDir('audit-paperwork')
    const ws = await openWorkspace({ dataDir: dir.path, user: DEREK })
    try {
      await setUpTeamSettings(ws)
      const caseId = await caseReadyForPack(ws, 'Zoë O’Brien-Ní Bhriain')
      const handle = createApiHandler(ws, { openPath: async () => true })
      const made = (await handle({ id: 1, method: 'generateDocument', params: { caseId, kind: 'presentation-pack' } })) as ApiResponse & { result: { id: string } }
      expect(made.ok).toBe(true)
      for (const [id, as] of [[2, 'pdf'], [3, 'pdf'], [4, 'email']] as const) {
        expect((await handle({ id, method: 'openGeneratedDocument', params: { caseId, documentId: made.result.id, as } })).ok).toBe(true)
      }
      const paperwork = ws.audit.ofCase(caseId).filter((entry) => entry.action === 'exported' || entry.action === 'printed')
      expect(paperwork.map((entry) => `${entry.action}: ${entry.detail}`).sort()).toEqual([
        'exported: presentation pack emailed',
        'exported: presentation pack made',
        'printed: presentation pack opened to print',
        'printed: presentation pack opened to print',
      ])
      expect(JSON.stringify(paperwork)).not.toMatch(/Zoë|Bhriain/)
    } finally {
      await ws.close()
      dir.remove()
    }
  })
})
