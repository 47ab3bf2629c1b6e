import { choosePin, expect, expectAccessible, screenshot, signIn, test } from './app'

const LUKASZ = 'Łukasz Wiśniewski'
const ZOE = "Zoë O'Brien-Ní Bhriain"
const NOTE = 'Met at the Whitechapel day centre. Wants to go back to Bradford, where his sister lives.'

test('a caseworker opens a case, adds a note, finds it, and it is all there after a restart', async ({ app }, testInfo) => {
  let page = await app.open()

  // First run: who is using this laptop.
  await expect(page.getByRole('heading', { name: 'Who is using this laptop?' })).toBeVisible()
  await screenshot(page, testInfo, '01-first-run')
  await expectAccessible(page, 'the first-run page')
  await page.getByLabel('Your name').fill('Amina Okafor')
  await choosePin(page)
  await page.getByRole('button', { name: 'Continue' }).click()

  // An empty case list with a clear hint.
  await expect(page.getByRole('heading', { name: 'No cases yet' })).toBeVisible()
  await expect(page.getByText('Amina Okafor')).toBeVisible()
  await screenshot(page, testInfo, '02-empty-case-list')
  await expectAccessible(page, 'the empty case list')

  // A referral from the short form.
  await page.getByRole('link', { name: 'Add the first referral' }).click()
  await expect(page.getByRole('heading', { name: 'Add a referral' })).toBeVisible()
  await page.getByLabel('Client name').fill(LUKASZ)
  await page.getByLabel('Date of birth').fill('17/05/1984')
  await page.getByLabel('CHAIN number (if they have one)').fill('123456')
  await page.getByLabel("Referrer's name").fill('Sam Reed')
  await page.getByLabel('Referring organisation').fill('Tower Hamlets Outreach')
  await screenshot(page, testInfo, '03-referral-form')
  await expectAccessible(page, 'the referral form')
  await page.getByRole('button', { name: 'Save referral' }).click()

  // The case page, then a note in the contact log.
  await expect(page.getByRole('heading', { level: 1, name: LUKASZ })).toBeVisible()
  await expect(page.getByText('Born 17/05/1984')).toBeVisible()
  await screenshot(page, testInfo, '04a-new-case')
  await page.getByRole('link', { name: /^Contact log/ }).click()
  await page.getByLabel('Type of contact').selectOption('face-to-face')
  await page.getByLabel('Note', { exact: true }).fill(NOTE)
  await page.getByRole('button', { name: 'Add note' }).click()
  await expect(page.getByRole('list', { name: 'Case notes, newest first' }).getByText(NOTE)).toBeVisible()
  await expect(page.getByLabel('Note', { exact: true })).toHaveValue('')
  await screenshot(page, testInfo, '04-case-view')
  await expectAccessible(page, 'the case view')

  // A second client, so the list has more than one row.
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Add a referral' }).click()
  await page.getByLabel('Client name').fill(ZOE)
  await page.getByLabel('Date of birth').fill('02/11/1991')
  await page.getByLabel("Referrer's name").fill('Priya Shah')
  await page.getByLabel('Referring organisation').fill('Hackney Street Outreach')
  await page.getByRole('button', { name: 'Save referral' }).click()
  await expect(page.getByRole('heading', { level: 1, name: ZOE })).toBeVisible()

  // The list shows the names exactly as typed.
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Cases' }).click()
  await expect(page.getByRole('link', { name: LUKASZ, exact: true })).toBeVisible()
  await expect(page.getByRole('link', { name: ZOE, exact: true })).toBeVisible()
  await screenshot(page, testInfo, '05-case-list')
  await expectAccessible(page, 'the case list')

  // Search finds the case by a word from the note, and by the name without accents.
  await page.getByRole('searchbox', { name: 'Search cases' }).fill('bradford')
  await page.getByRole('button', { name: 'Search' }).click()
  const results = page.getByRole('table')
  await expect(results.getByRole('link', { name: LUKASZ })).toBeVisible()
  await expect(results.getByRole('row', { name: new RegExp(LUKASZ) })).toContainText('Case notes')
  await expect(results.getByRole('link', { name: ZOE })).toHaveCount(0)
  await screenshot(page, testInfo, '06-search')
  await expectAccessible(page, 'the search results')
  await page.getByRole('searchbox', { name: 'Search cases' }).fill('WISNIEWSKI')
  await page.getByRole('button', { name: 'Search' }).click()
  await expect(results.getByRole('link', { name: LUKASZ })).toBeVisible()

  // Quit and reopen: everything is still there.
  await app.quit()
  page = await app.open()
  await signIn(page)
  await expect(page.getByRole('link', { name: LUKASZ, exact: true })).toBeVisible()
  await expect(page.getByRole('link', { name: ZOE, exact: true })).toBeVisible()
  await page.getByRole('link', { name: LUKASZ, exact: true }).click()
  await page.getByRole('link', { name: /^Contact log/ }).click()
  await expect(page.getByRole('list', { name: 'Case notes, newest first' }).getByText(NOTE)).toBeVisible()
  await expect(page.getByText('Amina Okafor').first()).toBeVisible()
})

test('bad input is refused next to the field and nothing is saved half-way', async ({ app }, testInfo) => {
  const page = await app.open()
  await page.getByLabel('Your name').fill('Derek Hall')
  await choosePin(page)
  await page.getByRole('button', { name: 'Continue' }).click()
  await page.getByRole('link', { name: 'Add the first referral' }).click()

  // Nothing typed.
  await page.getByRole('button', { name: 'Save referral' }).click()
  await expect(page.getByRole('alert')).toContainText('There is a problem')
  await expect(page.locator('#field-clientName-error')).toHaveText("Error: Enter the client's name")
  await expect(page.getByLabel('Client name')).toHaveAttribute('aria-invalid', 'true')

  // A future date of birth and a CHAIN number with letters.
  await page.getByLabel('Client name').fill('Ștefan Popescu')
  await page.getByLabel('Date of birth').fill('01/01/2099')
  await page.getByLabel('CHAIN number (if they have one)').fill('12AB34')
  await page.getByLabel("Referrer's name").fill('Sam Reed')
  await page.getByLabel('Referring organisation').fill('Camden Outreach')
  await page.getByRole('button', { name: 'Save referral' }).click()
  await expect(page.locator('#field-dateOfBirth-error')).toHaveText('Error: "Date of birth" (01/01/2099) cannot be in the future')
  await expect(page.locator('#field-chainNumber-error')).toHaveText('Error: CHAIN number must be digits only, for example 123456')
  await expect(page.locator('#field-clientName-error')).toHaveCount(0)
  await expect(page.getByRole('alert')).toBeFocused()
  await screenshot(page, testInfo, 'referral-errors')
  await expectAccessible(page, 'the referral form with errors')

  // A date that does not exist.
  await page.getByLabel('Date of birth').fill('31/02/1990')
  await page.getByRole('button', { name: 'Save referral' }).click()
  await expect(page.locator('#field-dateOfBirth-error')).toHaveText('Error: 31/02/1990 is not a real date')

  // What was typed is kept when the person wanders off and comes back, and offered by name, never
  // poured into the form unasked; nothing was saved.
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Cases' }).click()
  await expect(page.getByRole('heading', { name: 'No cases yet' })).toBeVisible()
  await page.getByRole('link', { name: 'Add the first referral' }).click()
  await expect(page.getByLabel('Client name')).toHaveValue('')
  await page.getByRole('button', { name: 'Continue the referral for Ștefan Popescu' }).click()
  await expect(page.getByLabel('Client name')).toHaveValue('Ștefan Popescu')
  await expect(page.getByLabel('CHAIN number (if they have one)')).toHaveValue('12AB34')
})
