import { expect, expectAccessible, screenshot, signIn, test, TEST_PIN } from './app'
import { casework } from './casework'

const TYPED = 'Phoned the day centre: he can stay two more nights while the coach is booked.'

test('the app locks when left idle, nothing typed is lost, and the same person signing in is back where they were', async ({ app }, testInfo) => {
  const page = await app.open()
  const steps = casework(page)

  // The first run asks for a PIN too; a short one is refused in words.
  await page.getByLabel('Your name').fill('Amina Okafor')
  await page.getByLabel('Choose a PIN').fill('1234')
  await page.getByLabel('Type it again').fill('1234')
  await page.getByRole('button', { name: 'Continue' }).click()
  await expect(page.getByRole('alert')).toContainText('A PIN needs at least 6 digits')
  await page.getByLabel('Choose a PIN').fill(TEST_PIN)
  await page.getByLabel('Type it again').fill(TEST_PIN)
  await page.getByRole('button', { name: 'Continue' }).click()
  await expect(page.getByText('Signed in as Amina Okafor')).toBeVisible()
  await screenshot(page, testInfo, 'signed-in-header')

  // Alone on her laptop she is its manager: she sets the lock to a minute.
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Team settings' }).click()
  await page.getByLabel('Lock after this many minutes idle').fill('1')
  await page.getByRole('region', { name: 'Locking' }).getByRole('button', { name: 'Save' }).click()
  await expect(page.getByRole('region', { name: 'Locking' }).getByRole('status')).toHaveText('Saved')
  // "Saved" speaks of what was saved: typing again takes it away.
  await page.getByLabel('Lock after this many minutes idle').fill('2')
  await expect(page.getByRole('region', { name: 'Locking' }).getByRole('status')).toHaveCount(0)
  await page.getByLabel('Lock after this many minutes idle').fill('1')

  // The page's clock is the test's from here.
  await page.clock.install()
  await page.reload()
  await steps.addReferral({ name: 'Ana Pereira', born: '03/02/1979', referrer: 'Sam Reed', team: 'Camden Outreach' })
  await page.getByRole('link', { name: /^Contact log/ }).click()
  await page.getByLabel('Note', { exact: true }).fill(TYPED)
  const address = page.url()

  await page.clock.fastForward('01:05')
  await expect(page.getByRole('heading', { name: 'Sign in' })).toBeVisible()
  await expect(page.getByText(TYPED)).toHaveCount(0)
  await screenshot(page, testInfo, 'sign-in-page')
  await expectAccessible(page, 'the sign-in page')

  // A wrong PIN is refused, saying so.
  await page.getByLabel('PIN or passphrase').fill('000000')
  await page.getByRole('button', { name: 'Sign in' }).click()
  await expect(page.getByRole('alert')).toContainText('Wrong PIN. Check it and try again.')
  await screenshot(page, testInfo, 'sign-in-wrong-pin')

  await signIn(page)
  expect(page.url()).toBe(address)
  await expect(page.getByLabel('Note', { exact: true })).toHaveValue(TYPED)

  // Locking by hand: the sign-in page again, and the draft still there after.
  await page.getByRole('button', { name: 'Lock' }).click()
  await expect(page.getByRole('heading', { name: 'Sign in' })).toBeVisible()
  await signIn(page)
  await expect(page.getByLabel('Note', { exact: true })).toHaveValue(TYPED)
})
