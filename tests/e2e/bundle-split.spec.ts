import { openWorkspace } from '../../src/main/core/workspace'
import { seedWorkspace } from '../../src/main/core/seed/seed'
import { referral } from '../support/people'
import { expect, expectAccessible, screenshot, signIn, test } from './app'

const NOTE = 'Rang his sister in Bradford: she can put him up from Friday.'

test('the board, the case list, search and reports load no Automerge and no wasm; opening a case loads them, and it can be edited', async ({ app }, testInfo) => {
  // A seeded workspace and six pages, one with an accessibility check: more than the default on a busy machine.
  test.setTimeout(240_000)
  const ws = await openWorkspace({ dataDir: app.dataDir })
  ws.team.setProfile({ name: 'Amina Okafor' })
  await seedWorkspace(ws, { cases: 12, seed: 3 })
  await ws.cases.create(referral({ clientName: 'Gwenllian Pryce' }))
  await ws.close()

  const page = await app.open()
  // Every file the window asks for, from its first load on (the page's own requests, by address).
  const requested: string[] = []
  page.on('request', (request) => requested.push(new URL(request.url()).pathname))
  const automergeFiles = () => requested.filter((path) => path.endsWith('.wasm') || /\/automerge-[^/]*\.js$/.test(path))
  await page.reload()
  await signIn(page)
  const nav = page.getByRole('navigation', { name: 'Main' })

  await expect(page.getByRole('link', { name: 'Gwenllian Pryce', exact: true })).toBeVisible()
  await nav.getByRole('link', { name: 'Caseload board' }).click()
  await expect(page.locator('table.board tbody tr').first()).toBeVisible()
  await screenshot(page, testInfo, 'board-without-automerge')
  await page.getByRole('searchbox', { name: 'Search cases' }).fill('pryce')
  await page.getByRole('button', { name: 'Search' }).click()
  await expect(page.getByRole('table').getByRole('link', { name: 'Gwenllian Pryce' })).toBeVisible()
  await nav.getByRole('link', { name: 'Reports' }).click()
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible()
  await nav.getByRole('link', { name: 'Cases' }).click()
  await expect(page.getByRole('link', { name: 'Gwenllian Pryce', exact: true })).toBeVisible()
  // The pages above are working, and not one of them asked for Automerge's script or its wasm.
  expect(requested.some((path) => path.endsWith('.js'))).toBe(true)
  expect(automergeFiles()).toEqual([])

  // Opening a case starts the window's repo late, with Automerge's chunk and wasm, and it edits as ever.
  await page.getByRole('link', { name: 'Gwenllian Pryce', exact: true }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'Gwenllian Pryce' })).toBeVisible()
  expect(automergeFiles().some((path) => path.endsWith('.wasm'))).toBe(true)
  expect(automergeFiles().some((path) => path.endsWith('.js'))).toBe(true)
  await page.getByRole('link', { name: /^Contact log/ }).click()
  await page.getByLabel('Type of contact').selectOption('phone')
  await page.getByLabel('Note', { exact: true }).fill(NOTE)
  await page.getByRole('button', { name: 'Add note' }).click()
  await expect(page.getByRole('list', { name: 'Case notes, newest first' }).getByText(NOTE)).toBeVisible()
  await expect(page.locator('.case-header').getByText('Saved', { exact: true })).toBeVisible()
  await screenshot(page, testInfo, 'case-opened-after-the-board')
  await expectAccessible(page, 'a case opened after the board')

  // The board opened afresh draws its first row without the forms' schemas and the bank holidays:
  // their chunk refused, it still draws (then, allowed again, the page is opened afresh to go on).
  const schemasAndHolidays = /\/zod-and-holidays-[^/]*\.js$/
  await page.route(schemasAndHolidays, (route) => route.abort())
  await nav.getByRole('link', { name: 'Caseload board' }).click()
  await page.reload()
  await expect(page.locator('table.board tbody tr').first()).toBeVisible()
  await expect(page.getByRole('link', { name: 'Gwenllian Pryce' }).first()).toBeVisible()
  // A page whose script cannot be fetched says so in the window, which keeps its navigation.
  await nav.getByRole('link', { name: 'Cases', exact: true }).click()
  await expect(page.getByRole('alert').getByText('This page could not be opened. Reload the window to try again: nothing you typed is lost.')).toBeVisible()
  await expect(nav.getByRole('link', { name: 'Caseload board' })).toBeVisible()
  await screenshot(page, testInfo, 'page-not-fetched')
  await page.unroute(schemasAndHolidays)
  expect(requested.some((path) => schemasAndHolidays.test(path))).toBe(true)
  await page.getByRole('button', { name: 'Reload' }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'Cases' })).toBeVisible()

  // The core holds the note: the board's page, opened afresh, then the case again, show it.
  await nav.getByRole('link', { name: 'Caseload board' }).click()
  await page.reload()
  await expect(page.locator('table.board tbody tr').first()).toBeVisible()
  await page.getByRole('link', { name: 'Gwenllian Pryce' }).first().click()
  await page.getByRole('link', { name: /^Contact log/ }).click()
  await expect(page.getByRole('list', { name: 'Case notes, newest first' }).getByText(NOTE)).toBeVisible()
})
