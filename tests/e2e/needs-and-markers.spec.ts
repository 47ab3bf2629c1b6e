import { openWorkspace } from '../../src/main/core/workspace'
import { formatUkDate, isoDateOf } from '../../src/shared/dates'
import { caseReadyForPack } from '../support/paperwork'
import { referral } from '../support/people'
import { expect, expectAccessible, screenshot, signIn, test } from './app'

test('a caseworker records a needs assessment, a warning marker and Phase 6 support; the marker shows on the case and the board until it ends', async ({ app }, testInfo) => {
  test.setTimeout(150_000)
  const today = formatUkDate(isoDateOf(new Date()))
  const ws = await openWorkspace({ dataDir: app.dataDir })
  ws.team.setProfile({ name: 'Derek Hall' })
  await caseReadyForPack(ws, 'Marek Nowak')
  await ws.cases.create(referral({ clientName: 'Owen Lloyd', chainNumber: '' }))
  await ws.close()

  const page = await app.open()
  await signIn(page)
  await page.getByRole('link', { name: 'Marek Nowak' }).click()
  const phases = page.getByRole('navigation', { name: 'Phases of the case' })

  // The needs assessment, in Engage: a level, the client's words and the caseworker's notes apart.
  await phases.getByRole('link', { name: /Engage/ }).click()
  await page.getByRole('button', { name: 'Change needs assessment' }).click()
  await page.getByLabel('Assessed on', { exact: true }).fill(today)
  await page.getByRole('group', { name: 'Alcohol use: level of need' }).getByLabel('High').check()
  await page.getByLabel("Alcohol use: in the client's words").fill('I drink to get to sleep.')
  await page.getByLabel("Alcohol use: caseworker's notes").fill('Daily drinking; wants a detox referral.')
  await page.getByLabel('Benefit claims').fill('Universal Credit: claim to move to the Bradford Jobcentre.')
  await expectAccessible(page, 'the needs assessment form')
  await screenshot(page, testInfo, 'needs-assessment-form')
  await page.getByRole('button', { name: 'Save needs assessment' }).click()
  await expect(page.getByText('I drink to get to sleep.')).toBeVisible()
  await screenshot(page, testInfo, 'needs-assessment-saved')

  // A warning marker: refused without its type, by name; then shown on the header.
  await page.getByRole('link', { name: 'Warning markers' }).first().click()
  await page.getByRole('button', { name: 'Add a marker' }).click()
  const markerForm = page.locator('form').filter({ has: page.getByRole('button', { name: 'Add a marker' }) })
  const addMarker = markerForm.getByRole('button', { name: 'Add a marker' })
  await addMarker.click()
  await expect(page.getByRole('alert').getByText('Choose the type of marker')).toBeVisible()
  await markerForm.getByRole('group', { name: 'Type of marker' }).getByLabel('Risk to staff').check()
  await markerForm.getByLabel('Details', { exact: true }).fill('Verbally aggressive to a worker when drinking.')
  await markerForm.getByLabel('Safety plan', { exact: true }).fill('Meet in pairs, in public places; not when he has been drinking.')
  await markerForm.getByLabel('Raised on', { exact: true }).fill(today)
  // Open beside the case header's "Close the case" form, whose Details box once had the same id.
  await expectAccessible(page, 'the warning marker form')
  await addMarker.click()
  const header = page.getByRole('list', { name: 'Warning markers' })
  await expect(header.getByRole('listitem')).toHaveText(['Risk to staff'])
  await expectAccessible(page, 'a case with a warning marker')
  await screenshot(page, testInfo, 'warning-marker-on-the-case')

  // Phase 6 support, in Intensive support: its checklist counts the GP registration.
  await phases.getByRole('link', { name: /Intensive support/ }).click()
  await page.getByRole('button', { name: 'Change phase 6 support' }).click()
  await page.getByLabel('Access to healthcare: registered with a GP: done on').fill(today)
  await page.getByLabel('Access to healthcare: registered with a GP: note').fill('Registered at Kirkgate Surgery.')
  await page.getByRole('button', { name: 'Save phase 6 support' }).click()
  await expect(page.getByRole('region', { name: /Good practice checklist/ }).getByRole('listitem').filter({ hasText: 'Access to healthcare: registered with a GP' })).toContainText(': done')
  await expectAccessible(page, 'Phase 6 support recorded')
  await screenshot(page, testInfo, 'phase-6-support')

  // The board's row shows the current marker.
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Caseload board' }).click()
  const row = page.getByRole('row').filter({ hasText: 'Marek Nowak' })
  await expect(row.getByRole('list', { name: 'Warning markers' })).toHaveText('Risk to staff')
  await screenshot(page, testInfo, 'warning-marker-on-the-board')
  // The board filtered to the cases with a warning marker: Owen Lloyd, with none, is left out.
  await page.getByLabel('Warning marker', { exact: true }).selectOption({ label: 'Has a warning marker' })
  await expect(page.getByRole('status').filter({ hasText: /match/ })).toHaveText('1 of 2 cases matches')
  await expect(page.getByRole('row').filter({ hasText: 'Owen Lloyd' })).toHaveCount(0)
  await page.getByLabel('Warning marker', { exact: true }).selectOption({ label: 'MARAC involvement' })
  await expect(page.getByRole('status').filter({ hasText: /match/ })).toHaveText('0 of 2 cases match')
  await page.getByLabel('Warning marker', { exact: true }).selectOption({ label: 'Risk to staff' })
  await expectAccessible(page, 'the board filtered by warning marker')
  await screenshot(page, testInfo, 'board-filtered-by-warning-marker')

  // Ended, it is no longer on the case or the board.
  await row.getByRole('link', { name: 'Marek Nowak' }).click()
  await page.getByRole('link', { name: 'Risk to staff' }).click()
  await page.getByRole('button', { name: 'Change this marker' }).click()
  await page.getByLabel('Ended on', { exact: true }).fill(today)
  await page.getByRole('button', { name: 'Save changes' }).click()
  await expect(page.getByRole('list', { name: 'Warning markers' })).toHaveCount(0)
})
