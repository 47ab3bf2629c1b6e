import { writeFileSync } from 'node:fs'
import { userInfo } from 'node:os'
import { join } from 'node:path'
import type { Page } from '@playwright/test'
import { referral } from '../support/people'
import { tempDir } from '../support/temp-dir'
import { expect, expectAccessible, screenshot, signIn, test } from './app'
import { casework } from './casework'
import { run, serve } from './team-server'

/** The window's local storage keys naming a case: its drafts. */
const draftKeysOf = (page: Page, caseId: string) => page.evaluate((id) => Object.keys(localStorage).filter((key) => key.includes(id)), caseId)

/** Types into a case's referral form and leaves it unsaved. */
async function typeUnsaved(page: Page, caseId: string, chain: string) {
  await page.goto(`${page.url().split('#')[0]}#/cases/${caseId}`)
  await casework(page).change('Referral form')
  await page.getByLabel('CHAIN number').fill(chain)
  await expect(page.locator('.save-state')).toHaveText('Not saved yet: Referral form')
  expect(await draftKeysOf(page, caseId)).toHaveLength(1)
}

test('the drafts typed into a case erased or restricted to others go from the window: at once while it is open, and when it next starts', async ({ app, colleague }, testInfo) => {
  test.skip(testInfo.project.name === 'electron', 'The team server is the same for both; this runs once, in the browser mode.')
  test.setTimeout(240_000)
  const dirs = tempDir('withheld-drafts-e2e')
  const server = await serve(join(dirs.path, 'server-data'))
  try {
    // The manager (this app's workspace, on the command line) with three cases; Amina's laptop joined.
    run('team', 'create', '--server', server.url, '--setup-code', server.setupCode!, '--name', 'Safe Connections North', '--data', app.dataDir)
    const add = (clientName: string, chainNumber: string) => {
      const file = join(dirs.path, `${chainNumber}.json`)
      writeFileSync(file, JSON.stringify(referral({ clientName, chainNumber })))
      return run('case', 'add', '--json-file', file, '--data', app.dataDir).trim()
    }
    const restricted = add('Łukasz Wiśniewski', '1010101')
    const erased = add('Zofia Wiśniewska', '2020202')
    const erasedLater = add('Aoife Byrne', '3030303')
    run('sync', '--once', '--data', app.dataDir)
    const code = (JSON.parse(run('team', 'join-code', '--for', 'Amina Okafor', '--role', 'caseworker', '--data', app.dataDir, '--json')) as { joinCode: string }).joinCode
    run('join', '--server', server.url, '--code', code, '--data', colleague.dataDir)
    run('sync', '--once', '--data', colleague.dataDir)

    // Amina types into each case and saves none; her window stays on the last.
    const hers = await colleague.open()
    await signIn(hers)
    await typeUnsaved(hers, erasedLater, '3333333')
    await typeUnsaved(hers, restricted, '1111111')
    await typeUnsaved(hers, erased, '2222222')

    // The manager restricts one case to themselves and erases another, while Amina's window is open.
    run('case', 'restrict', restricted, '--to', `${userInfo().username} (command line)`, '--data', app.dataDir)
    run('erase', erased, '--reason', 'The client asked to be forgotten', '--data', app.dataDir)
    await expect(hers.getByRole('heading', { level: 1, name: 'Erased case' })).toBeVisible({ timeout: 30_000 })
    await expect(hers.getByText('This case has been erased, so it has been deleted from this laptop.')).toBeVisible()
    await expect.poll(() => draftKeysOf(hers, erased)).toEqual([])
    await expect.poll(() => draftKeysOf(hers, restricted)).toEqual([])
    // A case she still holds keeps what she typed.
    expect(await draftKeysOf(hers, erasedLater)).toHaveLength(1)
    await expect(hers.getByRole('contentinfo').getByRole('status')).toContainText('Not saved yet: 1 form (Referral form for Aoife Byrne)')
    await screenshot(hers, testInfo, 'erased-case-let-go')
    await expectAccessible(hers, 'an open case erased from elsewhere')

    // With Amina's Homeward stopped, the manager erases the last case; her laptop syncs without a window.
    await colleague.quit()
    run('erase', erasedLater, '--reason', 'The client asked to be forgotten', '--data', app.dataDir)
    run('sync', '--once', '--data', colleague.dataDir)
    expect(await draftKeysOf(hers, erasedLater)).toHaveLength(1)
    // Started again: its drafts go before anyone signs in.
    await hers.goto(await colleague.restartServerOnly!())
    await expect(hers.getByRole('heading', { name: 'Sign in' })).toBeVisible()
    await expect.poll(() => draftKeysOf(hers, erasedLater)).toEqual([])
  } finally {
    server.process.kill('SIGTERM')
    dirs.remove()
  }
})
