import { openWorkspace } from '../../src/main/core/workspace'
import { referral } from '../support/people'
import { expect, expectAccessible, screenshot, signIn, test } from './app'

test('a caseworker brings a caseload in from a spreadsheet: checks it, maps a column, sees the refused rows and duplicates, then imports', async ({ app }, testInfo) => {
  test.setTimeout(180_000)
  const ws = await openWorkspace({ dataDir: app.dataDir })
  ws.team.setProfile({ name: 'Amina Okafor' })
  await ws.cases.create(referral())
  await ws.close()

  const page = await app.open()
  await signIn(page)
  await page.getByRole('main').getByRole('link', { name: 'Import referrals' }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'Import referrals' })).toBeVisible()

  // Excel's "CSV UTF-8": a byte order mark, then a heading the form does not use ("Name") and one no field has.
  const csv = [
    "Name,Date of birth,CHAIN number,Referrer's name,Referring organisation,Key worker",
    'Zoë Adams,27/03/1985,2001,Sam Reed,Camden Outreach,Priya',
    'Dan Lee,1990-01-02,,Sam Reed,Camden Outreach,',
    'Cara Doyle,31/02/1985,,Sam Reed,Camden Outreach,',
    'Łukasz Wiśniewski,17/05/1984,123456,Jo Price,Tower Hamlets Outreach,',
  ].join('\r\n')
  await page.getByLabel('Choose a spreadsheet').setInputFiles({ name: 'caseload.csv', mimeType: 'text/csv', buffer: Buffer.from(`\uFEFF${csv}`) })
  await expect(page.getByRole('heading', { name: 'Columns in caseload.csv' })).toBeVisible()
  // "Name" is no field's heading: until it is mapped, no row has a client's name.
  await expect(page.getByRole('heading', { name: 'Would import 0 referrals' })).toBeVisible()
  await expect(page.getByRole('combobox', { name: 'Date of birth' })).toHaveValue('dateOfBirth')

  const name = page.getByRole('combobox', { name: 'Name', exact: true })
  await name.focus()
  await name.selectOption({ label: 'Client name' })
  await expect(page.getByRole('heading', { name: 'Would import 2 referrals' })).toBeVisible()
  const preview = page.getByRole('region', { name: 'Would import 2 referrals' })
  await expect(preview.getByRole('listitem').filter({ hasText: 'Row 4:' })).toHaveText('Row 4: Date of birth: 31/02/1985 is not a real date')
  await expect(preview.getByRole('listitem').filter({ hasText: 'Row 5:' })).toHaveText('Row 5: may be Łukasz Wiśniewski, who has a case')
  await expect(preview).toContainText('“Key worker”')
  await expect(name).toBeFocused()
  await screenshot(page, testInfo, 'import-preview')
  await expectAccessible(page, 'the import preview')

  // Nothing is added until the person imports.
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Cases', exact: true }).click()
  await expect(page.getByRole('link', { name: 'Zoë Adams' })).toHaveCount(0)
  await page.goBack()
  await page.getByLabel('Choose a spreadsheet').setInputFiles({ name: 'caseload.csv', mimeType: 'text/csv', buffer: Buffer.from(`\uFEFF${csv}`) })
  await page.getByRole('combobox', { name: 'Name', exact: true }).selectOption({ label: 'Client name' })
  const importButton = page.getByRole('button', { name: 'Import 2 referrals' })
  await importButton.focus()
  await page.keyboard.press('Enter')
  const done = page.getByRole('heading', { level: 2, name: 'Imported 2 referrals' })
  await expect(done).toBeFocused()
  await screenshot(page, testInfo, 'import-done')
  await expectAccessible(page, 'the import done')

  await page.getByRole('link', { name: 'Go to the case list' }).click()
  await expect(page.getByRole('link', { name: 'Zoë Adams' })).toBeVisible()
  await expect(page.getByRole('link', { name: 'Dan Lee' })).toBeVisible()
  await screenshot(page, testInfo, 'case-list-after-import')
})
