import type { Page } from '@playwright/test'
import { PNG } from 'pngjs'
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

test('a heading the window moves focus to, for a screen reader, shows no focus ring; a control reached by keyboard shows one; a field focused as the page shows keeps the focus', async ({ app }, testInfo) => {
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

  // A field focused as soon as the next page shows (a busy laptop draws it a frame late) keeps the
  // focus and what is typed: the heading's focus is for arriving, not for taking a field's.
  const kept = await page.evaluate(async () => {
    const link = [...document.querySelectorAll<HTMLAnchorElement>('nav[aria-label="Main"] a')].find((a) => a.textContent === 'Add a referral')!
    const focused = new Promise<void>((resolve) => {
      const observer = new MutationObserver(() => {
        const field = document.getElementById('field-outreachTeam')
        if (!field) return
        observer.disconnect()
        field.focus()
        resolve()
      })
      observer.observe(document.body, { childList: true, subtree: true })
    })
    link.click()
    await focused
    for (let frame = 0; frame < 3; frame++) await new Promise(requestAnimationFrame)
    return document.activeElement?.id
  })
  expect(kept).toBe('field-outreachTeam')
  await page.keyboard.type('Camden')
  await expect(page.getByRole('combobox', { name: 'Referring organisation' })).toHaveValue('Camden')
  await expect(page.getByRole('option', { name: 'Camden Outreach', exact: true })).toBeVisible()
})

/** A rectangle of the window, in CSS pixels (the test windows' device pixels are the same). */
interface Box {
  x: number
  y: number
  width: number
  height: number
}

/** The focus ring's yellow (`--focus`, #ffbf47) as drawn: red high, green middling, blue low. */
const isFocusYellow = (r: number, g: number, b: number) => r > 230 && g > 160 && g < 215 && b < 120

/**
 * Where the focus ring's yellow is around a control: how many of its pixels lie outside the
 * control's box (within `margin` of it), and how many inside `part` (a piece of the control).
 */
async function focusRing(page: Page, control: Box, part: Box, margin = 8): Promise<{ outside: number; inPart: number }> {
  const clip = { x: Math.floor(control.x) - margin, y: Math.floor(control.y) - margin, width: Math.ceil(control.width) + 2 * margin, height: Math.ceil(control.height) + 2 * margin }
  const image = PNG.sync.read(await page.screenshot({ clip }))
  const within = (box: Box, x: number, y: number) => x >= Math.floor(box.x) && x < Math.ceil(box.x + box.width) && y >= Math.floor(box.y) && y < Math.ceil(box.y + box.height)
  let outside = 0
  let inPart = 0
  for (let row = 0; row < image.height; row++) {
    for (let column = 0; column < image.width; column++) {
      const at = (row * image.width + column) * 4
      if (!isFocusYellow(image.data[at]!, image.data[at + 1]!, image.data[at + 2]!)) continue
      const x = clip.x + column
      const y = clip.y + row
      if (!within(control, x, y)) outside++
      else if (within(part, x, y)) inPart++
    }
  }
  return { outside, inPart }
}

test("the combobox's focus ring goes round its box and its button together, and stays inside the form's edge", async ({ app }, testInfo) => {
  const page = await app.open()
  const steps = casework(page)
  await steps.firstRun('Amina Okafor')
  for (const width of [1024, 1440]) {
    await page.setViewportSize({ width, height: 1000 })
    await mainNav(page).getByRole('link', { name: 'Add a referral' }).click()
    // Reached from the keyboard, as the ring's own rule shows it.
    await page.getByLabel("Referrer's name").press('Tab')
    const box = page.getByRole('combobox', { name: 'Referring organisation' })
    await expect(box).toBeFocused()
    const input = (await box.boundingBox())!
    const button = (await page.getByRole('button', { name: 'Show the choices' }).boundingBox())!
    const control = { x: input.x, y: input.y, width: button.x + button.width - input.x, height: input.height }
    const ring = await focusRing(page, control, button)
    // Nothing of the ring past the control's edge (the form's own, the box being the form's width), and the ring round the button too.
    expect(ring.outside, `yellow outside the control at ${width} px`).toBe(0)
    expect(ring.inPart, `yellow round the button at ${width} px`).toBeGreaterThan(0)
    await page.screenshot({ path: testInfo.outputPath(`combobox-focused-${width}.png`) })
  }
  await expectAccessible(page, 'the referring organisation box, focused')
})
