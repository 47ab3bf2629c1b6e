import { casework, daysAgo } from './casework'
import { expect, expectAccessible, screenshot, test } from './app'

test('the manager sees who has seen a case in its History tab, and per person on the Audit page, with views of cases outside their caseload', async ({ app }, testInfo) => {
  test.skip(testInfo.project.name === 'electron', 'The audit is the core’s, the same for both; this runs once, in the browser mode.')
  const page = await app.open()
  const work = casework(page)
  await work.firstRun('Derek Hall')
  await work.addReferral({ name: 'Łukasz Wiśniewski', born: '14/03/1985', referrer: 'Sam Lee', team: 'St Mungo’s outreach' })

  await page.getByRole('link', { name: 'History' }).click()
  const seen = page.getByRole('table', { name: 'Who has seen this case, newest first' })
  await expect(seen).toBeVisible()
  await expect(seen.getByRole('row').filter({ hasText: 'Viewed' })).toContainText('Derek Hall')
  await expect(seen.getByRole('row').filter({ hasText: 'Changed' })).toContainText('This laptop')
  await screenshot(page, testInfo, 'audit-case-history')
  await expectAccessible(page, 'a case’s history with who has seen it')

  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Reports' }).click()
  await page.getByRole('link', { name: 'Audit: who has seen which case' }).click()
  await page.getByLabel('From').fill(daysAgo(1))
  await page.getByRole('button', { name: 'Show the audit' }).click()
  const derek = page.getByRole('region', { name: 'Derek Hall' })
  // Nobody is the case's lead caseworker yet: the manager's look is outside his caseload.
  await expect(derek.getByRole('table', { name: 'Derek Hall: views of cases outside their caseload' }).getByRole('row')).toHaveCount(2)
  await expect(derek.getByRole('table', { name: 'Derek Hall: every case viewed' })).toContainText('Viewed')
  await screenshot(page, testInfo, 'audit-page')
  await expectAccessible(page, 'the manager’s audit page')
})
