import { openWorkspace } from '../../src/main/core/workspace'
import { seedWorkspace } from '../../src/main/core/seed/seed'
import * as change from '../../src/shared/case/changes'
import { caseReadyForPack } from '../support/paperwork'
import { expect, screenshot, signIn, test } from './app'

/** Every tab of the case page: its phases, then the tabs under them. */
const TABS = [/Identify/, /Allocate/, /Engage/, /Reconnection planning/, /^Reconnection$|Phase 5/, /Intensive support/, /Step down/, /Case closure/, /^Contact log/, /^Actions/, /^Expenses/, /^Warning markers/, /^Documents/, /^History/, /^After closure/]

test('the case page fits a 1024-pixel window on every tab, long words and all', async ({ app }, testInfo) => {
  test.setTimeout(240_000)
  const ws = await openWorkspace({ dataDir: app.dataDir })
  ws.team.setProfile({ name: 'Derek Hall' })
  await seedWorkspace(ws, { cases: 12, seed: 3 })
  const id = await caseReadyForPack(ws, 'Marek Nowak')
  // Words with no place to break: an email address, a name, a web address in a note.
  await ws.cases.change(id, (doc, context) => {
    change.updateSection(doc, 'contact', { email: 'marek.nowak.and.his.very.long.address.for.the.council@bradford-recovery-and-floating-support.example.org.uk', aliases: 'Marek-Nowak-Kowalski-Wiśniewski-Lewandowski-Zieliński' }, context)
    change.addItem(doc, 'markers', 'm1', { kind: 'risk-to-staff', details: 'https://intranet.example.org/safeguarding/cases/marek-nowak/risk-assessment-2026-11-12-final-version.pdf', raisedOn: '2026-11-01' }, context)
    // An onward referral with several actions agreed with the partner, one of them in long words.
    change.addItem(doc, 'onwardReferrals', 'r1', { agency: 'Bradford Recovery and Floating Support Partnership (North and West)', madeOn: '2026-11-12', reason: 'Floating support', outcome: 'accepted' }, context)
    change.addPartnerAction(doc, 'r1', 'a1', { partnerAction: 'First home visit', partnerActionBy: 'Sarah Jones', partnerActionDue: '2026-11-13', partnerActionDoneOn: '2026-11-13' }, context)
    change.addPartnerAction(doc, 'r1', 'a2', { partnerAction: 'Send https://intranet.example.org/floating-support/referrals/marek-nowak/universal-credit-claim-evidence-2026.pdf', partnerActionBy: 'bradford-recovery-and-floating-support.example.org.uk', partnerActionDue: '2026-11-14' }, context)
    change.addPartnerAction(doc, 'r1', 'a3', { partnerAction: 'Introduce him at the day centre', partnerActionBy: 'Derek Hall', partnerActionDue: '2026-11-20' }, context)
  })
  await ws.cases.addNote(id, { date: '2026-11-20', type: 'phone', text: 'See https://intranet.example.org/safeguarding/cases/marek-nowak/notes-from-the-bradford-floating-support-team-2026.pdf' })
  await ws.close()

  const page = await app.open()
  await page.setViewportSize({ width: 1024, height: 768 })
  await signIn(page)
  await page.getByRole('link', { name: 'Marek Nowak' }).click()
  const nav = page.getByRole('navigation', { name: 'Phases of the case' })
  for (const tab of TABS) {
    await nav.getByRole('link', { name: tab }).first().click()
    await expect(page.getByRole('heading', { level: 2 }).first()).toBeVisible()
    const widths = await page.evaluate(() => ({ page: document.documentElement.scrollWidth, window: window.innerWidth }))
    if (widths.page > 1024) await screenshot(page, testInfo, `too-wide-${String(tab).replace(/\W+/g, '-')}`)
    expect(widths.page, `the case page's ${String(tab)} tab is wider than the window`).toBeLessThanOrEqual(1024)
    if (['/Identify/', '/^Contact log/', '/^Warning markers/'].includes(String(tab))) await screenshot(page, testInfo, `case-page-at-1024-${String(tab).replace(/\W+/g, '-')}`)
  }

  // The agreed actions of an onward referral, with the forms to add one and change one open.
  await nav.getByRole('link', { name: /Intensive support/ }).first().click()
  const agreed = page.getByRole('region', { name: /^Actions agreed with Bradford Recovery/ })
  await agreed.getByRole('button', { name: 'Add an agreed action' }).click()
  await agreed.getByRole('row', { name: /universal-credit-claim/ }).getByRole('button', { name: /^Change/ }).click()
  await expect(agreed.getByRole('heading', { name: 'Change this agreed action' })).toBeVisible()
  const widths = await page.evaluate(() => ({ page: document.documentElement.scrollWidth, window: window.innerWidth }))
  await agreed.scrollIntoViewIfNeeded()
  await screenshot(page, testInfo, 'case-page-at-1024-agreed-actions')
  expect(widths.page, 'the agreed actions, with their forms open, are wider than the window').toBeLessThanOrEqual(1024)
  // Long typed words break inside their cells: the table fits its panel, nothing scrolled out of sight.
  const table = agreed.locator('.table-scroll')
  expect(await table.evaluate((scroll) => scroll.scrollWidth - scroll.clientWidth)).toBeLessThanOrEqual(0)
})
