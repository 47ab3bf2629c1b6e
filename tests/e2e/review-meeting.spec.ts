import { openWorkspace } from '../../src/main/core/workspace'
import { seedWorkspace } from '../../src/main/core/seed/seed'
import { pdfText, qpdfCheck } from '../support/pdf-tools'
import { expect, expectAccessible, screenshot, signIn, test } from './app'

test('a manager looks over the board and the monitoring report, then runs a case review meeting from agenda to minutes', async ({ app }, testInfo) => {
  // The report's many figures (and their accessibility check) take a while on a busy machine.
  test.setTimeout(300_000)
  const ws = await openWorkspace({ dataDir: app.dataDir })
  ws.team.setProfile({ name: 'Derek Hall' })
  await seedWorkspace(ws, { cases: 40, seed: 11 })
  const openCases = ws.cases.board().rows.length
  await ws.close()

  const page = await app.open()
  await signIn(page)
  const main = page.getByRole('navigation', { name: 'Main' })

  // The caseload board.
  await main.getByRole('link', { name: 'Caseload board' }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'Caseload board' })).toBeVisible()
  await expect(page.getByRole('status').filter({ hasText: `Showing all ${openCases}` })).toBeVisible()
  await page.getByLabel('Phase').selectOption('intensive-support')
  const phaseCells = page.locator('table.board tbody tr td:nth-child(3)')
  await expect(phaseCells.first()).toContainText('Intensive support')
  expect(await phaseCells.allTextContents()).toEqual(Array((await phaseCells.count())).fill('Phase 6 – Intensive support'))
  await page.getByLabel('Phase').selectOption('')
  await page.getByRole('button', { name: 'Days in phase' }).click()
  await expect(page.getByRole('columnheader', { name: /Days in phase/ })).toHaveAttribute('aria-sort', 'ascending')
  await expect(page.getByRole('heading', { level: 2, name: 'Caseloads' })).toBeVisible()
  await screenshot(page, testInfo, 'board')
  await expectAccessible(page, 'the caseload board')

  // The monitoring report.
  await main.getByRole('link', { name: 'Reports' }).click()
  await page.getByLabel('From').fill('01/01/2024')
  await page.getByRole('button', { name: 'Show the report' }).click()
  await expect(page.getByRole('heading', { level: 3, name: 'Outcomes', exact: true })).toBeVisible()
  const received = page.getByRole('row', { name: /^Referrals received(?!,)/ })
  await received.getByRole('button', { name: /Show the/ }).click()
  await expect(page.locator('.figure-cases li').first()).toBeVisible()
  // The new figures: people supported, the tables by organisation and month and by quarter (a count opens to its cases).
  await expect(page.getByRole('row', { name: /^People supported in the period/ })).toBeVisible()
  await expect(page.getByRole('heading', { level: 4, name: 'Referrals by referring organisation and month' })).toBeVisible()
  const quarters = page.getByRole('table', { name: 'By financial quarter' })
  await expect(quarters.getByRole('columnheader', { name: /^Q\d 20\d\d–\d\d \(/ }).first()).toBeVisible()
  const count = quarters.getByRole('row', { name: /^Referrals received/ }).getByRole('button').last()
  await count.click()
  await expect(count).toHaveAttribute('aria-expanded', 'true')
  await expect(quarters.locator('.figure-cases li').first()).toBeVisible()
  // The equality breakdowns are folded until asked for.
  await page.getByText('The 7 breakdowns, one a question').first().click()
  await expect(page.getByRole('row', { name: /^Referrals received, by gender/ })).toBeVisible()
  await screenshot(page, testInfo, 'report')
  await page.locator('.chart').first().screenshot({ path: testInfo.outputPath('report-chart.png') })
  await expectAccessible(page, 'the monitoring report')
  const download = page.waitForEvent('download')
  await page.getByRole('button', { name: 'Download the PDF' }).click()
  const pdf = testInfo.outputPath('report.pdf')
  await (await download).saveAs(pdf)
  expect(qpdfCheck(pdf)).toBe('')
  expect(pdfText(pdf)).toContain('Monitoring report')

  // The meeting: the agenda comes from the board.
  await main.getByRole('link', { name: 'Meetings' }).click()
  await page.getByRole('button', { name: 'Start a case review meeting' }).click()
  await expect(page.getByRole('heading', { level: 1, name: /^Case review meeting, / })).toBeVisible()
  const agenda = page.getByRole('navigation', { name: 'Agenda' })
  // The sample's learning points, kept in their cases, are on the agenda from the team's learning log.
  await expect(agenda.getByRole('button', { name: /^Learning point: / }).first()).toBeVisible()
  const first = (await agenda.getByRole('listitem').first().getByRole('button').first().textContent())!.trim()
  await expect(page.getByRole('heading', { level: 2, name: first })).toBeVisible()
  // Reordering: the second item moved up becomes the first.
  const second = (await agenda.getByRole('listitem').nth(1).getByRole('button').first().textContent())!.trim()
  await agenda.getByRole('button', { name: `Move ${second} up` }).click()
  await expect(agenda.getByRole('listitem').first()).toContainText(second)
  await agenda.getByRole('button', { name: second, exact: true }).click()
  await expect(page.getByRole('heading', { level: 2, name: second })).toBeVisible()

  await page.getByRole('button', { name: 'Show personal details' }).click()
  await expect(page.getByText('Date of birth')).toBeVisible()
  await page.getByLabel('Discussion').fill('Seen at the day centre on Monday; wants to go home.')
  await page.getByLabel('Decisions').fill('Ask Leeds Housing Options about a hostel bed.')
  await page.getByLabel('New action').fill('Phone Leeds Housing Options')
  await page.getByLabel('Owner').selectOption({ label: 'Tomasz Nowak' })
  await page.getByLabel('Due by').fill('04/12/2030')
  await page.getByRole('button', { name: 'Add the action to the case' }).click()
  await expect(page.getByText('Phone Leeds Housing Options: Tomasz Nowak, by 04/12/2030')).toBeVisible()
  await page.getByLabel('Discussed').check()
  await screenshot(page, testInfo, 'meeting')
  await expectAccessible(page, 'the meeting')

  // Only one item was gone through: finishing asks first (finish-meeting.spec.ts).
  await page.getByRole('button', { name: 'Finish the meeting' }).click()
  await page.getByRole('group', { name: 'Finish the meeting?' }).getByRole('button', { name: 'Finish the meeting' }).click()
  await expect(page.getByText('This meeting has finished')).toBeVisible()
  const minutesDownload = page.waitForEvent('download')
  await page.getByRole('button', { name: 'Download the minutes (PDF)' }).click()
  const minutes = testInfo.outputPath('minutes.pdf')
  await (await minutesDownload).saveAs(minutes)
  expect(qpdfCheck(minutes)).toBe('')
  const text = pdfText(minutes).replace(/\s+/g, ' ')
  for (const words of ['Team case review meeting: minutes', second, 'Ask Leeds Housing Options about a hostel bed.', 'Phone Leeds Housing Options', 'Tomasz Nowak', '04/12/2030']) {
    expect(text).toContain(words)
  }

  // The action and the meeting's note are in the case itself.
  await page.getByRole('link', { name: 'Open the case' }).click()
  await page.getByRole('link', { name: /^Actions/ }).click()
  await expect(page.getByRole('cell', { name: 'Phone Leeds Housing Options', exact: true })).toBeVisible()
  await page.getByRole('link', { name: /^Contact log/ }).click()
  await expect(page.getByText(/Team case review meeting\. Discussion: Seen at the day centre/)).toBeVisible()
})
