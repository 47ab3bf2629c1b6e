import { openWorkspace } from '../../src/main/core/workspace'
import * as change from '../../src/shared/case/changes'
import { isoDateOf } from '../../src/shared/dates'
import { caseReadyForPack } from '../support/paperwork'
import { expect, expectAccessible, screenshot, signIn, test } from './app'

const daysAgo = (n: number) => isoDateOf(new Date(Date.now() - n * 24 * 60 * 60 * 1000))

test('a caseworker’s morning from My tasks: open an overdue task, do it, come back and it is gone', async ({ app }, testInfo) => {
  test.setTimeout(180_000)
  const ws = await openWorkspace({ dataDir: app.dataDir })
  ws.team.setProfile({ name: 'Derek Hall' })
  const olwen = await caseReadyForPack(ws, 'Olwen Pryce')
  await ws.cases.change(olwen, (doc, context) => {
    change.allocate(doc, context.author, context.today, context)
    change.updateSection(doc, 'engagement', { consentToRecord: 'yes', consentToRecordOn: '2026-10-01', consentToRecordReviewOn: daysAgo(1) }, context)
    // Agreed a week ago, due yesterday and not done.
    change.addAction(doc, 'ring-gp', { description: 'Ring the GP practice', due: daysAgo(1) }, context.author, { ...context, today: daysAgo(7) })
  })
  await ws.close()

  const page = await app.open()
  await signIn(page)
  const nav = page.getByRole('navigation', { name: 'Main' })
  await nav.getByRole('link', { name: 'My tasks (3)' }).click()
  await expect(page.getByRole('heading', { name: 'My tasks', level: 1 })).toBeVisible()
  const overdue = page.getByRole('region', { name: 'Overdue (3)' })
  await expect(overdue).toContainText('Ring the GP practice')
  await expect(overdue).toContainText('Review consent to record with the client')
  // The pack for the presentation on 26/11/2026 was never marked emailed.
  await expect(overdue).toContainText('Email the presentation pack to Housing Options')
  await expectAccessible(page, 'My tasks')
  await screenshot(page, testInfo, 'my-tasks-morning')

  await overdue.getByRole('link', { name: 'Action: Olwen Pryce' }).click()
  await page.getByRole('button', { name: /^Mark done/ }).click()
  await nav.getByRole('link', { name: 'My tasks (2)' }).click()
  await expect(page.getByRole('region', { name: 'Overdue (2)' })).not.toContainText('Ring the GP practice')
  await screenshot(page, testInfo, 'my-tasks-after-the-action')
})
