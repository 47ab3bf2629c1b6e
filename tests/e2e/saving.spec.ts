import { choosePin, expect, screenshot, test } from './app'

test('the window says when work is saved, and when a restarted server means it can no longer save', async ({ app }, testInfo) => {
  test.skip(testInfo.project.name === 'electron', 'the desktop app has no separate server to restart')
  const page = await app.open()
  await page.getByLabel('Your name').fill('Amina Okafor')
  await choosePin(page)
  await page.getByRole('button', { name: 'Continue' }).click()
  await page.getByRole('link', { name: 'Add the first referral' }).click()
  await page.getByLabel('Client name').fill('Ana Pereira')
  await page.getByLabel('Date of birth').fill('03/02/1979')
  await page.getByLabel("Referrer's name").fill('Sam Reed')
  await page.getByLabel('Referring organisation').fill('Camden Outreach')
  await page.getByRole('button', { name: 'Save referral' }).click()

  await page.getByRole('link', { name: /^Contact log/ }).click()
  await page.getByLabel('Note', { exact: true }).fill('Phoned the day centre.')
  await page.getByRole('button', { name: 'Add note' }).click()
  await expect(page.getByRole('status').filter({ hasText: 'Note saved.' })).toBeVisible()
  await expect(page.getByText('All changes saved on this laptop')).toBeVisible()

  await app.restartServerOnly!()
  await expect(page.getByRole('alert')).toContainText('Homeward was restarted, so this page can no longer save.')
  await screenshot(page, testInfo, 'restarted')
})
