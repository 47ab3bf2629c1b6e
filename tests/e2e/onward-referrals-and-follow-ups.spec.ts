import { openWorkspace } from '../../src/main/core/workspace'
import * as change from '../../src/shared/case/changes'
import { walkTo } from '../support/cases'
import { referral } from '../support/people'
import { expect, expectAccessible, screenshot, signIn, test } from './app'
import { daysAgo } from './casework'

test('onward referrals with two actions agreed with the partner (one done, one missed), a support plan review with wellbeing, and a follow-up check recorded on a closed case', async ({ app }, testInfo) => {
  test.setTimeout(240_000)
  const ws = await openWorkspace({ dataDir: app.dataDir })
  ws.team.setProfile({ name: 'Amina Okafor' })
  // Two clients reconnected to Bradford on 12/08/2026: one in intensive support, one whose case
  // closed on 20/08/2026, so its 3-month follow-up check (20/11/2026) is due.
  const dylan = await ws.cases.create(referral({ clientName: 'Dylan Price', dateOfBirth: '1984-02-11', chainNumber: '1111111' }))
  // Referred before the reconnection day the walk records, as the date rules require.
  const referredInMay = (doc: Parameters<typeof walkTo>[0], context: Parameters<typeof change.updateSection>[3]) =>
    change.updateSection(doc, 'referral', { referralDate: '2026-05-01' }, context)
  await ws.cases.change(dylan, (doc, context) => {
    referredInMay(doc, context)
    walkTo(doc, 'intensive-support')
    change.addItem(doc, 'goals', 'goal-1', { goal: 'Keep my flat' }, context)
    change.addItem(doc, 'goals', 'goal-2', { goal: 'See my daughter at weekends' }, context)
    // A review from before its goals could be ticked: it named them in its words, which still read.
    change.addItem(doc, 'reviews', 'review-0', { reviewedOn: '2026-09-01', goalsReviewed: 'Keep my flat: first weeks going well', ...Object.fromEntries([1, 2, 3, 4, 5, 6, 7].map((n) => [`item${n}`, 3])) }, context)
  })
  const gwen = await ws.cases.create(referral({ clientName: 'Gwenllian Pryce', dateOfBirth: '1988-04-02', chainNumber: '2222222' }))
  await ws.cases.change(gwen, (doc, context) => {
    referredInMay(doc, context)
    walkTo(doc, 'intensive-support')
    change.closeCase(doc, { type: 'unplanned', unplannedReason: 'disengaged', on: '2026-08-20', id: 'closed-1' }, context)
  })
  await ws.close()

  const page = await app.open()
  await signIn(page)

  // The board shows the closed case only for its follow-up check, for the lead caseworker.
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Caseload board' }).click()
  const gwenRow = page.getByRole('row', { name: /Gwenllian Pryce/ })
  await expect(gwenRow).toContainText('Follow-up check 3 months after closure due (from 20/11/2026)')
  await expect(gwenRow).toContainText('Closed')

  // Onward referral in Phase 6, then two actions agreed with the partner, both already past their date.
  await page.getByRole('link', { name: 'Cases', exact: true }).first().click()
  await page.getByRole('link', { name: 'Dylan Price' }).click()
  const referrals = page.getByRole('region', { name: 'Onward referrals' })
  await referrals.getByRole('button', { name: 'Add an onward referral' }).click()
  await page.getByLabel('Referred to (agency)').fill('Bradford Floating Support')
  await page.getByLabel('Referred on').fill(daysAgo(20))
  await page.getByLabel('What for').fill('Weekly visits to settle into the flat')
  await page.getByRole('group', { name: 'Outcome' }).getByLabel('Accepted', { exact: true }).check()
  await page.getByRole('button', { name: 'Add an onward referral', exact: true }).last().click()
  const referralRow = referrals.getByRole('row', { name: /Bradford Floating Support/ })
  await expect(referralRow).toContainText('None yet')

  const agreed = page.getByRole('region', { name: `Actions agreed with Bradford Floating Support (referred on ${daysAgo(20)})` })
  const addAction = async (what: string, who: string, due: string) => {
    await agreed.getByRole('button', { name: 'Add an agreed action' }).click()
    // The form's heading takes the keyboard, so the person starts where the form is.
    await expect(agreed.getByRole('heading', { name: 'Add an agreed action' })).toBeFocused()
    await agreed.getByLabel('Action agreed with the partner').fill(what)
    await agreed.getByLabel('Who will do it').fill(who)
    await agreed.getByLabel('Due by').fill(due)
    await agreed.getByRole('button', { name: 'Add an agreed action', exact: true }).last().click()
  }
  // Refused by its label, not lost: the action's words are asked for.
  await agreed.getByRole('button', { name: 'Add an agreed action' }).click()
  await agreed.getByLabel('Due by').fill(daysAgo(2))
  await agreed.getByRole('button', { name: 'Add an agreed action', exact: true }).last().click()
  await expect(agreed.getByRole('link', { name: 'Say what was agreed with the partner' })).toBeVisible()
  await agreed.getByRole('button', { name: 'Cancel' }).click()
  await addAction('First home visit', 'Sarah Jones, Bradford Floating Support', daysAgo(5))
  await addAction('Help with the Universal Credit claim', 'Sarah Jones, Bradford Floating Support', daysAgo(3))
  const firstVisit = agreed.getByRole('row', { name: /First home visit/ })
  const benefits = agreed.getByRole('row', { name: /Universal Credit/ })
  await expect(firstVisit).toContainText('Missed: chase it with the partner')
  await expect(referralRow).toContainText('2 agreed: 0 done, 2 missed')
  await expect(page.getByRole('region', { name: 'Next step' })).toContainText(`2 actions agreed with a partner missed (due ${daysAgo(5)}): chase it with the partner.`)

  // The first visit happened: marked done today, the keyboard staying on its row.
  await firstVisit.getByRole('button', { name: /^Mark done today\s*: First home visit$/ }).click()
  await expect(firstVisit).toContainText(`Done on ${daysAgo(0)}`)
  await expect(firstVisit.getByText(`Done on ${daysAgo(0)}`)).toBeFocused()
  await expect(benefits).toContainText('Missed: chase it with the partner')
  await expect(referralRow).toContainText('2 agreed: 1 done, 1 missed')
  await expect(page.getByRole('region', { name: 'Next step' })).toContainText(`1 action agreed with a partner missed (due ${daysAgo(3)}): chase it with the partner.`)
  await referrals.scrollIntoViewIfNeeded()
  await screenshot(page, testInfo, 'onward-referral-with-agreed-actions')
  await expectAccessible(page, 'an onward referral with two agreed actions')

  // A review of the support plan, with the wellbeing scale again.
  const reviews = page.getByRole('region', { name: 'Support plan reviews' })
  await reviews.getByRole('button', { name: 'Add a review' }).click()
  await page.getByLabel('Reviewed on').fill(daysAgo(1))
  // The goals reviewed are ticked from the case's own.
  const goalsReviewed = page.getByRole('group', { name: 'Goals reviewed' })
  await expect(goalsReviewed.getByRole('checkbox')).toHaveCount(2)
  await goalsReviewed.getByLabel('Keep my flat').check()
  await page.getByLabel('How each goal is going').fill('Rent paid, has met the neighbours')
  await page.getByLabel('Next review by').fill(daysAgo(-28))
  for (const group of await page.getByRole('group', { name: /^I've been/ }).all()) await group.getByLabel('Often').check()
  await page.getByRole('button', { name: 'Add a review', exact: true }).last().click()
  const newReview = reviews.getByRole('row', { name: new RegExp(daysAgo(1)) })
  await expect(newReview).toContainText('Keep my flat')
  await expect(newReview).not.toContainText('See my daughter')
  await expect(newReview).toContainText('28 of 35')
  await expect(reviews.getByRole('row', { name: /first weeks going well/ })).toContainText('21 of 35')
  await referrals.scrollIntoViewIfNeeded()
  await screenshot(page, testInfo, 'onward-referrals-and-reviews')
  await expectAccessible(page, 'Phase 6 with onward referrals and reviews')

  // The closed case: its box says the follow-up is due, and the check is recorded without reopening it.
  await page.getByRole('link', { name: 'Cases', exact: true }).first().click()
  await page.getByRole('link', { name: 'Gwenllian Pryce' }).click()
  const closed = page.getByRole('region', { name: 'This case is closed' })
  await expect(closed).toContainText('Follow-up check 3 months after closure due (from 20/11/2026).')
  await closed.getByRole('link', { name: 'Record the follow-up check' }).click()
  await expect(page.getByRole('heading', { level: 2, name: 'Follow-up checks after closure' })).toBeVisible()
  await page.getByRole('button', { name: 'Add a follow-up check' }).click()
  await page.getByRole('group', { name: 'Follow-up check' }).getByLabel('3 months after closure').check()
  await page.getByLabel('Checked on').fill(daysAgo(0))
  await page.getByRole('group', { name: 'How contact was made' }).getByLabel('Through a partner agency').check()
  await page.getByRole('group', { name: 'Still accommodated?' }).getByLabel('No', { exact: true }).check()
  await page.getByRole('group', { name: 'Returned to rough sleeping?' }).getByLabel('Yes', { exact: true }).check()
  await page.getByRole('group', { name: 'Returned to the area where they slept rough?' }).getByLabel('Yes', { exact: true }).check()
  await page.getByLabel('Note', { exact: true }).fill('Seen at the Strand by Westminster Outreach.')
  await page.getByRole('button', { name: 'Add a follow-up check', exact: true }).last().click()
  const check = page.getByRole('row', { name: /3 months after closure/ })
  await expect(check).toContainText('Through a partner agency')
  await expect(check).toContainText('Seen at the Strand by Westminster Outreach.')
  // Still closed, and no longer asking for the check.
  await expect(closed).toBeVisible()
  await expect(closed).not.toContainText('Follow-up check 3 months')
  await screenshot(page, testInfo, 'follow-up-on-closed-case')
  await expectAccessible(page, 'a follow-up check on a closed case')

  // The table's many columns keep its Change and Remove inside the panel; on a smaller laptop the
  // table scrolls inside it, and Remove comes into view when reached by keyboard.
  const panel = page.getByRole('region', { name: 'Follow-up checks', exact: true })
  const remove = check.getByRole('button', { name: /^Remove/ })
  const rightEdge = async (locator: typeof panel) => ((box) => box.x + box.width)((await locator.boundingBox())!)
  expect(await rightEdge(remove)).toBeLessThanOrEqual(await rightEdge(panel))
  await screenshot(page, testInfo, 'follow-up-table')
  await page.setViewportSize({ width: 1024, height: 800 })
  expect(await rightEdge(panel.locator('.table-scroll'))).toBeLessThanOrEqual(await rightEdge(panel))
  await remove.focus()
  await expect(remove).toBeInViewport()
  expect(await rightEdge(remove)).toBeLessThanOrEqual(await rightEdge(panel))
  await screenshot(page, testInfo, 'follow-up-table-narrow')
})
