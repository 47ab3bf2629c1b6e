import { openWorkspace } from '../../src/main/core/workspace'
import * as change from '../../src/shared/case/changes'
import { formatUkDate, isoDateOf } from '../../src/shared/dates'
import { caseReadyForPack, setUpTeamSettings } from '../support/paperwork'
import { expect, expectAccessible, screenshot, signIn, test } from './app'

test('consent decides what leaves: a pack to a council the client withdrew consent from cannot be made; consent to record withdrawn asks for closing and erasure', async ({ app }, testInfo) => {
  test.setTimeout(180_000)
  const ws = await openWorkspace({ dataDir: app.dataDir })
  ws.team.setProfile({ name: 'Derek Hall' })
  await setUpTeamSettings(ws)
  const olwen = await caseReadyForPack(ws, 'Olwen Pryce')
  await ws.cases.change(olwen, (doc, context) =>
    change.addItem(doc, 'sharingConsents', 'bradford', { agency: 'Bradford Council', givenOn: '2026-10-01', how: 'written', withdrawnOn: '2026-11-03' }, context),
  )
  const rhys = await caseReadyForPack(ws, 'Rhys Evans')
  await ws.cases.change(rhys, (doc, context) => change.updateSection(doc, 'engagement', { consentToRecord: 'yes', consentToRecordOn: '2026-10-01', consentToRecordWithdrawnOn: '2026-11-10' }, context))
  await ws.close()

  const page = await app.open()
  await signIn(page)
  await page.getByRole('link', { name: 'Olwen Pryce' }).click()
  await page.getByRole('link', { name: /^Documents/ }).click()
  await expect(page.getByText('Olwen withdrew consent to share with Bradford Council on 03/11/2026')).toBeVisible()
  await expect(page.getByRole('button', { name: 'Make the presentation pack' })).toBeDisabled()
  await expectAccessible(page, 'a pack refused for want of consent')
  await screenshot(page, testInfo, 'pack-refused-consent-withdrawn')

  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Caseload board' }).click()
  await expect(page.getByText('Consent to record withdrawn: close the case and ask a manager to erase it')).toBeVisible()
  await page.getByRole('link', { name: 'Rhys Evans' }).click()
  await expect(page.getByText('Rhys withdrew consent to record information on 10/11/2026: close the case, then ask a manager to erase it.')).toBeVisible()
  await screenshot(page, testInfo, 'consent-to-record-withdrawn-next-step')
})

test('a consent due its review is the case’s next step, and a consent form shows the review date a year after the day given', async ({ app }, testInfo) => {
  test.setTimeout(120_000)
  const yesterday = isoDateOf(new Date(Date.now() - 24 * 60 * 60 * 1000))
  const ws = await openWorkspace({ dataDir: app.dataDir })
  ws.team.setProfile({ name: 'Derek Hall' })
  const ffion = await caseReadyForPack(ws, 'Ffion Hughes')
  await ws.cases.change(ffion, (doc, context) => change.updateSection(doc, 'engagement', { consentToRecord: 'yes', consentToRecordOn: '2026-10-01', consentToRecordReviewOn: yesterday }, context))
  await ws.close()

  const page = await app.open()
  await signIn(page)
  await page.getByRole('link', { name: 'Ffion Hughes' }).click()
  await expect(page.getByRole('region', { name: 'Next step' })).toContainText(`Review consent to record with the client (due ${formatUkDate(yesterday)}).`)
  await screenshot(page, testInfo, 'consent-review-next-step')

  await page.getByRole('navigation', { name: 'Phases of the case' }).getByRole('link', { name: /Engage/ }).click()
  await page.getByRole('button', { name: 'Add an agency' }).click()
  const review = page.getByLabel('Review on', { exact: true })
  await expect(review).toHaveValue('')
  await page.getByLabel('Consent given on', { exact: true }).fill('02/10/2026')
  await expect(review).toHaveValue('02/10/2027')
  await expectAccessible(page, 'a consent form with its review date filled in')
  await screenshot(page, testInfo, 'consent-review-date-prefilled')
})

test('a withdrawal named so that it may be the destination council stops the pack until the caseworker chooses the consent’s council', async ({ app }, testInfo) => {
  test.setTimeout(180_000)
  const ws = await openWorkspace({ dataDir: app.dataDir })
  ws.team.setProfile({ name: 'Derek Hall' })
  await setUpTeamSettings(ws)
  const olwen = await caseReadyForPack(ws, 'Olwen Pryce')
  await ws.cases.change(olwen, (doc, context) =>
    change.addItem(doc, 'sharingConsents', 'council', { agency: 'the council', givenOn: '2026-10-01', how: 'written', withdrawnOn: '2026-11-03' }, context),
  )
  await ws.close()

  const page = await app.open()
  await signIn(page)
  await page.getByRole('link', { name: 'Olwen Pryce' }).click()
  await page.getByRole('link', { name: /^Documents/ }).click()
  await expect(
    page.getByText('Olwen withdrew consent to share with the council on 03/11/2026, which may be City of Bradford Metropolitan District Council: if it is not, choose the consent’s council (Phase 3, Engage)'),
  ).toBeVisible()
  await expect(page.getByRole('button', { name: 'Make the presentation pack' })).toBeDisabled()

  await page.getByRole('navigation', { name: 'Phases of the case' }).getByRole('link', { name: /Engage/ }).click()
  await page.getByRole('button', { name: 'Change this agency' }).click()
  const council = page.getByRole('combobox', { name: 'Council, if the agency is one' })
  await council.click()
  await council.pressSequentially('Leeds')
  await page.getByRole('option', { name: 'Leeds', exact: true }).click()
  await expectAccessible(page, 'a consent’s council chosen')
  await screenshot(page, testInfo, 'consent-council-chosen')
  await page.getByRole('button', { name: 'Save changes' }).click()
  await expect(council).toHaveCount(0)

  await page.getByRole('link', { name: /^Documents/ }).click()
  await expect(page.getByText(/withdrew consent to share/)).toHaveCount(0)
  await expect(page.getByRole('button', { name: 'Make the presentation pack' })).toBeEnabled()
})
