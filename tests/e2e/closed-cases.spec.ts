import { openWorkspace } from '../../src/main/core/workspace'
import { seedWorkspace } from '../../src/main/core/seed/seed'
import * as change from '../../src/shared/case/changes'
import { walkTo } from '../support/cases'
import { textPdf } from '../support/fixtures'
import { caseReadyForPack, setUpTeamSettings } from '../support/paperwork'
import { referral } from '../support/people'
import { expect, expectAccessible, screenshot, signIn, test } from './app'
import { casework } from './casework'

test('a closed case looks closed and is read-only until reopened; the case list filters and pages; search forgives a slip', async ({ app }, testInfo) => {
  test.setTimeout(240_000)
  const ws = await openWorkspace({ dataDir: app.dataDir })
  ws.team.setProfile({ name: 'Amina Okafor' })
  // More than a page of cases in every phase and ending, and one client to follow.
  await seedWorkspace(ws, { cases: 60, seed: 7 })
  const gwen = await ws.cases.create(referral({ clientName: 'Gwenllian Pryce', chainNumber: '7654321', dateOfBirth: '1988-04-02' }))
  await ws.cases.change(gwen, (doc, context) => {
    // Taken on: a referral still to be decided ends by being rejected, not closed from the next step.
    change.updateSection(doc, 'referral', { criterionLocalConnection: 'yes', criterionRoughSleeping: 'living-on-street', criterionMultipleNeeds: 'yes' }, context)
    change.acceptReferral(doc, context.today, context)
    change.addItem(doc, 'addresses', 'address-1', { address: '12 Stryd Fawr, Caernarfon', localAuthority: 'W06000002', kind: 'own-tenancy', from: '2019-03-01', to: '2025-02-01' }, context)
    change.addAction(doc, 'action-1', { description: 'Ring his sister in Caernarfon', due: '2026-12-01' }, { id: 'member-amina', name: 'Amina Okafor' }, context)
  })
  // An action agreed a week ago, due yesterday and not done when the case closes.
  const daysAgo = (n: number) => new Date(Date.now() - n * 86_400_000).toISOString().slice(0, 10)
  await ws.cases.change(gwen, (doc, context) =>
    change.addAction(doc, 'ring-gp', { description: 'Ring the GP practice', due: daysAgo(1) }, context.author, { ...context, today: daysAgo(7) }),
  )
  await ws.close()

  const page = await app.open()
  await signIn(page)
  const work = casework(page)

  // Search: a slip of spelling in the name, and a town from an address.
  const search = async (text: string) => {
    await page.getByRole('searchbox', { name: 'Search cases' }).fill(text)
    await page.getByRole('searchbox', { name: 'Search cases' }).press('Enter')
    await expect(page.getByRole('heading', { level: 1, name: 'Search results' })).toBeVisible()
  }
  await search('gwenlian')
  await expect(page.getByRole('link', { name: 'Gwenllian Pryce' })).toBeVisible()
  await search('Caernarfon')
  await expect(page.getByRole('row', { name: /Gwenllian Pryce/ })).toContainText('Addresses')
  // A word of an action, and a first letter (names beginning with it).
  await search('ring his sister')
  await expect(page.getByRole('row', { name: /Gwenllian Pryce/ })).toContainText('Actions and other forms')
  await screenshot(page, testInfo, 'search-found-in-an-action')
  await expectAccessible(page, 'search results found in an action')
  await search('g')
  await expect(page.getByRole('link', { name: 'Gwenllian Pryce' })).toBeVisible()
  await page.getByRole('link', { name: 'Gwenllian Pryce' }).click()

  // Closed as not appropriate, through the window.
  await work.open('Close the case')
  await work.nextStep.getByLabel('Reconnection not appropriate').check()
  await work.nextStep.getByLabel('Why reconnection is not appropriate').selectOption({ label: 'The client refused reconnection' })
  await work.nextStep.getByLabel('Details').fill('Wants to stay near his daughter in London')
  await work.nextStep.getByRole('button', { name: 'Close the case' }).click()

  const header = page.locator('.case-header')
  await expect(header.getByText('Closed — not appropriate', { exact: true })).toBeVisible()
  // One box says so, where the next step was: how, why, when and by whom, and the way to reopen it.
  const banner = page.getByRole('region', { name: 'This case is closed' })
  await expect(banner).toContainText('Reconnection not appropriate: The client refused reconnection')
  await expect(banner).toContainText(/Closed on \d\d\/\d\d\/\d{4} by Amina Okafor\. Wants to stay near his daughter in London/)
  await expect(banner).toContainText('Its forms are read-only: reopen it to change them.')
  await expect(page.locator('.banner').filter({ hasText: /closed/i })).toHaveCount(0)
  await expect(page.getByRole('group', { name: 'Read only: the case is closed' })).toBeVisible()
  // Read-only, and it looks it: no section or list offers a Change, Add or Remove, greyed or not,
  // in any phase or on any of its logs; what they hold is still shown.
  const main = page.locator('.case-main')
  const editing = /^(Change|Add|Remove|Record|Allocate|Accept|Reject|Mark done|Correct|Override)\b/
  for (const part of [/^Phase 1: /, /^Phase 2: /, /^Phase 3: /, /^Phase 4: /, /^Phase 5: /, /^Phase 6: /, /^Phase 7: /, /^Phase 8: /, /^Contact log/, /^Actions/, /^Expenses/, /^Warning markers/]) {
    const link = page.getByRole('navigation', { name: 'Phases of the case' }).getByRole('link', { name: part })
    await link.click()
    await expect(link).toHaveAttribute('aria-current', 'page')
    await expect(main.getByRole('button', { name: editing }), `${part}`).toHaveCount(0)
    await expect(main.locator('button:disabled, input:not([type=hidden]), select, textarea'), `${part}`).toHaveCount(0)
  }
  await page.getByRole('link', { name: /^Actions/ }).click()
  await expect(main.getByRole('table', { name: 'Actions on this case, open ones first' })).toContainText('Ring his sister in Caernarfon')
  await screenshot(page, testInfo, 'closed-case-read-only')
  await expectAccessible(page, 'a closed case')
  // Its open action stays as it was, but is no one's work now: not overdue.
  await page.getByRole('link', { name: /^Actions/ }).click()
  const action = page.getByRole('row', { name: /Ring the GP practice/ })
  await expect(action).toContainText('Not done when the case closed')
  await expect(action).not.toContainText('Overdue')
  await screenshot(page, testInfo, 'closed-case-actions')
  // Phase 4: the addresses are listed, with nothing to change them; the safety checks, not passed
  // when it closed, are not the red alarm of a case still to be moved (nothing is blocked now).
  await page.getByRole('link', { name: /^Phase 4: / }).click()
  await expect(main.getByRole('table', { name: 'Address history' })).toContainText('12 Stryd Fawr, Caernarfon')
  await expect(main.getByRole('table', { name: 'Address history' }).getByRole('columnheader', { name: 'Changes' })).toHaveCount(0)
  await expect(page.getByRole('region', { name: 'The safety checks did not pass' })).toBeVisible()
  await expect(page.getByText('Reconnection is blocked')).toHaveCount(0)
  await expect(page.locator('.gate--blocked')).toHaveCount(0)
  await screenshot(page, testInfo, 'closed-case-phase-4')
  await expectAccessible(page, "a closed case's Phase 4")
  // What is still done on a closed case is still offered: a follow-up check after closure.
  await page.getByRole('link', { name: /^After closure/ }).click()
  await expect(main.getByRole('button', { name: 'Add a follow-up check' })).toBeEnabled()

  // Listed as closed, not as the phase it was closed in.
  await page.getByRole('link', { name: 'Cases', exact: true }).first().click()
  await expect(page.getByRole('row', { name: /Gwenllian Pryce/ })).toContainText('Closed — not appropriate')

  // Filters, kept in the address over a reload; then pages.
  await page.getByLabel('Show').selectOption({ label: 'Closed cases' })
  await expect(page.getByRole('row', { name: /Gwenllian Pryce/ })).toBeVisible()
  // Retried until the filter has applied: Gwenllian is listed before it does, too.
  const rows = page.locator('table tbody tr')
  await expect(rows.filter({ hasNotText: 'Closed —' })).toHaveCount(0)
  await expect(rows.filter({ hasText: 'Closed —' }).first()).toBeVisible()
  await page.reload()
  await expect(page.getByLabel('Show')).toHaveValue('closed')
  await expect(page.getByRole('row', { name: /Gwenllian Pryce/ })).toBeVisible()
  await page.getByLabel('Lead caseworker').selectOption({ label: 'Me (my cases)' })
  await expect(page.getByText('No cases match these filters.')).toBeVisible()
  await page.getByLabel('Lead caseworker').selectOption({ label: 'Everyone' })
  await page.getByLabel('Show').selectOption({ label: 'Open and closed cases' })
  await expect(page.getByRole('status').filter({ hasText: 'Showing 1–50 of 61' })).toBeVisible()
  await page.getByRole('button', { name: 'Next page' }).click()
  await expect(page.getByRole('status').filter({ hasText: 'Showing 51–61 of 61' })).toBeVisible()
  await expect(page.getByRole('button', { name: 'Next page' })).toBeDisabled()
  await screenshot(page, testInfo, 'case-list-second-page')
  await expectAccessible(page, 'the case list, filtered and paged')
  await page.getByRole('button', { name: 'Previous page' }).click()
  await expect(page.getByRole('status').filter({ hasText: 'Showing 1–50 of 61' })).toBeVisible()

  // Reopened with a reason: editable again, in the phase it was closed in, and the history says so.
  await page.getByRole('link', { name: 'Gwenllian Pryce' }).click()
  await banner.locator('summary', { hasText: 'Reopen the case' }).click()
  await banner.getByRole('button', { name: 'Reopen the case' }).click()
  await expect(banner.getByText('Say why the case is being reopened').first()).toBeVisible()
  await banner.getByLabel('Why is the case being reopened?').fill('He has asked to go home to Caernarfon after all')
  await banner.getByRole('button', { name: 'Reopen the case' }).click()
  await expect(banner).toHaveCount(0)
  await expect(header.getByText('Phase 1 – Identify', { exact: true })).toBeVisible()
  await expect(page.getByRole('heading', { level: 2, name: 'Next step' })).toBeFocused()
  await expect(main.getByRole('button').first()).toBeEnabled()
  await page.getByRole('link', { name: 'History' }).click()
  const reopened = page.locator('.history li').first()
  await expect(reopened).toContainText('Reopened in Phase 1 – Identify')
  await expect(reopened).toContainText('He has asked to go home to Caernarfon after all')
  await expect(reopened).toContainText('It had been closed — not appropriate on')
  await screenshot(page, testInfo, 'reopened-case-history')
  await expectAccessible(page, 'a reopened case, its history')
})

test("Tool 4's Step 7 in the next step leads to the letter; a closed case says so in one place, keeps its scans as they are, still makes its closure letter, and shows closed on the meeting's agenda", async ({ app }, testInfo) => {
  test.setTimeout(180_000)
  // A case at Step 7 of Tool 4, with a scan, already on a meeting's agenda.
  const ws = await openWorkspace({ dataDir: app.dataDir })
  ws.team.setProfile({ name: 'Derek Hall' })
  await setUpTeamSettings(ws)
  const caseId = await caseReadyForPack(ws, 'Gwenllian Parry')
  await ws.cases.change(caseId, (doc, context) => {
    // Referred before the reconnection day the walk records (12/08/2026), as the date rules require.
    change.updateSection(doc, 'referral', { referralDate: '2026-05-01' }, context)
    walkTo(doc, 'closure-and-review')
    change.updateSection(doc, 'reconnectionDay', { newAddress: 'Flat 2, 18 Thornton Road\nBradford BD1 2JB' }, context)
    change.updateSection(doc, 'stepDown', { handoverAgencies: 'Bradford Recovery Service: Sam Khan is your key worker' }, context)
    change.updateSection(doc, 'closure', { sufficientSupport: 'yes', lowRiskOfReturn: 'yes', inTemporaryAccommodation: 'no' }, context)
  })
  await ws.attachments.add(caseId, { fileName: 'passport.pdf', bytes: await textPdf('Passport', 1), details: { type: 'identity', date: '2026-11-01', shareInPack: 'yes' } })
  // At the 3-month closure point, the case is on the agenda the meeting starts with.
  const meetingId = await ws.meetings.start()
  await ws.close()

  const page = await app.open()
  await signIn(page)
  const work = casework(page)
  await page.getByRole('link', { name: 'Gwenllian Parry' }).click()

  // The next step at Step 7 is the letter, and its link goes where the letter is made.
  await expect(work.nextStep).toContainText('Step 7:')
  await work.nextStep.getByRole('link', { name: 'Make the closure letter' }).click()
  await expect(page.getByRole('region', { name: 'Closure letter' }).getByText(/^Tool 4, Step 7/)).toBeFocused()

  // Closed (unplanned) here: one box says so, with how, when and by whom, and focus is on it.
  await work.open('Close the case')
  await work.nextStep.getByLabel('Unplanned').check()
  await work.nextStep.getByLabel('Reason', { exact: true }).selectOption({ index: 1 })
  await work.nextStep.getByRole('button', { name: 'Close the case' }).click()
  const closed = page.getByRole('region', { name: 'This case is closed' })
  await expect(closed.getByRole('heading', { name: 'This case is closed' })).toBeFocused()
  await expect(closed).toContainText(/Closed on \d\d\/\d\d\/\d{4} by Derek Hall\./)
  await expect(closed).toContainText('Its forms are read-only: reopen it to change them.')
  await expect(page.locator('.banner').filter({ hasText: /closed/i })).toHaveCount(0)
  await expect(page.getByRole('region', { name: 'Next step' })).toHaveCount(0)

  // Documents: the scan is listed and can be viewed, not changed, added or removed; no pack is offered.
  const documents = page.locator('.case-main')
  await expect(documents.getByText('The case is closed: scans cannot be added, changed or removed until it is reopened.')).toBeVisible()
  await expect(documents.getByRole('button', { name: 'View passport.pdf' })).toBeEnabled()
  await expect(documents.getByRole('button', { name: /^(Change|Remove|Move up|Move down) / })).toHaveCount(0)
  await expect(documents.getByText('Choose files')).toHaveCount(0)
  await expect(page.getByRole('region', { name: 'Presentation pack' })).toHaveCount(0)
  // The closure letter is still made once the case is closed.
  const letter = page.getByRole('region', { name: 'Closure letter' })
  await letter.getByRole('button', { name: 'Make the closure letter' }).click()
  const preview = page.getByRole('dialog', { name: 'Closure letter' })
  await expect(preview).toBeVisible()
  // No email address is recorded for her: the letter is not offered to email, and the one line says why.
  const noEmail = 'No email address is recorded for Gwenllian: print the closure letter to post or give to them.'
  await expect(preview.getByText(noEmail)).toBeVisible()
  await expect(preview.getByRole('button', { name: /^Prepare email/ })).toHaveCount(0)
  // In a narrow window, the preview's buttons stay on one line: "Close" beside the others, not under them.
  const wide = page.viewportSize()!
  await page.setViewportSize({ width: 640, height: wide.height })
  const top = async (name: string) => (await preview.getByRole('button', { name, exact: true }).boundingBox())!.y
  expect(await top('Close')).toBe(await top('Open to print'))
  await page.screenshot({ path: testInfo.outputPath('closure-letter-preview-narrow.png') })
  await page.setViewportSize(wide)
  await preview.getByRole('button', { name: 'Close' }).click()
  const madeLetter = page.getByRole('region', { name: 'Made from this case' }).getByRole('row', { name: /Closure letter/ })
  await expect(madeLetter).toBeVisible()
  await expect(madeLetter.getByText(noEmail)).toBeVisible()
  await expect(madeLetter.getByRole('button', { name: /^Prepare email/ })).toHaveCount(0)
  await screenshot(page, testInfo, 'closed-case-documents')
  await expectAccessible(page, "a closed case's documents")

  // The address history still shows the addresses, but offers no "Attach evidence": adding a scan is refused.
  await page.goto(page.url().replace(/#.*$/, `#/cases/${caseId}/phase/reconnection-planning`))
  const addresses = page.getByRole('table', { name: 'Address history' })
  await expect(addresses).toContainText('14 Manningham Lane, Bradford')
  await expect(addresses.getByRole('link', { name: /^Attach evidence/ })).toHaveCount(0)
  await screenshot(page, testInfo, 'closed-case-addresses')
  // An empty list says nothing is recorded, in its words, and invites nothing the closed case cannot take.
  const onward = page.getByRole('region', { name: 'Onward referrals' })
  await expect(onward.getByText('No referrals to other agencies recorded.', { exact: true })).toBeVisible()
  await expect(onward.getByText(/Add each one/)).toHaveCount(0)

  // Tool 4 on the closed case: no step is "Now"; the steps left undone say so.
  await page.goto(page.url().replace(/#.*$/, `#/cases/${caseId}/phase/closure-and-review`))
  const tool4 = page.getByRole('region', { name: 'Tool 4: case closure and review' })
  await expect(tool4.getByRole('listitem').filter({ hasText: 'Step 7:' }).locator('.step__state')).toHaveText('Not done')
  await expect(tool4.locator('.step__state').filter({ hasText: /^Now$/ })).toHaveCount(0)
  await expect(tool4.locator('.step--current')).toHaveCount(0)
  await screenshot(page, testInfo, 'closed-case-tool-4')
  await expectAccessible(page, "a closed case's Tool 4")

  // The meeting's agenda, made while the case was open, names it as closed, and takes no actions for it.
  await page.goto(page.url().replace(/#.*$/, `#/meetings/${meetingId}`))
  const agenda = page.getByRole('navigation', { name: 'Agenda' })
  await expect(agenda.getByRole('listitem').filter({ hasText: 'Gwenllian Parry' })).toContainText('Closed — unplanned')
  await agenda.getByRole('button', { name: 'Gwenllian Parry', exact: true }).click()
  const item = page.getByRole('region', { name: 'Gwenllian Parry' })
  await expect(item.getByText('Closed — unplanned', { exact: true })).toBeVisible()
  await expect(item.getByText('The case is closed: reopen it to add actions to it.')).toBeVisible()
  await expect(item.getByLabel('New action')).toHaveCount(0)
  await screenshot(page, testInfo, 'meeting-closed-case')
  await expectAccessible(page, 'a meeting with a closed case on its agenda')
})
