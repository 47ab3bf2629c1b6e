import type { Page } from '@playwright/test'
import { expect, expectAccessible, screenshot, test } from './app'
import { casework, daysAgo } from './casework'
import { heldWindow, holdSync, releaseSync } from './held-window'

const mainNav = (page: Page) => page.getByRole('navigation', { name: 'Main' })


test('a half-typed referral is offered by name, never poured into the next person’s referral', async ({ app }, testInfo) => {
  const page = await app.open()
  const steps = casework(page)
  await steps.firstRun('Amina Okafor')

  // The reported bug: a referral half-typed for one person, left, then another person's typed and saved.
  await mainNav(page).getByRole('link', { name: 'Add a referral' }).click()
  await page.getByLabel('Client name').fill('Gwenllian Jones')
  await page.getByLabel('CHAIN number (if they have one)').fill('1111111')
  await mainNav(page).getByRole('link', { name: 'Cases', exact: true }).click()
  await mainNav(page).getByRole('link', { name: 'Add a referral' }).click()
  await expect(page.getByText('You have an unsaved referral for Gwenllian Jones — continue it or discard it.')).toBeVisible()
  await expect(page.getByLabel('Client name')).toHaveValue('')
  await expect(page.getByLabel('CHAIN number (if they have one)')).toHaveValue('')
  await screenshot(page, testInfo, 'unsaved-referral-offered')
  await expectAccessible(page, 'the new referral page offering an unsaved referral')

  await page.getByLabel('Client name').fill('Tomos Evans')
  await page.getByLabel('Date of birth').fill('14/06/1990')
  await page.getByLabel("Referrer's name").fill('Sam Reed')
  await page.getByLabel('Referring organisation').fill('Cardiff Outreach')
  await page.getByRole('button', { name: 'Save referral' }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'Tomos Evans' })).toBeVisible()
  await expect(page.getByText('No CHAIN number')).toBeVisible()

  // The first draft is still there, through a reload, and continues with what was typed.
  await mainNav(page).getByRole('link', { name: 'Add a referral' }).click()
  await page.reload()
  await page.getByRole('button', { name: 'Continue the referral for Gwenllian Jones' }).click()
  await expect(page.getByLabel('Client name')).toHaveValue('Gwenllian Jones')
  await expect(page.getByLabel('Client name')).toBeFocused()
  await expect(page.getByLabel('CHAIN number (if they have one)')).toHaveValue('1111111')
  await expect(page.getByText(/You have an unsaved referral/)).toHaveCount(0)

  // Left again, it can be discarded.
  await mainNav(page).getByRole('link', { name: 'Cases', exact: true }).click()
  await mainNav(page).getByRole('link', { name: 'Add a referral' }).click()
  await page.getByRole('button', { name: 'Discard the referral for Gwenllian Jones' }).click()
  await expect(page.getByText(/You have an unsaved referral/)).toHaveCount(0)
  await page.reload()
  await expect(page.getByRole('heading', { level: 1, name: 'Add a referral' })).toBeVisible()
  await expect(page.getByText(/You have an unsaved referral/)).toHaveCount(0)
})

test('the case header says a form is not saved yet, instead of “Saved”', async ({ app }, testInfo) => {
  const page = await app.open()
  const steps = casework(page)
  await steps.firstRun('Amina Okafor')
  await steps.addReferral({ name: 'Ana Pereira', born: '03/02/1979', referrer: 'Sam Reed', team: 'Camden Outreach' })
  await expect(page.locator('.save-state')).toHaveText('Saved')
  await steps.change('Referral form')
  // Focus goes to the form's first field, not the page's body.
  await expect(page.locator('.edit-form').locator('input, select, textarea').first()).toBeFocused()
  await expect(page.locator('.save-state')).toHaveText('Saved')
  await page.getByLabel('CHAIN number').fill('4444444')
  await expect(page.locator('.save-state')).toHaveText('Not saved yet: Referral form')
  await screenshot(page, testInfo, 'header-unsaved')
  await page.reload()
  await expect(page.locator('.save-state')).toHaveText('Not saved yet: Referral form')
  await expect(page.getByLabel('CHAIN number')).toHaveValue('4444444')
  await steps.save('Referral form')
  await expect(page.locator('.save-state')).toHaveText('Saved')
  await expect(page.getByRole('button', { name: 'Change referral form' })).toBeFocused()
  await steps.change('Referral form')
  await page.getByRole('button', { name: 'Cancel' }).click()
  await expect(page.getByRole('button', { name: 'Change referral form' })).toBeFocused()
})

test('two tabs typing into one form: a save in one never shows the other’s unsaved typing as “Saved”, nor loses it', async ({ app }, testInfo) => {
  test.setTimeout(180_000)
  const first = await app.open()
  const steps = casework(first)
  await steps.firstRun('Amina Okafor')
  await steps.addReferral({ name: 'Ana Pereira', born: '03/02/1979', referrer: 'Sam Reed', team: 'Camden Outreach' })
  const second = await first.context().newPage()
  await second.goto(first.url())
  await expect(second.getByRole('heading', { level: 1, name: 'Ana Pereira' })).toBeVisible()

  await steps.change('Referral form')
  await casework(second).change('Referral form')
  await first.getByLabel('CHAIN number').fill('4444444')
  await second.getByLabel("Referrer's name").fill('Priya Shah')
  await steps.save('Referral form')
  await expect(first.getByText('CHAIN 4444444')).toBeVisible()

  // The second tab still holds its own typing, unsaved, and says so; through a reload too.
  await expect(second.locator('.save-state')).toHaveText('Not saved yet: Referral form')
  await expect(second.getByLabel("Referrer's name")).toHaveValue('Priya Shah')
  await screenshot(second, testInfo, 'other-tab-still-unsaved')
  await second.reload()
  await expect(second.locator('.save-state')).toHaveText('Not saved yet: Referral form')
  await expect(second.getByLabel("Referrer's name")).toHaveValue('Priya Shah')
  await casework(second).save('Referral form')
  for (const page of [first, second]) {
    await expect(page.locator('.save-state')).toHaveText('Saved')
    await expect(page.getByText('Priya Shah').first()).toBeVisible()
  }
  expect(await first.evaluate(() => Object.keys(localStorage).filter((key) => key.startsWith('homeward-draft:')))).toEqual([])
})

test('a field two windows saved at once shows both values, and one can be kept', async ({ app }, testInfo) => {
  // Two windows on a machine the other engineers share: more than the usual time.
  test.setTimeout(180_000)
  const first = await app.open()
  const steps = casework(first)
  await steps.firstRun('Amina Okafor')
  await steps.addReferral({ name: 'Ana Pereira', born: '03/02/1979', chain: '1111111', referrer: 'Sam Reed', team: 'Camden Outreach' })

  const second = await heldWindow(first)
  await second.goto(first.url())
  await expect(second.getByRole('heading', { level: 1, name: 'Ana Pereira' })).toBeVisible()
  await holdSync(second)

  for (const [page, chain] of [
    [first, '2222222'],
    [second, '3333333'],
  ] as const) {
    const form = casework(page)
    await form.change('Referral form')
    await page.getByLabel('CHAIN number').fill(chain)
    await form.save('Referral form')
  }
  await releaseSync(second)

  for (const page of [first, second]) {
    const conflict = page.getByRole('group', { name: 'CHAIN number: 2 values saved at the same time' })
    await expect(conflict).toBeVisible()
    await expect(conflict).toContainText('“2222222” saved by Amina Okafor')
    await expect(conflict).toContainText('“3333333” saved by Amina Okafor')
  }
  await screenshot(first, testInfo, 'conflict-shown')
  await expectAccessible(first, 'a case with a field saved twice at once')

  await first.getByRole('button', { name: /^Keep this one.*3333333/ }).click()
  // Focus goes to the value kept, not the page's body with the button that is gone.
  await expect(first.locator('.facts__row', { hasText: 'CHAIN number' }).locator('.facts__value')).toBeFocused()
  for (const page of [first, second]) {
    await expect(page.getByRole('group', { name: /values saved at the same time/ })).toHaveCount(0)
    await expect(page.getByText('CHAIN 3333333')).toBeVisible()
  }
  await second.getByText('History of CHAIN number').click()
  const history = second.getByRole('list', { name: 'Every value of CHAIN number, oldest first' })
  await expect(history.getByRole('listitem')).toHaveCount(4)
  await expect(history.getByRole('listitem').last()).toContainText('“3333333” kept from 2 values saved at once, by Amina Okafor')
  await screenshot(second, testInfo, 'field-history')
  await expectAccessible(second, 'a field’s history')

  await second.getByRole('link', { name: 'History' }).click()
  await expect(second.getByRole('table', { name: 'Every change to this case, newest first' })).toContainText(
    'Kept “3333333” for CHAIN number (from 2 values saved at once)',
  )
})

test('a field of a list’s item two windows saved at once shows both values, and one can be kept', async ({ app }, testInfo) => {
  test.setTimeout(180_000)
  const first = await app.open()
  const steps = casework(first)
  await steps.firstRun('Amina Okafor')
  await steps.addReferral({ name: 'Ana Pereira', born: '03/02/1979', referrer: 'Sam Reed', team: 'Camden Outreach' })
  await first.getByRole('link', { name: 'Expenses' }).click()
  await first.getByRole('button', { name: 'Add an expense' }).click()
  await first.getByLabel('Date', { exact: true }).fill(daysAgo(1))
  await first.getByRole('group', { name: 'Category' }).getByLabel('Travel').check()
  await first.getByLabel('What it was for').fill('Train to Leeds')
  await first.getByLabel('Amount').fill('42.50')
  await first.getByRole('button', { name: 'Add an expense', exact: true }).last().click()
  const spending = (page: Page) => page.getByRole('table', { name: 'Spending' })
  await expect(spending(first)).toContainText('Train to Leeds')

  const second = await heldWindow(first)
  await second.goto(first.url())
  await expect(spending(second)).toContainText('Train to Leeds')
  await holdSync(second)
  for (const [page, description] of [
    [first, 'Train to Bradford'],
    [second, 'Coach to Bradford'],
  ] as const) {
    await page.getByRole('button', { name: 'Change this expense' }).click()
    await page.getByLabel('What it was for').fill(description)
    await page.getByRole('button', { name: 'Save changes' }).click()
    await expect(spending(page)).toContainText(description)
  }
  await releaseSync(second)

  for (const page of [first, second]) {
    const conflict = spending(page).getByRole('group', { name: 'What it was for: 2 values saved at the same time' })
    await expect(conflict).toBeVisible()
    await expect(conflict).toContainText('“Train to Bradford” saved by Amina Okafor')
    await expect(conflict).toContainText('“Coach to Bradford” saved by Amina Okafor')
  }
  await screenshot(first, testInfo, 'item-conflict-shown')
  await expectAccessible(first, 'a list with an item’s field saved twice at once')

  await first.getByRole('button', { name: /^Keep this one.*Coach to Bradford/ }).click()
  // Focus lands on the item kept, not on the page's body with the box that went.
  await expect(spending(first).getByRole('row', { name: /Coach to Bradford/ })).toBeFocused()
  for (const page of [first, second]) {
    await expect(page.getByRole('group', { name: /values saved at the same time/ })).toHaveCount(0)
    await expect(spending(page)).toContainText('Coach to Bradford')
    await expect(spending(page)).not.toContainText('Train to Bradford')
  }

  // Each field's history is in the item's Change form, one click from the field.
  await second.getByRole('button', { name: 'Change this expense' }).click()
  await second.getByText('History of What it was for').click()
  const history = second.getByRole('list', { name: 'Every value of What it was for, oldest first' })
  await expect(history.getByRole('listitem')).toHaveCount(4)
  await expect(history.getByRole('listitem').first()).toContainText('“Train to Leeds” by Amina Okafor')
  await expect(history.getByRole('listitem').last()).toContainText('“Coach to Bradford” kept from 2 values saved at once, by Amina Okafor')
  await screenshot(second, testInfo, 'item-field-history')
  await expectAccessible(second, 'an item’s field history')
  await second.getByRole('button', { name: 'Cancel' }).click()

  await second.getByRole('link', { name: 'History' }).click()
  await expect(second.getByRole('table', { name: 'Every change to this case, newest first' })).toContainText(
    'Kept “Coach to Bradford” for What it was for, in an expense (from 2 values saved at once)',
  )
  await screenshot(second, testInfo, 'history-tab-choice')
})

test('a form left open does not save over a value a colleague saved meanwhile: the field asks whose to keep', async ({ app }, testInfo) => {
  test.setTimeout(240_000)
  const first = await app.open()
  const steps = casework(first)
  await steps.firstRun('Amina Okafor')
  await steps.addReferral({ name: 'Ana Pereira', born: '03/02/1979', referrer: 'Sam Reed', team: 'Camden Outreach' })
  const second = await first.context().newPage()
  await second.goto(first.url())
  await expect(second.getByRole('heading', { level: 1, name: 'Ana Pereira' })).toBeVisible()
  const other = casework(second)
  const referrer = (page: Page) => page.getByRole('textbox', { name: "Referrer's name", exact: true })
  const choice = first.getByRole('region', { name: "Referrer's name was changed while you were typing" })

  // The first window opens the form and types in two fields; the second saves one of them, both online.
  const overtake = async (mine: string, theirs: string, otherField: string, otherValue: string) => {
    await steps.change('Referral form')
    await referrer(first).fill(mine)
    await first.getByLabel(otherField).fill(otherValue)
    await other.change('Referral form')
    await referrer(second).fill(theirs)
    await other.save('Referral form')
    // Said on the open form as soon as the colleague's save arrives.
    await expect(first.getByText(`Saved by someone else since you opened this form: now “${theirs}”.`)).toBeVisible()
    // Saving the open form saves nothing yet: the field shows both values, who saved theirs and when.
    await first.getByRole('button', { name: 'Save referral form' }).click()
    await expect(choice.getByRole('heading')).toBeFocused()
    await expect(choice).toContainText(`Yours“${mine}”`)
    // Named by who saved it and when: the same person, so in another window.
    await expect(choice).toContainText(new RegExp(`Theirs“${theirs}” saved by Amina Okafor on \\d\\d/\\d\\d/\\d{4} at \\d\\d:\\d\\d \\(in another window\\)`))
    // The summary only points to the choice, without an instruction of its own.
    await expect(first.getByRole('alert').getByRole('link', { name: "Referrer's name was changed while you were typing: choose which to keep" })).toBeVisible()
    await expect(referrer(first)).toHaveValue(mine)
  }

  // Keep mine: saved over theirs at once; the other field typed waits, kept, for the form's save.
  await overtake('Sam Reed (first window)', 'Priya Shah', 'Street or area where they are usually seen', 'Euston Road')
  await screenshot(first, testInfo, 'overtaken-field')
  await expectAccessible(first, 'a form whose field a colleague saved meanwhile')
  await first.keyboard.press('Tab')
  await expect(first.getByRole('button', { name: "Keep mine: “Sam Reed (first window)” for Referrer's name" })).toBeFocused()
  await first.keyboard.press('Enter')
  await expect(choice).toBeHidden()
  await expect(referrer(first)).toBeFocused()
  await expect(referrer(first)).toHaveValue('Sam Reed (first window)')
  await expect(second.getByText('Sam Reed (first window)')).toBeVisible()
  await expect(first.getByLabel('Street or area where they are usually seen')).toHaveValue('Euston Road')
  await steps.save('Referral form')
  for (const page of [first, second]) await expect(page.getByText('Euston Road')).toBeVisible()
  // Theirs is not lost: it stays in the field's history.
  await first.getByText("History of Referrer's name").click()
  await expect(first.getByRole('list', { name: "Every value of Referrer's name, oldest first" })).toContainText('Priya Shah')
  await first.getByText("History of Referrer's name").click()

  // Keep theirs: put in the field; the other field typed stays, and saves.
  await overtake('Sam Reed Three', 'Jo Bloggs', 'When they are usually seen', 'Mornings')
  await first.getByRole('button', { name: "Keep theirs: “Jo Bloggs” for Referrer's name" }).click()
  await expect(choice).toBeHidden()
  await expect(referrer(first)).toHaveValue('Jo Bloggs')
  await expect(first.getByLabel('When they are usually seen')).toHaveValue('Mornings')
  await screenshot(first, testInfo, 'overtaken-field-kept-theirs')
  await steps.save('Referral form')
  for (const page of [first, second]) {
    await expect(page.getByText('Jo Bloggs')).toBeVisible()
    await expect(page.getByText('Mornings')).toBeVisible()
  }
})

test('an action’s field two windows saved at once shows both values on the Actions tab, and one can be kept', async ({ app }, testInfo) => {
  test.setTimeout(180_000)
  const first = await app.open()
  const steps = casework(first)
  await steps.firstRun('Amina Okafor')
  await steps.addReferral({ name: 'Ana Pereira', born: '03/02/1979', referrer: 'Sam Reed', team: 'Camden Outreach' })
  await first.getByRole('link', { name: /^Actions/ }).click()
  await first.getByRole('textbox', { name: 'Action', exact: true }).fill('Ring the council')
  await first.getByLabel('Due by').fill(daysAgo(-7))
  await first.getByLabel('Who will do it').selectOption({ label: 'Amina Okafor' })
  await first.getByRole('button', { name: 'Add the action' }).click()
  const actions = (page: Page) => page.getByRole('table', { name: 'Actions on this case, open ones first' })
  const changeAction = (page: Page, description: string) =>
    actions(page).getByRole('row', { name: new RegExp(description) }).getByRole('button', { name: /^Change/ }).click()
  await expect(actions(first)).toContainText('Ring the council')

  const second = await heldWindow(first)
  await second.goto(first.url())
  await expect(actions(second)).toContainText('Ring the council')
  await holdSync(second)
  for (const [page, description] of [
    [first, 'Ring Leeds City Council'],
    [second, 'Email Leeds City Council'],
  ] as const) {
    await changeAction(page, 'Ring the council')
    await page.getByRole('textbox', { name: 'Action', exact: true }).fill(description)
    await page.getByRole('button', { name: 'Save the action' }).click()
    await expect(actions(page)).toContainText(description)
  }
  await releaseSync(second)

  for (const page of [first, second]) {
    const conflict = actions(page).getByRole('group', { name: 'Action: 2 values saved at the same time' })
    await expect(conflict).toBeVisible()
    await expect(conflict).toContainText('“Ring Leeds City Council” saved by Amina Okafor')
    await expect(conflict).toContainText('“Email Leeds City Council” saved by Amina Okafor')
  }
  await screenshot(first, testInfo, 'action-conflict-shown')
  await expectAccessible(first, 'the Actions tab with an action’s field saved twice at once')

  await first.getByRole('button', { name: /^Keep this one.*Email Leeds City Council/ }).click()
  await expect(actions(first).getByRole('row', { name: /Email Leeds City Council/ })).toBeFocused()
  await screenshot(first, testInfo, 'action-kept-focused')
  for (const page of [first, second]) {
    await expect(page.getByRole('group', { name: /values saved at the same time/ })).toHaveCount(0)
    await expect(actions(page)).toContainText('Email Leeds City Council')
    await expect(actions(page)).not.toContainText('Ring Leeds City Council')
  }

  // Each field's history is in the action's Change form, one click from the field.
  await changeAction(second, 'Email Leeds City Council')
  await second.getByText('History of Action').click()
  const history = second.getByRole('list', { name: 'Every value of Action, oldest first' })
  await expect(history.getByRole('listitem').first()).toContainText('“Ring the council” by Amina Okafor')
  await expect(history.getByRole('listitem').last()).toContainText('“Email Leeds City Council” kept from 2 values saved at once, by Amina Okafor')
  await screenshot(second, testInfo, 'action-field-history')
  await expectAccessible(second, 'an action’s field history')
})

test('the footer says a form is not saved yet, names it and leads to it, instead of “All changes saved”', async ({ app }, testInfo) => {
  const page = await app.open()
  const steps = casework(page)
  await steps.firstRun('Amina Okafor')
  await steps.addReferral({ name: 'Ana Pereira', born: '03/02/1979', referrer: 'Sam Reed', team: 'Camden Outreach' })
  const footer = page.getByRole('contentinfo').getByRole('status')
  await expect(footer).toContainText('All changes saved on this laptop')
  await steps.change('Referral form')
  await page.getByLabel('CHAIN number').fill('4444444')
  await expect(footer).toContainText('Not saved yet: 1 form (Referral form for Ana Pereira)')
  await expect(footer).not.toContainText('All changes saved')

  // Said on every page, through a reload, with the way back to the form.
  await mainNav(page).getByRole('link', { name: 'Cases', exact: true }).click()
  await page.reload()
  await expect(footer).toContainText('Not saved yet: 1 form (Referral form for Ana Pereira)')
  await screenshot(page, testInfo, 'footer-unsaved')
  await expectAccessible(page, 'the case list with a form not saved yet')
  await footer.getByRole('link', { name: 'Referral form for Ana Pereira' }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'Ana Pereira' })).toBeVisible()
  await expect(page.getByLabel('CHAIN number')).toHaveValue('4444444')
  await steps.save('Referral form')
  await expect(footer).toContainText('All changes saved on this laptop')
})

/** Opens Phase 4 of the case on the page (its address history), whatever phase the case is in. */
async function addressHistory(page: Page) {
  await page.goto(page.url().replace(/#\/cases\/([^/]+).*$/, '#/cases/$1/phase/reconnection-planning'))
  const region = page.getByRole('region', { name: 'Address history' })
  await expect(region).toBeVisible()
  return region
}

test('two tabs changing one address: a save in one never shows the other’s unsaved typing as “Saved”', async ({ app }, testInfo) => {
  test.setTimeout(180_000)
  const first = await app.open()
  const steps = casework(first)
  await steps.firstRun('Amina Okafor')
  await steps.addReferral({ name: 'Ana Pereira', born: '03/02/1979', referrer: 'Sam Reed', team: 'Camden Outreach' })
  const addresses = await addressHistory(first)
  await first.getByRole('button', { name: 'Add an address' }).click()
  await first.getByLabel('Address', { exact: true }).fill('12 Manningham Lane')
  await steps.chooseLocalAuthority('Local authority', 'Brad', 'Bradford')
  await first.getByLabel('Type of stay').selectOption({ label: 'Own tenancy or home' })
  await first.getByLabel('Lived there from').fill('01/01/2020')
  await first.getByRole('button', { name: 'Add an address', exact: true }).last().click()
  await expect(addresses).toContainText('12 Manningham Lane')

  // The first tab types a postcode and does not save it.
  await addresses.getByRole('button', { name: 'Change this address' }).click()
  await first.getByLabel('Postcode').fill('BD1 3EA')
  await expect(first.locator('.save-state')).toHaveText('Not saved yet: Address history')

  // A second tab saves the same address.
  const second = await first.context().newPage()
  await second.goto(first.url())
  const secondAddresses = await addressHistory(second)
  await secondAddresses.getByRole('button', { name: 'Change this address' }).click()
  await expect(second.getByLabel('Postcode')).toHaveValue('')
  await second.getByLabel('Address', { exact: true }).fill('14 Manningham Lane')
  await second.getByRole('button', { name: 'Save changes' }).click()
  await expect(addresses).toContainText('14 Manningham Lane')

  // The first tab still holds its typing, unsaved, and says so: in the header and the footer.
  await expect(first.getByLabel('Postcode')).toHaveValue('BD1 3EA')
  await expect(first.locator('.save-state')).toHaveText('Not saved yet: Address history')
  await expect(first.locator('.sync-status')).toContainText('Not saved yet: 1 form')
  await screenshot(first, testInfo, 'other-tab-address-still-unsaved')
  await first.getByRole('button', { name: 'Save changes' }).click()
  for (const page of [first, second]) {
    await expect(page.getByRole('region', { name: 'Address history' })).toContainText('14 Manningham Lane, BD1 3EA')
    await expect(page.locator('.save-state')).toHaveText('Saved')
  }
  await expectAccessible(first, 'an address saved from two tabs')
  expect(await first.evaluate(() => Object.keys(localStorage).filter((key) => key.startsWith('homeward-draft:')))).toEqual([])
})

test('an address’s unsaved typing left by a reload is offered at its row, and the footer’s link leads to its section', async ({ app }, testInfo) => {
  const page = await app.open()
  const steps = casework(page)
  await steps.firstRun('Amina Okafor')
  await steps.addReferral({ name: 'Ana Pereira', born: '03/02/1979', referrer: 'Sam Reed', team: 'Camden Outreach' })
  const addresses = await addressHistory(page)
  const phase4 = page.url()
  await page.getByRole('button', { name: 'Add an address' }).click()
  await page.getByLabel('Address', { exact: true }).fill('12 Manningham Lane')
  await steps.chooseLocalAuthority('Local authority', 'Brad', 'Bradford')
  await page.getByLabel('Type of stay').selectOption({ label: 'Own tenancy or home' })
  await page.getByLabel('Lived there from').fill('01/01/2020')
  await page.getByRole('button', { name: 'Add an address', exact: true }).last().click()
  await addresses.getByRole('button', { name: 'Change this address' }).click()
  await page.getByLabel('Postcode').fill('BD1 3EA')

  // Reloaded on the case's first page: the footer's link goes back to Phase 4, where the row offers the typing.
  await page.goto(page.url().replace(/#\/cases\/([^/]+).*$/, '#/cases/$1'))
  await page.reload()
  await expect(page.locator('.save-state')).toHaveText('Not saved yet: Address history')
  await page.locator('.sync-status').getByRole('link', { name: 'Address history for Ana Pereira' }).click()
  await expect(page).toHaveURL(phase4)
  const row = addresses.getByRole('row', { name: /12 Manningham Lane/ })
  await expect(row).toContainText('Unsaved changes')
  await expect(page.getByLabel('Postcode')).toHaveCount(0)
  await screenshot(page, testInfo, 'unsaved-address-offered')
  await expectAccessible(page, 'an address with unsaved changes offered at its row')
  await row.getByRole('button', { name: 'Continue the unsaved changes to this address' }).click()
  await expect(page.getByLabel('Postcode')).toHaveValue('BD1 3EA')
  await expect(page.getByRole('heading', { name: 'Change this address' })).toBeFocused()
  await page.getByRole('button', { name: 'Save changes' }).click()
  await expect(row).toContainText('12 Manningham Lane, BD1 3EA')
  await expect(row).not.toContainText('Unsaved changes')
  await expect(page.locator('.save-state')).toHaveText('Saved')

  // Typing left and discarded from its row is gone, and the keyboard stays on the row.
  await addresses.getByRole('button', { name: 'Change this address' }).click()
  await page.getByLabel('Postcode').fill('LS1 1AA')
  await page.reload()
  await row.getByRole('button', { name: 'Discard the unsaved changes to this address' }).click()
  await expect(row.getByRole('button', { name: 'Change this address' })).toBeFocused()
  await expect(row).not.toContainText('Unsaved changes')
  await expect(page.locator('.save-state')).toHaveText('Saved')
  await expect(row).toContainText('BD1 3EA')
})
