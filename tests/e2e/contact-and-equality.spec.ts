import { openWorkspace } from '../../src/main/core/workspace'
import { caseReadyForPack } from '../support/paperwork'
import { expect, expectAccessible, screenshot, signIn, test } from './app'

test('a caseworker records contact details (a bad phone number refused by name), another name the client is known by, found by search, and equality monitoring with "Prefer not to say"', async ({ app }, testInfo) => {
  test.setTimeout(150_000)
  const ws = await openWorkspace({ dataDir: app.dataDir })
  ws.team.setProfile({ name: 'Derek Hall' })
  await caseReadyForPack(ws, 'Marek Nowak')
  await ws.close()

  const page = await app.open()
  await signIn(page)
  await page.getByRole('link', { name: 'Marek Nowak' }).click()
  const phases = page.getByRole('navigation', { name: 'Phases of the case' })

  // Contact details, in Identify: a phone number that cannot be one is refused by the field's name.
  await phases.getByRole('link', { name: /Identify/ }).click()
  await page.getByRole('button', { name: 'Change contact details' }).click()
  const phone = page.getByLabel('Phone number', { exact: true })
  await phone.fill('0770 090')
  await page.getByLabel('Email address', { exact: true }).fill('marek.nowak@example.org')
  await page.getByLabel('Other names they are known by').fill('Mark, Marek the Pole')
  await page.getByRole('group', { name: 'Preferred contact method' }).getByLabel('Text message').check()
  await page.getByLabel('Where last seen', { exact: true }).fill('Brick Lane, doorway near the old brewery')
  await page.getByRole('button', { name: 'Save contact details' }).click()
  await expect(page.getByRole('alert').getByText('Phone number has 7 digits: a UK number starting 07 has 11')).toBeVisible()
  await expectAccessible(page, 'the contact details form with a phone number refused')
  await screenshot(page, testInfo, 'contact-details-phone-refused')

  // A good number is saved with the rest.
  await phone.fill('07700 900123')
  await page.getByRole('button', { name: 'Save contact details' }).click()
  await expect(page.getByRole('button', { name: 'Change contact details' })).toBeVisible()
  await expect(page.getByText('07700 900123')).toBeVisible()
  await expect(page.getByText('Mark, Marek the Pole')).toBeVisible()
  await expectAccessible(page, 'the contact details saved')
  await screenshot(page, testInfo, 'contact-details-saved')

  // The pack's preview shows how the council can reach him, as the pack's client summary prints it.
  await page.getByRole('link', { name: /^Documents/ }).click()
  const contactInPack = page.getByRole('list', { name: 'How the council can contact the client' })
  await expect(contactInPack.getByRole('listitem')).toHaveText(['Phone number: 07700 900123', 'Email address: marek.nowak@example.org', 'Preferred contact method: Text message'])
  await expectAccessible(page, 'the pack preview with the contact lines')
  await screenshot(page, testInfo, 'pack-preview-contact-lines')

  // The name he is known by finds him, as his own name does.
  const search = page.getByRole('searchbox', { name: 'Search cases' })
  await search.fill('Mark')
  await search.press('Enter')
  await expect(page.getByRole('heading', { level: 1, name: 'Search results' })).toBeVisible()
  await expect(page.getByRole('link', { name: 'Marek Nowak' })).toBeVisible()
  await screenshot(page, testInfo, 'found-by-another-name')
  await page.getByRole('link', { name: 'Marek Nowak' }).click()

  // Equality monitoring, in Engage: voluntary; "Prefer not to say" is kept as an answer, a question left alone is "Not asked".
  await phases.getByRole('link', { name: /Engage/ }).click()
  await page.getByRole('button', { name: 'Change equality monitoring' }).click()
  await page.getByRole('group', { name: 'Gender' }).getByLabel('Man', { exact: true }).check()
  await page.getByLabel('Ethnic group').selectOption({ label: 'Any other White background' })
  await page.getByRole('group', { name: 'Sexual orientation' }).getByLabel('Prefer not to say').check()
  // The age band comes from the date of birth: not asked, and said once, with the voluntary line, in the one panel.
  await expect(page.getByText('Age band: 35 to 44 (from the date of birth).')).toBeVisible()
  await expect(page.getByRole('heading', { name: 'Equality monitoring' })).toHaveCount(1)
  await expectAccessible(page, 'the equality monitoring form')
  await screenshot(page, testInfo, 'equality-monitoring-form')
  await page.getByRole('button', { name: 'Save equality monitoring' }).click()
  const equality = page.getByRole('region', { name: 'Equality monitoring' })
  await expect(equality.getByText('Prefer not to say')).toBeVisible()
  await expect(equality.getByText('Any other White background')).toBeVisible()
  await expect(equality.getByRole('definition').filter({ hasText: 'Not asked' })).toHaveCount(3)
  await expectAccessible(page, 'equality monitoring saved')
  await screenshot(page, testInfo, 'equality-monitoring-saved')
})
