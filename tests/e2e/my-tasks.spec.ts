import { openWorkspace } from '../../src/main/core/workspace'
import * as change from '../../src/shared/case/changes'
import { isoDateOf } from '../../src/shared/dates'
import { walkTo } from '../support/cases'
import { caseReadyForPack } from '../support/paperwork'
import { expect, expectAccessible, screenshot, signIn, test } from './app'
import { casework, daysAgo as typedDaysAgo } from './casework'

const daysAgo = (n: number) => isoDateOf(new Date(Date.now() - n * 24 * 60 * 60 * 1000))

test('a caseworker’s morning from My tasks: open an overdue task, do it, come back and it is gone; then step down and contact with the client, the same way', async ({ app }, testInfo) => {
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
  // Reconnected four weeks ago, in intensive support: step down was due a week ago (three weeks
  // after arrival, on a working day), and support has not started scaling back; no contact has
  // been logged since the case entered intensive support (the board flags it).
  const dafydd = await caseReadyForPack(ws, 'Dafydd Rees')
  await ws.cases.change(dafydd, (doc, context) => {
    walkTo(doc, 'intensive-support')
    change.allocate(doc, context.author, context.today, context) // Derek's case: the step down is his to do
    change.updateSection(doc, 'reconnectionDay', { date: daysAgo(28), arrivedOn: daysAgo(28) }, context)
  })
  await ws.close()

  const page = await app.open()
  await signIn(page)
  const nav = page.getByRole('navigation', { name: 'Main' })
  await nav.getByRole('link', { name: 'My tasks (5)' }).click()
  await expect(page.getByRole('heading', { name: 'My tasks', level: 1 })).toBeVisible()
  const overdue = page.getByRole('region', { name: 'Overdue (5)' })
  await expect(overdue).toContainText('Ring the GP practice')
  await expect(overdue).toContainText('Review consent to record with the client')
  // The pack for the presentation on 26/11/2026 was never marked emailed.
  await expect(overdue).toContainText('Email the presentation pack to Housing Options')
  await expect(overdue.getByRole('link', { name: 'Step down of support: Dafydd Rees' })).toBeVisible()
  await expect(overdue.getByRole('link', { name: 'Contact the client: Dafydd Rees' })).toBeVisible()
  await expect(overdue).toContainText('No contact logged in intensive support yet: contact is expected at least every 14 days')
  await expectAccessible(page, 'My tasks')
  await screenshot(page, testInfo, 'my-tasks-morning')

  await overdue.getByRole('link', { name: 'Action: Olwen Pryce' }).click()
  await page.getByRole('button', { name: /^Mark done/ }).click()
  await nav.getByRole('link', { name: 'My tasks (4)' }).click()
  await expect(page.getByRole('region', { name: 'Overdue (4)' })).not.toContainText('Ring the GP practice')
  await screenshot(page, testInfo, 'my-tasks-after-the-action')

  // Step down: the task leads to Phase 7's form, where the day support started scaling back is recorded.
  await page.getByRole('link', { name: 'Step down of support: Dafydd Rees' }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'Dafydd Rees' })).toBeVisible()
  const steps = casework(page)
  await steps.change('Step down of support')
  await page.getByLabel('Support started scaling back on').fill(typedDaysAgo(0))
  await page.getByLabel('Local agencies taking over support').fill('Bradford floating support; Change Grow Live')
  await steps.save('Step down of support')
  await expectAccessible(page, 'Step down, reached from My tasks')
  await screenshot(page, testInfo, 'my-tasks-step-down-recorded')
  await nav.getByRole('link', { name: 'My tasks (3)' }).click()
  await expect(page.getByRole('link', { name: 'Step down of support: Dafydd Rees' })).toHaveCount(0)

  // Contact: the task leads to the contact log, where the call is logged.
  await page.getByRole('region', { name: 'Overdue (3)' }).getByRole('link', { name: 'Contact the client: Dafydd Rees' }).click()
  await page.getByLabel('Note', { exact: true }).fill('Rang him at the flat; settling in.')
  await page.getByRole('button', { name: 'Add note' }).click()
  await expect(page.getByRole('status').filter({ hasText: 'Note saved.' })).toBeVisible()
  await nav.getByRole('link', { name: 'My tasks (2)' }).click()
  const left = page.getByRole('region', { name: 'Overdue (2)' })
  await expect(left).toContainText('Olwen Pryce')
  await expect(left).not.toContainText('Dafydd Rees')
  await expect(page.getByRole('region', { name: /^Due today/ })).not.toContainText('Dafydd Rees')
  await screenshot(page, testInfo, 'my-tasks-after-step-down')
})
