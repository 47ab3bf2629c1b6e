import { rmSync } from 'node:fs'
import { openWorkspace } from '../../src/main/core/workspace'
import { workspaceFiles } from '../../src/main/core/storage/workspace-files'
import { damageDocument } from '../support/damage'
import { referral } from '../support/people'
import { expect, expectAccessible, screenshot, test } from './app'

test('a case damaged on disk is named on the case list, and the rest of the caseload works', async ({ app }, testInfo) => {
  const ws = await openWorkspace({ dataDir: app.dataDir })
  ws.team.setProfile({ name: 'Amina Okafor', role: 'caseworker' })
  await ws.cases.create(referral({ clientName: 'Zoë Adams', chainNumber: '111111' }))
  const damaged = await ws.cases.create(referral({ clientName: 'Ólafur Jónsson', dateOfBirth: '1980-02-02', chainNumber: '222222' }))
  await ws.close()
  damageDocument(app.dataDir, damaged)
  // As after a crash or a new version: the index is built again from the documents.
  rmSync(workspaceFiles(app.dataDir).index)

  const page = await app.open()
  const notice = page.getByRole('status').filter({ hasText: 'could not be read' })
  await expect(notice).toContainText('1 case could not be read on this laptop and is left out of the lists. Nothing has been deleted.')
  await expect(notice).toContainText(`Case ${damaged}: its stored data on this laptop is damaged`)
  await expect(page.getByRole('link', { name: 'Zoë Adams' })).toBeVisible()
  await expect(page.getByText('Ólafur Jónsson')).toHaveCount(0)
  await screenshot(page, testInfo, 'damaged-case-list')
  await expectAccessible(page, 'the case list with a damaged case')

  await page.getByRole('link', { name: 'Zoë Adams' }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'Zoë Adams' })).toBeVisible()
})
