import { openWorkspace } from '../../src/main/core/workspace'
import * as change from '../../src/shared/case/changes'
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
