import type { Page } from '@playwright/test'
import { expect, expectAccessible, screenshot, test } from './app'
import { casework } from './casework'

const mainNav = (page: Page) => page.getByRole('navigation', { name: 'Main' })

test('the footer names whose each unsaved form is: two new referrals and a case’s form are told apart', async ({ app }, testInfo) => {
  const page = await app.open()
  const steps = casework(page)
  await steps.firstRun('Amina Okafor')
  await steps.addReferral({ name: 'Ana Pereira', born: '03/02/1979', referrer: 'Sam Reed', team: 'Camden Outreach' })
  await steps.change('Referral form')
  await page.getByLabel('CHAIN number').fill('4444444')

  for (const name of ['Olwen Draftperson', 'Tomos Draftperson']) {
    await mainNav(page).getByRole('link', { name: 'Add a referral' }).click()
    await page.getByLabel('Client name').fill(name)
    await mainNav(page).getByRole('link', { name: 'Cases', exact: true }).click()
  }
  const footer = page.getByRole('contentinfo').getByRole('status')
  await expect(footer).toContainText('Not saved yet: 3 forms')
  for (const name of ['Referral form for Ana Pereira', 'New referral for Olwen Draftperson', 'New referral for Tomos Draftperson']) {
    await expect(footer.getByRole('link', { name, exact: true })).toBeVisible()
  }
  await screenshot(page, testInfo, 'footer-names-whose')
  await expectAccessible(page, 'the footer naming three unsaved forms')
})

test('the referring organisation box shows its list on a click, and on ArrowDown or Alt+ArrowDown from the keyboard', async ({ app }, testInfo) => {
  const page = await app.open()
  const steps = casework(page)
  await steps.firstRun('Amina Okafor')
  await steps.addReferral({ name: 'Ana Pereira', born: '03/02/1979', referrer: 'Sam Reed', team: 'Camden Outreach' })
  await mainNav(page).getByRole('link', { name: 'Add a referral' }).click()
  const box = page.getByRole('combobox', { name: 'Referring organisation' })
  const list = page.getByRole('listbox', { name: 'Choices' })

  // As wide as the other lines of text on the form (the referrer's name above it), with its button inside that width.
  const referrer = (await page.getByLabel("Referrer's name").boundingBox())!
  const team = (await box.boundingBox())!
  expect(team.x).toBe(referrer.x)
  expect(team.width).toBeGreaterThan(referrer.width - 60)
  await screenshot(page, testInfo, 'outreach-team-full-width')

  await box.click()
  await expect(box).toHaveAttribute('aria-expanded', 'true')
  await expect(list.getByRole('option', { name: 'Camden Outreach' })).toBeVisible()
  await screenshot(page, testInfo, 'outreach-team-list-on-click')
  await expectAccessible(page, 'the referring organisation list, open')
  await box.press('Escape')
  await expect(list).toBeHidden()

  await box.press('ArrowDown')
  await expect(list.getByRole('option', { name: 'Camden Outreach' })).toBeVisible()
  await box.press('Enter')
  await expect(box).toHaveValue('Camden Outreach')
  await expect(list).toBeHidden()

  await box.press('Alt+ArrowDown')
  await expect(list.getByRole('option', { name: 'Camden Outreach' })).toBeVisible()
})

test('a heading the window moves focus to, for a screen reader, shows no focus ring; a control reached by keyboard shows one', async ({ app }, testInfo) => {
  const page = await app.open()
  const steps = casework(page)
  await steps.firstRun('Amina Okafor')
  await steps.addReferral({ name: 'Ana Pereira', born: '03/02/1979', referrer: 'Sam Reed', team: 'Camden Outreach' })
  // From the keyboard, as the focus ring's own rule (:focus-visible) would show it on the heading.
  const cases = mainNav(page).getByRole('link', { name: 'Cases', exact: true })
  await cases.focus()
  await cases.press('Enter')
  const heading = page.getByRole('heading', { level: 1, name: 'Cases' })
  await expect(heading).toBeFocused()
  await expect(heading).toHaveCSS('outline-style', 'none')
  await expect(heading).toHaveCSS('box-shadow', 'none')
  await screenshot(page, testInfo, 'cases-heading-focused')
  await page.keyboard.press('Tab')
  const control = page.locator(':focus')
  await expect(control).not.toHaveCSS('box-shadow', 'none')
  await screenshot(page, testInfo, 'cases-first-control-focused')
  await expectAccessible(page, 'the case list, a control focused from the keyboard')
})
