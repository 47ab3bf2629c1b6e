import { openWorkspace } from '../../src/main/core/workspace'
import { referral } from '../support/people'
import { expect, expectAccessible, screenshot, signIn, test } from './app'

test('a manager corrects a value from its history: the confirmation says the old value is removed from every laptop; the case says its record was rebuilt', async ({ app }, testInfo) => {
  test.setTimeout(180_000)
  const ws = await openWorkspace({ dataDir: app.dataDir })
  ws.team.setProfile({ name: 'Derek Hall' })
  const caseId = await ws.cases.create(referral({ clientName: 'Zofia Wiśniewska', chainNumber: '918273' }))
  await ws.close()

  const page = await app.open()
  await signIn(page)
  await page.getByRole('link', { name: 'Zofia Wiśniewska' }).click()
  await page.locator('summary', { hasText: 'History of CHAIN number' }).first().click()
  await page.getByRole('button', { name: 'Correct a value of CHAIN number' }).click()
  await page.getByLabel('The right value of CHAIN number').fill('918237')
  await page.getByRole('button', { name: 'Correct', exact: true }).click()
  const confirm = page.getByRole('group', { name: 'Remove the old value from every laptop?' })
  await expect(confirm).toContainText('The old value will be removed from this case’s history on every laptop')
  await expectAccessible(page, 'correct a value confirmation')
  await screenshot(page, testInfo, 'correct-value-confirmation')
  await confirm.getByRole('button', { name: 'Correct and remove the old value' }).click()

  await expect(page.getByText('This case’s record was rebuilt to remove a corrected value on')).toBeVisible()
  await expect(page.getByText('CHAIN 918237')).toBeVisible()
  expect(page.url()).not.toContain(caseId)
  await screenshot(page, testInfo, 'correct-value-rebuilt')
})

test('a case page following a correction made in another window keeps the person in the field they were typing in, with their words', async ({ app }, testInfo) => {
  test.setTimeout(180_000)
  const ws = await openWorkspace({ dataDir: app.dataDir })
  ws.team.setProfile({ name: 'Derek Hall' })
  const caseId = await ws.cases.create(referral({ clientName: 'Zofia Wiśniewska', chainNumber: '918273' }))
  await ws.close()

  const page = await app.open()
  await signIn(page)
  await page.getByRole('link', { name: 'Zofia Wiśniewska' }).click()
  // A second window on the case, typing her email address when the correction rebuilds the case.
  const typing = await page.context().newPage()
  await typing.goto(page.url())
  await typing.getByRole('button', { name: 'Change contact details' }).click()
  const email = typing.getByLabel('Email address', { exact: true })
  await email.fill('zofia@example')
  await expect(email).toBeFocused()

  await page.locator('summary', { hasText: 'History of CHAIN number' }).first().click()
  await page.getByRole('button', { name: 'Correct a value of CHAIN number' }).click()
  await page.getByLabel('The right value of CHAIN number').fill('918237')
  await page.getByRole('button', { name: 'Correct', exact: true }).click()
  await page.getByRole('group', { name: 'Remove the old value from every laptop?' }).getByRole('button', { name: 'Correct and remove the old value' }).click()

  // The typing window follows the case to its new id, its form still open, the caret where it was.
  await expect(typing).not.toHaveURL(new RegExp(caseId))
  await expect(typing.getByText('CHAIN 918237')).toBeVisible()
  await expect(email).toHaveValue('zofia@example')
  await expect(email).toBeFocused()
  await typing.keyboard.type('.org')
  await expect(email).toHaveValue('zofia@example.org')
  await screenshot(typing, testInfo, 'correct-value-typing-kept')
  await expectAccessible(typing, 'a case followed to its corrected record')
})
