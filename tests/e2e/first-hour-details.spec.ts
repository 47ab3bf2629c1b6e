import type { Page } from '@playwright/test'
import { openWorkspace } from '../../src/main/core/workspace'
import { seedWorkspace } from '../../src/main/core/seed/seed'
import * as change from '../../src/shared/case/changes'
import { walkTo } from '../support/cases'
import { referral } from '../support/people'
import { expect, expectAccessible, screenshot, signIn, test } from './app'

/** How far the search box's placeholder runs past the room the box gives it (0: it fits). */
const placeholderOverflow = (page: Page) =>
  page.getByRole('searchbox', { name: 'Search cases' }).evaluate((input: HTMLInputElement) => {
    const style = getComputedStyle(input)
    const context = document.createElement('canvas').getContext('2d')!
    context.font = `${style.fontWeight} ${style.fontSize} ${style.fontFamily}`
    const room = input.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight)
    return Math.max(0, Math.ceil(context.measureText(input.placeholder).width - room))
  })

// A new caseworker's and manager's first hour found each of these: a closed case still "current"
// and nagging, a pack offered for a closed case, a hint said twice, an empty date called unreal, a
// search hint cut off, the board scrolling sideways at 1024, the report's period against its dates.
test('a closed case shows where it closed and offers no pack; the small words and the layout at 1024 and 1280 read right', async ({ app }, testInfo) => {
  test.setTimeout(240_000)
  const ws = await openWorkspace({ dataDir: app.dataDir })
  ws.team.setProfile({ name: 'Derek Hall' })
  await seedWorkspace(ws, { cases: 40, seed: 7 })
  const closedIn = async (name: string, chainNumber: string, phase: 'intensive-support' | 'reconnection-planning') => {
    const id = await ws.cases.create(referral({ clientName: name, chainNumber, referralDate: '2026-05-01' }))
    await ws.cases.change(id, (doc, context) => {
      walkTo(doc, phase)
      change.closeCase(doc, { type: 'unplanned', unplannedReason: 'disengaged', on: context.today, id: `closed-${name}` }, context)
    })
    return id
  }
  const supported = await closedIn('Morag Closedsix', '1111601', 'intensive-support')
  const planning = await closedIn('Iwan Closedfour', '1111602', 'reconnection-planning')
  const open = await ws.cases.create(referral({ clientName: 'Nia Openfour', chainNumber: '1111603', referralDate: '2026-05-01' }))
  await ws.cases.change(open, (doc) => walkTo(doc, 'reconnection-planning'))
  const unallocated = await ws.cases.create(referral({ clientName: 'Owain Unallocated', chainNumber: '1111604', referralDate: '2026-05-01' }))
  await ws.cases.change(unallocated, (doc) => walkTo(doc, 'allocate'))
  await ws.close()

  const page = await app.open()
  await signIn(page)
  const go = (path: string) => page.goto(`${page.url().split('#')[0]}#${path}`)

  // Closed in Phase 6: the phase list shows where it closed, not a current phase; no live nags.
  await go(`/cases/${supported}/phase/intensive-support`)
  const phases = page.getByRole('navigation', { name: 'Phases of the case' })
  await expect(phases.getByRole('link', { name: /Intensive support/ })).toContainText('Closed here')
  await expect(phases).not.toContainText('current phase')
  const checklist = page.getByRole('region', { name: /Good practice checklist/ })
  await expect(checklist).toContainText('Support plan agreed with the client')
  await expect(checklist).not.toContainText('Contact logged in the last 14 days')
  await expect(checklist).not.toContainText('No overdue actions')
  await screenshot(page, testInfo, 'closed-case-phase-6')
  await expectAccessible(page, 'a closed case at the phase it closed in')

  // Closed in Phase 4: no way to a presentation pack (none was made, so nothing is said of one).
  await go(`/cases/${planning}/phase/reconnection-planning`)
  await expect(page.getByRole('heading', { level: 2, name: /Phase 4 – Reconnection planning/ })).toBeVisible()
  await expect(page.getByText(/Presentation pack made|No presentation pack made yet/)).toHaveCount(0)
  await expect(page.getByRole('link', { name: /Make the presentation pack/ })).toHaveCount(0)

  // An open case before Phase 8: the close-case hint says it once, as a sentence.
  await go(`/cases/${open}/phase/reconnection-planning`)
  const nextStep = page.getByRole('region', { name: 'Next step' })
  await nextStep.locator('summary', { hasText: 'Close the case' }).click()
  await expect(nextStep.locator('.field__hint').first()).toHaveText('A planned closure happens in Phase 8 – Case closure and review, at the end of Tool 4.')

  // An empty "Allocated on" asks for the date, rather than calling it unreal.
  await go(`/cases/${unallocated}/phase/allocate`)
  await page.getByLabel('Lead caseworker').selectOption({ index: 1 })
  await page.getByLabel('Allocated on').fill('')
  await page.getByRole('button', { name: 'Allocate' }).click()
  await expect(page.locator('.field__error').filter({ hasText: 'Enter the date it was allocated' })).toBeVisible()
  await expect(page.getByText('Enter a real date')).toHaveCount(0)

  // At 1024 and 1280 wide: the search box's hint is whole, the board's table fits its box, and the
  // report's period heading stands clear of the dates.
  for (const width of [1024, 1280]) {
    await page.setViewportSize({ width, height: 900 })
    expect(await placeholderOverflow(page), `the search box's hint at ${width}`).toBe(0)
    await go('/board')
    const table = page.locator('.table-scroll').first()
    await expect(table.locator('tbody tr').first()).toBeVisible()
    const { scroll, client } = await table.evaluate((box) => ({ scroll: box.scrollWidth, client: box.clientWidth }))
    expect(scroll, `the board's table at ${width} wide`).toBeLessThanOrEqual(client)
    await page.screenshot({ path: testInfo.outputPath(`board-${width}.png`) })
  }
  await go('/reports')
  await page.getByRole('button', { name: 'Show the report' }).click()
  const period = page.getByRole('heading', { level: 2, name: / to \d\d\/\d\d\/\d{4}$/ })
  await expect(period).toBeVisible()
  const dates = (await page.locator('.report-range').boundingBox())!
  const heading = (await period.boundingBox())!
  expect(heading.y - (dates.y + dates.height), 'space between the date boxes and the period').toBeGreaterThanOrEqual(24)
  await page.screenshot({ path: testInfo.outputPath('report-period.png') })
})
