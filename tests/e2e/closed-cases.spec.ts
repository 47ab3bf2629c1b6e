import { openWorkspace } from '../../src/main/core/workspace'
import { seedWorkspace } from '../../src/main/core/seed/seed'
import * as change from '../../src/shared/case/changes'
import { referral } from '../support/people'
import { expect, expectAccessible, screenshot, test } from './app'
import { casework } from './casework'

test('a closed case looks closed and is read-only until reopened; the case list filters and pages; search forgives a slip', async ({ app }, testInfo) => {
  test.setTimeout(240_000)
  const ws = await openWorkspace({ dataDir: app.dataDir })
  ws.team.setProfile({ name: 'Amina Okafor' })
  // More than a page of cases in every phase and ending, and one client to follow.
  await seedWorkspace(ws, { cases: 60, seed: 7 })
  const gwen = await ws.cases.create(referral({ clientName: 'Gwenllian Pryce', chainNumber: '7654321', dateOfBirth: '1988-04-02' }))
  await ws.cases.change(gwen, (doc, context) =>
    change.addItem(doc, 'addresses', 'address-1', { address: '12 Stryd Fawr, Caernarfon', localAuthority: 'W06000002', kind: 'own-tenancy', from: '2019-03-01', to: '2025-02-01' }, context),
  )
  await ws.close()

  const page = await app.open()
  const work = casework(page)

  // Search: a slip of spelling in the name, and a town from an address.
  const search = async (text: string) => {
    await page.getByRole('searchbox', { name: 'Search cases' }).fill(text)
    await page.getByRole('searchbox', { name: 'Search cases' }).press('Enter')
    await expect(page.getByRole('heading', { level: 1, name: 'Search results' })).toBeVisible()
  }
  await search('gwenlian')
  await expect(page.getByRole('link', { name: 'Gwenllian Pryce' })).toBeVisible()
  await search('Caernarfon')
  await expect(page.getByRole('row', { name: /Gwenllian Pryce/ })).toContainText('Addresses')
  await page.getByRole('link', { name: 'Gwenllian Pryce' }).click()

  // Closed as not appropriate, through the window.
  await work.open('Close the case')
  await work.nextStep.getByLabel('Reconnection not appropriate').check()
  await work.nextStep.getByLabel('Why reconnection is not appropriate').selectOption({ label: 'The client refused reconnection' })
  await work.nextStep.getByLabel('Details').fill('Wants to stay near his daughter in London')
  await work.nextStep.getByRole('button', { name: 'Close the case' }).click()

  const header = page.locator('.case-header')
  await expect(header.getByText('Closed — not appropriate', { exact: true })).toBeVisible()
  const banner = page.getByRole('region', { name: /This case was closed on \d\d\/\d\d\/\d{4} \(not appropriate\)\./ })
  await expect(banner).toContainText('Reopen it to change it.')
  // Read-only: the forms' buttons and boxes cannot be used.
  const main = page.locator('.case-main')
  await expect(main.getByRole('button').first()).toBeDisabled()
  await page.getByRole('link', { name: /^Contact log/ }).click()
  await expect(main.getByRole('textbox').first()).toBeDisabled()
  await screenshot(page, testInfo, 'closed-case-read-only')
  await expectAccessible(page, 'a closed case')

  // Listed as closed, not as the phase it was closed in.
  await page.getByRole('link', { name: 'Cases', exact: true }).first().click()
  await expect(page.getByRole('row', { name: /Gwenllian Pryce/ })).toContainText('Closed — not appropriate')

  // Filters, kept in the address over a reload; then pages.
  await page.getByLabel('Show').selectOption({ label: 'Closed cases' })
  await expect(page.getByRole('row', { name: /Gwenllian Pryce/ })).toBeVisible()
  const rows = page.locator('table tbody tr')
  const closedCount = await rows.count()
  for (let i = 0; i < closedCount; i++) await expect(rows.nth(i)).toContainText('Closed —')
  await page.reload()
  await expect(page.getByLabel('Show')).toHaveValue('closed')
  await expect(page.getByRole('row', { name: /Gwenllian Pryce/ })).toBeVisible()
  await page.getByLabel('Lead caseworker').selectOption({ label: 'Me (my cases)' })
  await expect(page.getByText('No cases match these filters.')).toBeVisible()
  await page.getByLabel('Lead caseworker').selectOption({ label: 'Everyone' })
  await page.getByLabel('Show').selectOption({ label: 'Open and closed cases' })
  await expect(page.getByRole('status').filter({ hasText: 'Showing 1–50 of 61' })).toBeVisible()
  await page.getByRole('button', { name: 'Next page' }).click()
  await expect(page.getByRole('status').filter({ hasText: 'Showing 51–61 of 61' })).toBeVisible()
  await expect(page.getByRole('button', { name: 'Next page' })).toBeDisabled()
  await screenshot(page, testInfo, 'case-list-second-page')
  await expectAccessible(page, 'the case list, filtered and paged')
  await page.getByRole('button', { name: 'Previous page' }).click()
  await expect(page.getByRole('status').filter({ hasText: 'Showing 1–50 of 61' })).toBeVisible()

  // Reopened with a reason: editable again, in the phase it was closed in, and the history says so.
  await page.getByRole('link', { name: 'Gwenllian Pryce' }).click()
  await banner.locator('summary', { hasText: 'Reopen the case' }).click()
  await banner.getByRole('button', { name: 'Reopen the case' }).click()
  await expect(banner.getByText('Say why the case is being reopened').first()).toBeVisible()
  await banner.getByLabel('Why is the case being reopened?').fill('He has asked to go home to Caernarfon after all')
  await banner.getByRole('button', { name: 'Reopen the case' }).click()
  await expect(banner).toHaveCount(0)
  await expect(header.getByText('Phase 1 – Identify', { exact: true })).toBeVisible()
  await expect(page.getByRole('heading', { level: 2, name: 'Next step' })).toBeFocused()
  await expect(main.getByRole('button').first()).toBeEnabled()
  await page.getByRole('link', { name: 'History' }).click()
  const reopened = page.locator('.history li').first()
  await expect(reopened).toContainText('Reopened in Phase 1 – Identify')
  await expect(reopened).toContainText('He has asked to go home to Caernarfon after all')
  await expect(reopened).toContainText('It had been closed — not appropriate on')
  await screenshot(page, testInfo, 'reopened-case-history')
  await expectAccessible(page, 'a reopened case, its history')
})
