import { randomUUID } from 'node:crypto'
import { join } from 'node:path'
import * as Automerge from '@automerge/automerge'
import type { DocumentId } from '@automerge/automerge-repo'
import { openWorkspace, type Workspace } from '../../src/main/core/workspace'
import { createTeam, joinTeam } from '../../src/main/core/sync/team-setup'
import { startSyncServer } from '../../src/server/sync-server'
import { authoredBy } from '../../src/shared/authorship'
import * as change from '../../src/shared/case/changes'
import type { CaseDoc } from '../../src/shared/case/record'
import { AMINA, DEREK, referral } from '../support/people'
import { rawClient } from '../support/raw-sync'
import { joinCodeFrom } from '../support/sync-team'
import { tempDir } from '../support/temp-dir'
import { expect, expectAccessible, screenshot, signIn, test } from './app'

const ref = (person: { id: string; name: string }) => ({ id: person.id, name: person.name })

test('a case’s history lists every change with whose laptop sent it, and says so where a change declared as the manager’s came from a caseworker’s laptop', async ({ app }, testInfo) => {
  test.skip(testInfo.project.name === 'electron', 'What the server records is the same for both; this runs once, in the browser mode.')
  test.setTimeout(120_000)
  const dirs = tempDir('attested-e2e')
  const server = await startSyncServer({ dataDir: join(dirs.path, 'server'), port: 0 })
  try {
    // The manager's laptop (the app's workspace) makes the team and a case; a caseworker joins and adds a note.
    const manager = await openWorkspace({ dataDir: app.dataDir, user: DEREK })
    await createTeam(manager, { server: server.url, setupCode: server.setupCode!, name: 'Safe Connections North' })
    const caseId = await manager.cases.create(referral())
    await manager.sync.syncOnce()
    const caseworker: Workspace = await openWorkspace({ dataDir: join(dirs.path, 'amina'), user: AMINA })
    await joinTeam(caseworker, { server: server.url, code: await joinCodeFrom(manager, { for: AMINA.name, role: 'caseworker' }) })
    await caseworker.sync.syncOnce()
    await caseworker.cases.change(caseId, (doc, context) =>
      change.addNote(doc, { date: '2026-11-20', type: 'face-to-face', text: 'Met at the day centre.' }, { ...context, id: randomUUID() }),
    )
    await caseworker.sync.syncOnce()

    // A change signed as the manager, sent with the caseworker's credential.
    const held = Automerge.clone(caseworker.repo.handles[caseId as DocumentId]!.doc() as Automerge.Doc<CaseDoc>)
    const forged = Automerge.change(held, authoredBy(ref(DEREK)), (doc) =>
      change.updateSection(doc, 'referral', { referrerName: 'Written as Derek' }, { author: ref(DEREK), role: 'manager', now: new Date(), today: '2026-11-29' }),
    )
    const client = rawClient(server.url, caseworker.membership.get()!.credential)
    expect(await client.opened).toBe(true)
    client.hello()
    await client.upload(caseId, Automerge.getLastLocalChange(forged)!)
    client.ws.close()
    await caseworker.close()
    await manager.sync.syncOnce()
    await manager.close()

    const page = await app.open()
    await signIn(page)
    await page.goto(`${page.url().split('#')[0]}#/cases/${caseId}/history`)
    const changes = page.getByRole('table', { name: 'Every change to this case, newest first' })
    await expect(changes).toBeVisible()
    await expect(changes).toContainText('Declared as Derek Hall, sent from Amina Okafor’s laptop.')
    await expect(changes.getByRole('row').filter({ hasText: 'Amina Okafor’s laptop' }).first()).toBeVisible()
    await expect(changes.getByRole('row').filter({ hasText: 'This laptop' }).first()).toContainText('Derek Hall')
    await screenshot(page, testInfo, 'history-every-change')
    await expectAccessible(page, 'a case’s history with every change')
  } finally {
    await server.close()
    dirs.remove()
  }
})
