import { randomUUID } from 'node:crypto'
import { openWorkspace } from '../../src/main/core/workspace'
import { rejectReferral } from '../../src/shared/case/changes'
import { referral } from '../support/people'
import { expect, expectAccessible, screenshot, signIn, test } from './app'

test('the board tells the manager closed cases are due; the list, then "Apply retention" with a confirmation, erases them; the setting is in Team settings', async ({ app }, testInfo) => {
  test.setTimeout(180_000)
  const clock = { now: new Date('2019-03-01T09:00:00Z') }
  const ws = await openWorkspace({ dataDir: app.dataDir, now: () => clock.now })
  ws.team.setProfile({ name: 'Derek Hall' })
  const people = [
    { clientName: 'Zofia Wiśniewska', chainNumber: '918273', dateOfBirth: '1970-01-05' },
    { clientName: 'Aoife Byrne', chainNumber: '555111', dateOfBirth: '1990-02-03' },
    { clientName: 'Kwame Mensah', chainNumber: '777222', dateOfBirth: '1985-07-09' },
  ]
  for (const person of people) {
    const id = await ws.cases.create(referral(person))
    await ws.cases.change(id, (doc, context) => rejectReferral(doc, { on: '2019-03-01', reason: 'withdrawn', id: randomUUID() }, context))
  }
  clock.now = new Date()
  await ws.cases.create(referral({ clientName: 'Tomasz Nowak', chainNumber: '123987', dateOfBirth: '1979-11-30' }))
  await ws.close()

  const page = await app.open()
  await signIn(page)
  const nav = page.getByRole('navigation', { name: 'Main' })
  await nav.getByRole('link', { name: 'Caseload board' }).click()
  await expect(page.getByText('3 closed cases are due for erasure under the team’s retention: review them.')).toBeVisible()
  await page.getByRole('link', { name: 'review them' }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'Closed cases due under the team’s retention' })).toBeVisible()
  const table = page.getByRole('table', { name: /Closed cases past the retention period/ })
  await expect(table.getByRole('row')).toHaveCount(4)
  await expect(table.getByRole('row', { name: /Zofia Wiśniewska/ })).toContainText('01/03/2019')
  await expect(table.getByRole('row', { name: /Zofia Wiśniewska/ })).toContainText('01/03/2025')
  await expect(table.getByRole('row', { name: /Zofia Wiśniewska/ })).toContainText('Closed — referral not accepted')
  await expectAccessible(page, 'retention list')

  await page.getByRole('button', { name: 'Apply retention' }).click()
  const confirm = page.getByRole('group', { name: 'Erase 3 closed cases?' })
  await expect(confirm).toContainText('3 closed cases will be erased: deleted from every laptop and the team’s server. This cannot be undone.')
  await expect(confirm.getByRole('button', { name: 'Erase 3 closed cases' })).toBeFocused()
  await expectAccessible(page, 'retention confirmation')
  await screenshot(page, testInfo, 'retention-confirmation')
  await confirm.getByRole('button', { name: 'Erase 3 closed cases' }).click()
  await expect(page.getByRole('status').filter({ hasText: '3 closed cases erased.' })).toBeVisible()
  await expect(page.getByText('No closed case is due.')).toBeVisible()
  await screenshot(page, testInfo, 'retention-applied')

  await nav.getByRole('link', { name: 'Cases', exact: true }).click()
  await expect(page.getByRole('link', { name: 'Tomasz Nowak' })).toBeVisible()
  await expect(page.getByRole('link', { name: 'Zofia Wiśniewska' })).toHaveCount(0)
  await nav.getByRole('link', { name: 'Caseload board' }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'Caseload board' })).toBeVisible()
  await expect(page.getByText(/due for erasure/)).toHaveCount(0)

  // The setting: anonymise after 10 years.
  await nav.getByRole('link', { name: 'Team settings' }).click()
  const setting = page.getByRole('region', { name: 'How long closed cases are kept' })
  await setting.getByLabel('Keep closed cases for this many years').fill('0')
  await setting.getByRole('button', { name: 'Save' }).click()
  await expect(setting.getByText('Keep closed cases at least 1 year')).toBeVisible()
  await setting.getByLabel('Keep closed cases for this many years').fill('10')
  await setting.getByLabel(/Anonymise the case/).check()
  await setting.getByRole('button', { name: 'Save' }).click()
  await expect(setting.getByRole('status')).toHaveText('Saved')
  await expectAccessible(page, 'retention setting')
  await setting.scrollIntoViewIfNeeded()
  await screenshot(page, testInfo, 'retention-setting')
})

test('one closed case due is named as one; anonymised, it is listed among the anonymised cases with its dates and no name', async ({ app }, testInfo) => {
  test.setTimeout(180_000)
  const clock = { now: new Date('2019-03-01T09:00:00Z') }
  const ws = await openWorkspace({ dataDir: app.dataDir, now: () => clock.now })
  ws.team.setProfile({ name: 'Derek Hall' })
  ws.erasedCases.setRetention({ action: 'anonymise', years: 6 })
  const id = await ws.cases.create(referral({ clientName: 'Zofia Wiśniewska', chainNumber: '918273', dateOfBirth: '1970-01-05'}))
  await ws.cases.change(id, (doc, context) => rejectReferral(doc, { on: '2019-03-01', reason: 'withdrawn', id: randomUUID() }, context))
  clock.now = new Date()
  await ws.close()

  const page = await app.open()
  await signIn(page)
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Caseload board' }).click()
  await expect(page.getByText('1 closed case is due for anonymising under the team’s retention: review it.')).toBeVisible()
  await page.getByRole('link', { name: 'review it' }).click()
  const list = page.getByRole('region', { name: 'Anonymised cases' })
  await expect(list).toContainText('No case has been anonymised.')
  const anonymised = list.getByRole('table', { name: /Anonymised cases/ })
  await page.getByRole('button', { name: 'Apply retention' }).click()
  await page.getByRole('group', { name: 'Anonymise 1 closed case?' }).getByRole('button', { name: 'Anonymise 1 closed case' }).click()
  await expect(page.getByRole('status').filter({ hasText: '1 closed case anonymised.' })).toBeVisible()

  await expect(anonymised.getByRole('row')).toHaveCount(2)
  const row = anonymised.getByRole('row').nth(1)
  await expect(row.getByRole('rowheader')).toHaveText('01/03/2019')
  await expect(row).toContainText('01/03/2019')
  await expect(row).toContainText('Closed — referral not accepted')
  await expect(row).toContainText(new Date().toLocaleDateString('en-GB'))
  await expect(page.getByRole('main')).not.toContainText('Zofia')
  await expect(list).not.toContainText('918273')
  await expectAccessible(page, 'anonymised cases')
  await anonymised.scrollIntoViewIfNeeded()
  await screenshot(page, testInfo, 'anonymised-cases')

  // Reached from Team settings too, when no case is due and the board says nothing.
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Team settings' }).click()
  await page.getByRole('region', { name: 'How long closed cases are kept' }).getByRole('link', { name: 'Closed cases due, and anonymised cases' }).click()
  await expect(page.getByRole('region', { name: 'Anonymised cases' }).getByRole('row')).toHaveCount(2)
})
