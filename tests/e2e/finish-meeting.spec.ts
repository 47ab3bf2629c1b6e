import { openWorkspace } from '../../src/main/core/workspace'
import { seedWorkspace } from '../../src/main/core/seed/seed'
import { expect, expectAccessible, screenshot, signIn, test } from './app'

test('finishing a meeting that went through one item asks first, naming how many were not discussed, and then says exactly what it did', async ({ app }, testInfo) => {
  const ws = await openWorkspace({ dataDir: app.dataDir })
  ws.team.setProfile({ name: 'Derek Hall' })
  await seedWorkspace(ws, { cases: 12, seed: 11 })
  const meetingId = await ws.meetings.start()
  await ws.close()

  const page = await app.open()
  await signIn(page)
  await page.goto(`${page.url().split('#')[0]}#/meetings/${meetingId}`)
  const agenda = page.getByRole('navigation', { name: 'Agenda' })
  await expect(agenda.getByRole('listitem').nth(2)).toBeVisible()
  const items = await agenda.getByRole('listitem').count()
  expect(items).toBeGreaterThan(2)
  await page.getByLabel('Discussion').fill('Seen at the day centre on Monday; wants to go home.')

  // One click does not finish it: the question names the items not discussed.
  const finish = page.getByRole('button', { name: 'Finish the meeting' })
  await finish.click()
  const question = page.getByRole('group', { name: 'Finish the meeting?' })
  await expect(question).toContainText(`${items - 1} of the ${items} items on the agenda were not discussed. Finish the meeting anyway?`)
  await expect(question.getByRole('button', { name: 'Finish the meeting' })).toBeFocused()
  await screenshot(page, testInfo, 'finish-asks')
  await expectAccessible(page, 'the question before finishing a meeting')

  // Going back leaves the meeting open, with focus on the button that asked.
  await question.getByRole('button', { name: 'Go back to the meeting' }).click()
  await expect(finish).toBeFocused()
  await expect(page.getByText('This meeting has finished')).toBeHidden()

  await finish.click()
  await question.getByRole('button', { name: 'Finish the meeting' }).click()
  const done = page.getByRole('status').filter({ hasText: 'This meeting has finished.' })
  await expect(done).toBeFocused()
  await expect(done).toBeInViewport()
  await expect(done).toContainText('This meeting has finished. 1 note of the discussion is in its case.')
  await expect(done).not.toContainText('the learning points are marked as reviewed')
  await screenshot(page, testInfo, 'finish-done')
  await expectAccessible(page, 'a finished meeting')
})
