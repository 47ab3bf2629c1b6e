import { openWorkspace } from '../../src/main/core/workspace'
import { referral } from '../support/people'
import { expect, expectAccessible, screenshot, signIn, test } from './app'

test('the cases behind a report’s figure tell two people of one name apart by when each was referred, not by CHAIN number or date of birth', async ({ app }, testInfo) => {
  // Two people called Ana Pereira, referred on different days of this financial year.
  for (const [day, born, chain] of [['2026-10-01', '1979-02-03', '111111'], ['2026-11-02', '1991-07-14', '222222']] as const) {
    const ws = await openWorkspace({ dataDir: app.dataDir, now: () => new Date(`${day}T10:00:00Z`) })
    ws.team.setProfile({ name: 'Derek Hall' })
    await ws.cases.create(referral({ clientName: 'Ana Pereira', dateOfBirth: born, chainNumber: chain }), { allowDuplicate: true })
    await ws.close()
  }

  const page = await app.open()
  await signIn(page)
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Reports' }).click()
  await page.getByLabel('From').fill('01/04/2026')
  await page.getByLabel('To').fill('30/11/2026')
  await page.getByRole('button', { name: 'Show the report' }).click()
  // The outcomes: a bar for each type of closure, adding up to the cases closed; the returns in a chart of their own.
  await expect(page.getByRole('img', { name: 'Cases closed in the period, by type of closure (0 in all): Planned 0, Unplanned 0, No progress 0, Not appropriate 0, No provision 0' })).toBeVisible()
  await expect(page.getByRole('img', { name: /^Reconnections completed, and returns to rough sleeping after reconnection \(not a type of closure\): Reconnections completed 0, Returns to rough sleeping 0$/ })).toBeVisible()
  await page.getByRole('heading', { name: 'Outcomes in the period' }).scrollIntoViewIfNeeded()
  await screenshot(page, testInfo, 'report-outcomes-charts')
  await expectAccessible(page, 'The report')
  await page.getByRole('row', { name: /^Referrals received(?!,)/ }).getByRole('button', { name: /Show the/ }).click()
  const names = page.locator('.figure-cases li')
  await expect(names).toHaveCount(2)
  expect((await names.allInnerTexts()).sort()).toEqual(['Ana Pereira (referred 01/10/2026)', 'Ana Pereira (referred 02/11/2026)'])
  await screenshot(page, testInfo, 'report-namesakes')
})
