import { openWorkspace } from '../../src/main/core/workspace'
import { referral } from '../support/people'
import { expect, expectAccessible, screenshot, signIn, test } from './app'

test('a manager erases a case: the confirmation names the client and says it cannot be undone; the case is gone from the list and search', async ({ app }, testInfo) => {
  test.setTimeout(180_000)
  const ws = await openWorkspace({ dataDir: app.dataDir })
  ws.team.setProfile({ name: 'Derek Hall' })
  await ws.cases.create(referral({ clientName: 'Zofia Wiśniewska', chainNumber: '918273' }))
  await ws.cases.create(referral({ clientName: 'Aoife Byrne', chainNumber: '555111', dateOfBirth: '1990-02-03' }))
  await ws.close()

  const page = await app.open()
  await signIn(page)
  await page.getByRole('link', { name: 'Zofia Wiśniewska' }).click()
  await page.getByText('Erase this case', { exact: true }).first().click()
  const erase = page.getByRole('button', { name: 'Erase this case' })
  // No reason: said so, nothing erased.
  await erase.click()
  await expect(page.getByText('Give the reason for erasing the case')).toBeVisible()
  await page.getByLabel('Reason for erasing').fill('The client asked to be forgotten')
  await erase.click()
  const confirm = page.getByRole('group', { name: 'Erase the case of Zofia Wiśniewska?' })
  await expect(confirm).toContainText('This cannot be undone.')
  await expectAccessible(page, 'erase confirmation')
  await screenshot(page, testInfo, 'erase-case-confirmation')
  await confirm.getByRole('button', { name: 'Erase the case' }).click()

  await expect(page.getByRole('link', { name: 'Aoife Byrne' })).toBeVisible()
  await expect(page.getByRole('link', { name: 'Zofia Wiśniewska' })).toHaveCount(0)
  await page.getByRole('searchbox', { name: 'Search cases' }).fill('Wiśniewska')
  await page.getByRole('searchbox', { name: 'Search cases' }).press('Enter')
  await expect(page.getByRole('heading', { level: 1, name: 'Search results' })).toBeVisible()
  await expect(page.getByRole('link', { name: 'Zofia Wiśniewska' })).toHaveCount(0)
})
