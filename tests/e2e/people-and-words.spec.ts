import { spawnSync } from 'node:child_process'
import { join } from 'node:path'
import type { Page } from '@playwright/test'
import { ROOT } from '../support/built'
import { choosePin, expect, expectAccessible, screenshot, test } from './app'
import { casework } from './casework'

/** Every console message that mentions the Content Security Policy, from the page's first load on. */
function cspMessages(page: Page): string[] {
  const messages: string[] = []
  page.on('console', (message) => {
    if (/content[- ]security[- ]policy/i.test(message.text())) messages.push(message.text())
  })
  return messages
}

async function firstRun(page: Page, name: string): Promise<void> {
  await page.getByLabel('Your name', { exact: true }).fill(name)
  await choosePin(page)
  await page.getByRole('button', { name: 'Continue' }).click()
  await expect(page.getByRole('heading', { name: 'No cases yet' })).toBeVisible()
}

test('the local authority picker keeps the page whole, buttons say what they change, and focus follows Add, Change and Cancel', async ({ app }, testInfo) => {
  const page = await app.open()
  const csp = cspMessages(page)
  await page.reload()
  await firstRun(page, 'Derek Hall')
  await page.getByRole('link', { name: 'Team settings' }).first().click()
  const contacts = page.getByRole('region', { name: 'Housing Options contacts' })

  // Add: the form's heading takes the focus.
  await contacts.getByRole('button', { name: 'Add a Housing Options contact' }).click()
  await expect(page.getByRole('heading', { name: 'Add a Housing Options contact' })).toBeFocused()

  // The picker open: nothing on the page is hidden from a screen reader yet focusable (axe's aria-hidden-focus).
  const picker = page.getByRole('combobox', { name: 'Local authority' })
  await picker.click()
  await picker.pressSequentially('sheff')
  await expect(page.getByRole('option', { name: 'Sheffield', exact: true })).toBeVisible()
  await expect(picker).toHaveAttribute('aria-expanded', 'true')
  await screenshot(page, testInfo, '01-picker-open')
  await expectAccessible(page, 'team settings with the local authority picker open')
  await picker.press('ArrowDown')
  await picker.press('Enter')
  await expect(picker).toHaveValue('Sheffield')
  await contacts.getByLabel('Address', { exact: true }).fill('Howden House\n1 Union Street\nSheffield S1 2SH')

  // Cancel: back to the Add button.
  await page.getByRole('button', { name: 'Cancel' }).click()
  await expect(contacts.getByRole('button', { name: 'Add a Housing Options contact' })).toBeFocused()

  // Added, then Change: "Change this Housing Options contact", never "this a …".
  await contacts.getByRole('button', { name: 'Add a Housing Options contact' }).click()
  await page.getByRole('combobox', { name: 'Local authority' }).pressSequentially('Sheffield')
  await page.getByRole('option', { name: 'Sheffield', exact: true }).click()
  await contacts.getByLabel('Address', { exact: true }).fill('Howden House\n1 Union Street\nSheffield S1 2SH')
  await page.getByRole('button', { name: 'Add a Housing Options contact' }).last().click()
  await expect(contacts.getByRole('cell', { name: 'Sheffield' })).toBeVisible()
  await expect(contacts.getByRole('button', { name: 'Add a Housing Options contact' })).toBeFocused()
  const change = contacts.getByRole('button', { name: 'Change this Housing Options contact' })
  await expect(change).toBeVisible()
  await expect(page.getByRole('button', { name: /this an? / })).toHaveCount(0)
  await change.click()
  await expect(page.getByRole('heading', { name: 'Change this Housing Options contact' })).toBeFocused()
  await page.getByRole('button', { name: 'Cancel' }).click()
  await expect(change).toBeFocused()
  await screenshot(page, testInfo, '02-contact-added')

  expect(csp, 'Content Security Policy errors in the console').toEqual([])
})

test('a referral’s referring organisation is chosen from the team’s list, with “add new”, so one organisation is one entry', async ({ app }, testInfo) => {
  const page = await app.open()
  await firstRun(page, 'Amina Okafor')
  const referral = async (client: string, born: string, chooseTeam: () => Promise<void>) => {
    await page.getByRole('link', { name: /Add (the first|a) referral/ }).first().click()
    await page.getByLabel('Client name').fill(client)
    await page.getByLabel('Date of birth').fill(born)
    await page.getByLabel("Referrer's name").fill('Sam Reed')
    await chooseTeam()
    await page.getByRole('button', { name: 'Save referral' }).click()
    await expect(page.getByRole('heading', { level: 1, name: client })).toBeVisible()
  }
  const outreach = page.getByRole('combobox', { name: 'Referring organisation' })

  // The list is empty: the first is added from the form.
  await referral('Łukasz Wiśniewski', '17/05/1984', async () => {
    await outreach.pressSequentially('Tower Hamlets Outreach')
    const addNew = page.getByRole('option', { name: 'Add “Tower Hamlets Outreach” as a new referring organisation' })
    await expect(addNew).toBeVisible()
    await screenshot(page, testInfo, '03-outreach-add-new')
    await expectAccessible(page, 'the referral form with the referring organisation list open')
    await addNew.click()
    await expect(outreach).toHaveValue('Tower Hamlets Outreach')
  })

  // The next referral chooses it from the list, typed another way.
  await referral('Aoife Byrne', '03/02/1990', async () => {
    await outreach.pressSequentially('tower ham')
    await page.getByRole('option', { name: 'Tower Hamlets Outreach', exact: true }).click()
    await expect(outreach).toHaveValue('Tower Hamlets Outreach')
  })

  // Typed and left without choosing, in other capitals: still the list's one entry.
  await referral('Dylan Price', '04/03/1991', async () => {
    await outreach.fill('TOWER HAMLETS OUTREACH')
  })
  await page.getByRole('link', { name: 'Add a referral' }).first().click()
  await outreach.click()
  await outreach.press('ArrowDown')
  await expect(page.getByRole('option')).toHaveText(['Tower Hamlets Outreach', 'Self-referral'])
  await screenshot(page, testInfo, '04-outreach-list')
})

test('a referring organisation typed into a referral never saved does not join the team’s list', async ({ app }, testInfo) => {
  const page = await app.open()
  await firstRun(page, 'Amina Okafor')
  await page.getByRole('link', { name: /Add (the first|a) referral/ }).first().click()
  await page.getByLabel('Client name').fill('Tomos Evans')
  await page.getByLabel('Date of birth').fill('31/02/1990')
  await page.getByLabel("Referrer's name").fill('Sam Reed')
  const outreach = page.getByRole('combobox', { name: 'Referring organisation' })
  // Half a word, the list offering "Add …", left for another field, then the form sent.
  await outreach.pressSequentially('Cardif')
  await expect(page.getByRole('option', { name: 'Add “Cardif” as a new referring organisation' })).toBeVisible()
  await page.getByLabel("Referrer's name").click()
  await page.getByRole('button', { name: 'Save referral' }).click()
  await expect(page.getByRole('alert').getByText('31/02/1990 is not a real date')).toBeVisible()
  await expect(outreach).toHaveValue('Cardif')
  await screenshot(page, testInfo, '07-outreach-typed-not-saved')

  // Never saved, never chosen: not on the team's list.
  await page.getByRole('link', { name: 'Team settings' }).first().click()
  await expect(page.getByRole('region', { name: 'Referring organisations' })).not.toContainText('Cardif')
})

test('a case’s referral form chooses its referring organisation from the team’s list, and a manager corrects, merges and removes entries in Team settings', async ({ app }, testInfo) => {
  const page = await app.open()
  await firstRun(page, 'Derek Hall')
  const steps = casework(page)
  await steps.addReferral({ name: 'Aoife Byrne', born: '03/02/1990', referrer: 'Sam Reed', team: 'Tower Hamlet Outreach' })
  await steps.addReferral({ name: 'Dylan Price', born: '04/03/1991', referrer: 'Sam Reed', team: 'THOT' })

  // The case's own referral form offers the same list, with "add new".
  await steps.change('Referral form')
  const outreach = page.getByRole('combobox', { name: 'Referring organisation' })
  await expect(outreach).toHaveValue('THOT')
  await outreach.focus()
  await outreach.press('ArrowDown')
  await expect(page.getByRole('listbox', { name: 'Choices' }).getByRole('option')).toHaveText(['THOT', 'Tower Hamlet Outreach', 'Self-referral'])
  await outreach.fill('Camden Outreach')
  const addNew = page.getByRole('option', { name: 'Add “Camden Outreach” as a new referring organisation' })
  await expect(addNew).toBeVisible()
  await screenshot(page, testInfo, '05-case-referral-outreach-add-new')
  await expectAccessible(page, 'a case’s referral form with the referring organisation list open')
  await addNew.click()
  await expect(outreach).toHaveValue('Camden Outreach')
  await steps.save('Referral form')
  await expect(page.getByText('Camden Outreach')).toBeVisible()

  // Team settings: the list, a spelling corrected (the old one kept as another name), two merged, one removed.
  await page.getByRole('link', { name: 'Team settings' }).first().click()
  const list = page.getByRole('region', { name: 'Referring organisations' })
  const names = () => list.locator('tbody tr td:first-child')
  await expect(names()).toHaveText(['Camden Outreach', 'THOT', 'Tower Hamlet Outreach'])
  await list.getByRole('row', { name: /^Tower Hamlet Outreach/ }).getByRole('button', { name: 'Change this referring organisation' }).click()
  await expect(page.getByRole('heading', { name: 'Change this referring organisation' })).toBeFocused()
  await list.getByLabel('Name').fill('Tower Hamlets Outreach')
  await list.getByRole('button', { name: 'Save changes' }).click()
  await expect(list.getByRole('row', { name: /^Tower Hamlets Outreach/ })).toContainText('Tower Hamlet Outreach')

  const merge = page.getByRole('region', { name: 'Merge two referring organisations' })
  await merge.getByLabel('Merge').selectOption({ label: 'THOT' })
  await merge.getByLabel('Into').selectOption({ label: 'Tower Hamlets Outreach' })
  await merge.getByRole('button', { name: 'Merge' }).click()
  await expect(merge.getByRole('status')).toHaveText('THOT is now part of Tower Hamlets Outreach.')
  await expect(names()).toHaveText(['Camden Outreach', 'Tower Hamlets Outreach'])
  await expect(list.getByRole('row', { name: /^Tower Hamlets Outreach/ })).toContainText('Tower Hamlet Outreach, THOT')

  await list.getByRole('row', { name: /^Camden Outreach/ }).getByRole('button', { name: 'Remove this referring organisation' }).click()
  await list.getByRole('button', { name: 'Yes, remove it' }).click()
  await expect(names()).toHaveText(['Tower Hamlets Outreach'])
  await screenshot(page, testInfo, '06-settings-outreach-teams')
  await expectAccessible(page, 'team settings with the list of referring organisations')

  // A case naming an old name counts under the kept entry.
  await page.getByRole('link', { name: 'Reports' }).first().click()
  await page.getByRole('button', { name: 'Show the report' }).click()
  await expect(page.getByText('Tower Hamlets Outreach').first()).toBeVisible()
  await expect(page.getByText('THOT')).toHaveCount(0)
})

test('the first run on a laptop with a team offers its people, so choosing yourself never makes a second member', async ({ app }, testInfo) => {
  test.setTimeout(180_000)
  // As a new user would: `homeward seed` makes a sample team with Amina Okafor, then the app's first run.
  const seeded = spawnSync(process.execPath, [join(ROOT, 'bin/homeward.mjs'), 'seed', '--cases', '20', '--seed', '1', '--data', app.dataDir], { encoding: 'utf8' })
  expect(seeded.status, seeded.stderr).toBe(0)
  const page = await app.open()
  const iAm = page.getByRole('group', { name: 'I am' })
  await expect(iAm.getByRole('radio', { name: /^Amina Okafor/ })).toBeVisible()
  // Nothing is chosen for them: "Someone else" chosen by default invited typing a member again.
  for (const radio of await iAm.getByRole('radio').all()) await expect(radio).not.toBeChecked()
  await expect(page.getByLabel('Your name', { exact: true })).toHaveCount(0)
  await screenshot(page, testInfo, '03-first-run-offers-the-team')
  await expectAccessible(page, 'the first run with the team’s people to choose from')
  await choosePin(page)
  await page.getByRole('button', { name: 'Continue' }).click()
  await expect(iAm).toContainText('Choose yourself from the team, or Someone else to type your name')
  await iAm.getByRole('radio', { name: /^Amina Okafor/ }).check()
  await expect(page.getByLabel('Your name', { exact: true })).toHaveCount(0)
  await page.getByRole('button', { name: 'Continue' }).click()

  // Amina is one person everywhere: the case list's and the board's filters, and the caseload table.
  await page.getByRole('link', { name: 'Cases', exact: true }).first().click()
  await expect(page.getByLabel('Lead caseworker').getByRole('option', { name: 'Amina Okafor' })).toHaveCount(1)
  await page.getByRole('link', { name: 'Caseload board' }).first().click()
  await expect(page.getByLabel('Caseworker', { exact: true }).getByRole('option', { name: 'Amina Okafor' })).toHaveCount(1)
  // The team's people to filter by come by name, whatever their caseloads.
  const people = (await page.getByLabel('Caseworker', { exact: true }).getByRole('option').allTextContents()).slice(2)
  expect(people.length).toBeGreaterThan(1)
  expect(people).toEqual([...people].sort((a, b) => a.localeCompare(b, 'en-GB')))
  await expect(page.getByRole('rowheader', { name: /Amina Okafor/i })).toHaveCount(1)
})

test('the new referral page’s referring organisation box keeps what was typed on Escape, and offers a listed team however it is spaced', async ({ app }, testInfo) => {
  const page = await app.open()
  await firstRun(page, 'Amina Okafor')
  await casework(page).addReferral({ name: 'Ana Pereira', born: '03/02/1979', referrer: 'Sam Reed', team: 'Cardiff Outreach' })
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Add a referral' }).click()
  const outreach = page.getByRole('combobox', { name: 'Referring organisation' })

  // A listed team typed with other capitals and spacing is the listed one, not a new entry.
  await outreach.pressSequentially('cardiff  outreach')
  await expect(page.getByRole('option', { name: 'Cardiff Outreach', exact: true })).toBeVisible()
  await expect(page.getByRole('option', { name: /as a new referring organisation/ })).toHaveCount(0)
  await screenshot(page, testInfo, '06-outreach-folded-spelling')

  // Escape closes the list and keeps the words; leaving the box takes the listed spelling.
  await outreach.press('Escape')
  await expect(page.getByRole('listbox', { name: 'Choices' })).toBeHidden()
  await expect(outreach).toHaveValue('cardiff  outreach')
  await outreach.press('Tab')
  await expect(outreach).toHaveValue('Cardiff Outreach')

  // A new team's name typed is kept on Escape too.
  await outreach.fill('')
  await outreach.pressSequentially('Swansea Outreach')
  await expect(page.getByRole('option', { name: 'Add “Swansea Outreach” as a new referring organisation' })).toBeVisible()
  await outreach.press('Escape')
  await expect(outreach).toHaveValue('Swansea Outreach')
  await screenshot(page, testInfo, '07-outreach-escape-keeps-text')
  await expectAccessible(page, 'the new referral page after Escape in the referring organisation box')
})

test('one click on Save referral saves while the referring organisation’s list is open (the list leaving does not move the button away)', async ({ app }, testInfo) => {
  const page = await app.open()
  await firstRun(page, 'Amina Okafor')
  await casework(page).addReferral({ name: 'Ana Pereira', born: '03/02/1979', referrer: 'Sam Reed', team: 'Cardiff Outreach' })
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Add a referral' }).click()
  await page.getByLabel('Client name').fill('Tomos Evans')
  await page.getByLabel('Date of birth').fill('12/06/1988')
  await page.getByLabel("Referrer's name").fill('Sam Reed')
  const outreach = page.getByRole('combobox', { name: 'Referring organisation' })

  // Typed, with the list open under the box ("Add …"): the button is below the list.
  await outreach.pressSequentially('Cardiff Street')
  await expect(page.getByRole('option', { name: 'Add “Cardiff Street” as a new referring organisation' })).toBeVisible()
  await screenshot(page, testInfo, '08-outreach-list-open-before-save')
  // One real click (Playwright's click waits for the button to be still, then presses and releases it).
  await page.getByRole('button', { name: 'Save referral' }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'Tomos Evans' })).toBeVisible()
  await expect(page.getByText('Cardiff Street').first()).toBeVisible()
})
