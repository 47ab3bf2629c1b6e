import { expect, expectAccessible, screenshot, test } from './app'
import { casework } from './casework'

test('a referral typed in the app names who made every change; a field emptied keeps its History; outside a team “Not attested” says why', async ({ app }, testInfo) => {
  test.setTimeout(120_000)
  const page = await app.open()
  const steps = casework(page)
  await steps.firstRun('Amina Okafor')
  await steps.addReferral({ name: 'Bronwen Hughes', born: '04/03/1981', chain: '1111111', referrer: 'Sam Reed', team: 'Camden Outreach' })

  // The CHAIN number, emptied, still has its history one click away.
  await steps.change('Referral form')
  await page.getByLabel(/^CHAIN number/).fill('')
  await steps.save('Referral form')
  const chain = page.getByRole('definition').filter({ has: page.getByText('History of CHAIN number') })
  await expect(chain).toContainText('Not recorded')
  await chain.getByText('History of CHAIN number').click()
  const values = page.getByRole('list', { name: 'Every value of CHAIN number, oldest first' })
  await expect(values).toContainText('“1111111”')
  await expect(values).toContainText('Cleared')

  // Every change, the first one too, says who made it; outside a team, why none is attested.
  await page.getByRole('link', { name: 'History' }).click()
  const changes = page.getByRole('table', { name: 'Every change to this case, newest first' })
  await expect(changes.getByRole('row').nth(2)).toContainText('Amina Okafor')
  await expect(changes).not.toContainText('No author recorded')
  await expect(page.getByText('This laptop is not in a team, so no team server has recorded which laptop sent each change')).toBeVisible()
  await expect(page.getByText('a change from before the server kept one')).toHaveCount(0)
  await screenshot(page, testInfo, 'every-change-outside-a-team')
  await expectAccessible(page, 'the history outside a team')
})
