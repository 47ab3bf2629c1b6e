import { openWorkspace } from '../../src/main/core/workspace'
import { referral } from '../support/people'
import { expect, expectAccessible, screenshot, signIn, test } from './app'

test('equality monitoring: a question never asked shows "Not asked" on the form, and is saved only when changed', async ({ app }, testInfo) => {
  test.setTimeout(120_000)
  let ws = await openWorkspace({ dataDir: app.dataDir })
  ws.team.setProfile({ name: 'Amina Okafor' })
  const id = await ws.cases.create(referral({ clientName: 'Dylan Price', chainNumber: '1111111' }))
  await ws.close()

  const page = await app.open()
  await signIn(page)
  await page.getByRole('link', { name: 'Dylan Price' }).click()
  await page.getByRole('navigation', { name: 'Phases of the case' }).getByRole('link', { name: /Engage/ }).click()
  const equality = page.getByRole('region', { name: 'Equality monitoring' })
  await expect(equality.getByText('Not asked').first()).toBeVisible()
  await equality.getByRole('button', { name: 'Change equality monitoring' }).click()

  // As the read view says: every question stands at "Not asked", none at "Choose…".
  await expect(equality.getByRole('group', { name: 'Gender' }).getByLabel('Not asked')).toBeChecked()
  await expect(equality.getByLabel('Ethnic group')).toHaveValue('not-asked')
  await expectAccessible(page, 'the equality monitoring form')
  await screenshot(page, testInfo, 'equality-monitoring-form')

  await equality.getByRole('group', { name: 'Gender' }).getByLabel('Prefer not to say').check()
  await equality.getByRole('button', { name: 'Save equality monitoring' }).click()
  await expect(equality.getByText('Prefer not to say')).toBeVisible()
  await app.quit()

  // Only the answer given is stored: the questions left at "Not asked" stay blank.
  ws = await openWorkspace({ dataDir: app.dataDir })
  expect((await ws.cases.read(id)).equality).toEqual({ gender: 'prefer-not-to-say' })
  await ws.close()
})
