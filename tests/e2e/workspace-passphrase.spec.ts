import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { choosePin, expect, expectAccessible, screenshot, signIn, test } from './app'

const PASSPHRASE = 'kettle on at the day centre'

// Started as a person runs `npm start`: no HOMEWARD_PASSPHRASE, so the page asks.
test.use({ pagePassphrase: true })

test('the page asks to choose the workspace passphrase, then for it at each start; a wrong one is refused in one line', async ({ app }, testInfo) => {
  const page = await app.open()

  // The first run: choose it, twice, with the plain warning.
  await expect(page.getByRole('heading', { name: 'Choose a passphrase for this workspace' })).toBeVisible()
  await expect(page.getByText('If the passphrase is lost, it cannot be recovered and nobody can reset it.')).toBeVisible()
  await expectAccessible(page, 'choosing the workspace passphrase')
  await page.getByLabel('Choose a passphrase').fill('too short')
  await page.getByLabel('Type it again').fill('too short')
  await page.getByRole('button', { name: 'Set passphrase and open' }).click()
  await expect(page.getByRole('alert')).toContainText('A workspace passphrase needs at least 10 characters')
  await page.getByLabel('Choose a passphrase').fill(PASSPHRASE)
  await page.getByLabel('Type it again').fill(`${PASSPHRASE}s`)
  await page.getByRole('button', { name: 'Set passphrase and open' }).click()
  await expect(page.getByRole('alert')).toContainText('The two passphrases are not the same')
  await screenshot(page, testInfo, 'choose-workspace-passphrase')
  // Nothing is made until a passphrase is chosen.
  expect(existsSync(join(app.dataDir, 'homeward-key.json'))).toBe(false)
  await page.getByLabel('Type it again').fill(PASSPHRASE)
  await page.getByRole('button', { name: 'Set passphrase and open' }).click()

  // Then the first run's own page: who uses this laptop, and their PIN.
  await page.getByLabel('Your name').fill('Amina Okafor')
  await choosePin(page)
  await page.getByRole('button', { name: 'Continue' }).click()
  await expect(page.getByText('Signed in as Amina Okafor')).toBeVisible()

  // A later start asks for it; a wrong one is refused in one line, and nothing opens.
  await app.quit()
  await app.open()
  await expect(page.getByRole('heading', { name: 'Enter the workspace passphrase' })).toBeVisible()
  await expectAccessible(page, 'entering the workspace passphrase')
  await page.getByLabel('Workspace passphrase').fill('kettle on at the drop-in')
  await page.getByRole('button', { name: 'Open' }).click()
  await expect(page.getByRole('alert')).toContainText('That passphrase does not open this workspace')
  await expect(page.getByLabel('Workspace passphrase')).toHaveValue('')
  await screenshot(page, testInfo, 'wrong-workspace-passphrase')
  await expectAccessible(page, 'a wrong workspace passphrase')

  // The right one opens the workspace; the PIN sign-in follows.
  await page.getByLabel('Workspace passphrase').fill(PASSPHRASE)
  await page.getByRole('button', { name: 'Open' }).click()
  await signIn(page)
  await expect(page.getByText('Signed in as Amina Okafor')).toBeVisible()
})
