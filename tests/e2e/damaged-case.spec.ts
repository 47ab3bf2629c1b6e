import { rmSync } from 'node:fs'
import { openWorkspace } from '../../src/main/core/workspace'
import { workspaceFiles } from '../../src/main/core/storage/workspace-files'
import { damageDocument } from '../support/damage'
import { referral } from '../support/people'
import { toStored } from '../../src/shared/automerge/registers'
import { expect, expectAccessible, screenshot, signIn, test } from './app'

test('a case damaged on disk is named on the case list, and the rest of the caseload works', async ({ app }, testInfo) => {
  const ws = await openWorkspace({ dataDir: app.dataDir })
  ws.team.setProfile({ name: 'Amina Okafor' })
  await ws.cases.create(referral({ clientName: 'Zoë Adams', chainNumber: '111111' }))
  const damaged = await ws.cases.create(referral({ clientName: 'Ólafur Jónsson', dateOfBirth: '1980-02-02', chainNumber: '222222' }))
  // A case with a note another laptop wrote badly (an author that is a number), beside a good one.
  const ana = await ws.cases.create(referral({ clientName: 'Ana Pereira', dateOfBirth: '1979-02-03', chainNumber: '333333' }))
  await ws.cases.addNote(ana, { date: '2026-11-20', type: 'phone', text: 'Agreed to meet on Friday.' })
  const handle = await ws.cases.open(ana)
  handle.change((doc) => {
    doc.notes.push(toStored({ id: 'bad-note', date: '2026-11-21', type: 'phone', text: 'x', author: 42, writtenAt: 'now' }) as never)
  })
  await ws.close()
  damageDocument(app.dataDir, damaged)
  // As after a crash or a new version: the index is built again from the documents.
  rmSync(workspaceFiles(app.dataDir).index)

  const page = await app.open()
  await signIn(page)
  const notice = page.getByRole('status').filter({ hasText: 'could not be read' })
  await expect(notice).toContainText('1 case could not be read on this laptop and is left out of the lists. Nothing has been deleted.')
  await expect(notice).toContainText(`Case ${damaged}: its stored data on this laptop is damaged`)
  await expect(page.getByRole('link', { name: 'Zoë Adams' })).toBeVisible()
  await expect(page.getByText('Ólafur Jónsson')).toHaveCount(0)
  await screenshot(page, testInfo, 'damaged-case-list')
  await expectAccessible(page, 'the case list with a damaged case')

  await page.getByRole('link', { name: 'Zoë Adams' }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'Zoë Adams' })).toBeVisible()

  // One bad note hides only itself: the case opens with its other note, and says what is missing.
  await page.getByRole('link', { name: 'Cases', exact: true }).first().click()
  await page.getByRole('link', { name: 'Ana Pereira' }).click()
  await expect(page.getByRole('status').filter({ hasText: 'Part of this case could not be read' })).toContainText('not shown: 1 note.')
  await page.getByRole('link', { name: /^Contact log \(1\)/ }).click()
  await expect(page.getByText('Agreed to meet on Friday.')).toBeVisible()
  await screenshot(page, testInfo, 'case-with-an-unreadable-note')
  await expectAccessible(page, 'a case with an unreadable note')
})
