import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { referral } from '../support/people'
import { tempDir } from '../support/temp-dir'
import { expect, expectAccessible, screenshot, signIn, test } from './app'
import { run, serve } from './team-server'

test('the manager restricts a case to a colleague from its header, sees whom it is restricted to, narrows it (the colleague’s open window lets it go), and clears it', async ({ app, colleague }, testInfo) => {
  test.skip(testInfo.project.name === 'electron', 'The team server is the same for both; this runs once, in the browser mode.')
  test.setTimeout(180_000)
  const dirs = tempDir('restrict-e2e')
  const server = await serve(join(dirs.path, 'server-data'))
  try {
    // The team as the command line makes it: the manager's laptop (this app's workspace) with a case, and Amina's laptop joined.
    run('team', 'create', '--server', server.url, '--setup-code', server.setupCode!, '--name', 'Safe Connections North', '--data', app.dataDir)
    const file = join(dirs.path, 'referral.json')
    writeFileSync(file, JSON.stringify(referral()))
    const caseId = run('case', 'add', '--json-file', file, '--data', app.dataDir).trim()
    run('sync', '--once', '--data', app.dataDir)
    const code = (JSON.parse(run('team', 'join-code', '--for', 'Amina Okafor', '--role', 'caseworker', '--data', app.dataDir, '--json')) as { joinCode: string }).joinCode
    run('join', '--server', server.url, '--code', code, '--data', colleague.dataDir)
    run('sync', '--once', '--data', app.dataDir)

    const page = await app.open()
    await signIn(page)
    await page.goto(`${page.url().split('#')[0]}#/cases/${caseId}`)
    await expect(page.getByRole('heading', { level: 1, name: 'Łukasz Wiśniewski' })).toBeVisible()
    const summary = page.locator('summary', { hasText: 'Restrict this case' })
    await summary.focus()
    await page.keyboard.press('Enter')
    await page.getByLabel('Amina Okafor').check()
    await page.getByRole('button', { name: 'Restrict this case' }).click()
    // The answer that acts takes focus.
    await expect(page.getByRole('button', { name: 'Restrict', exact: true })).toBeFocused()
    await page.keyboard.press('Enter')
    const mark = page.locator('.restriction__mark')
    await expect(mark).toHaveText(/^Restricted to: Amina Okafor, .+ \(command line\)$/, { timeout: 15_000 })
    await expectAccessible(page, 'a restricted case’s header and its restriction panel')
    await screenshot(page, testInfo, 'restricted-case')

    // Amina has the case open in her window; the manager then keeps it to themselves alone.
    run('sync', '--once', '--data', colleague.dataDir)
    const hers = await colleague.open()
    await signIn(hers)
    await hers.goto(`${hers.url().split('#')[0]}#/cases/${caseId}`)
    await expect(hers.locator('.restriction__mark')).toHaveText(/^Restricted to: Amina Okafor, /, { timeout: 15_000 })
    await page.getByLabel('Amina Okafor').uncheck()
    await page.getByRole('button', { name: 'Restrict to these people' }).click()
    await page.getByRole('button', { name: 'Restrict', exact: true }).click()
    await expect(mark).toHaveText(/^Restricted to: .+ \(command line\)$/, { timeout: 15_000 })
    await expect(hers.getByRole('heading', { level: 1, name: 'Restricted case' })).toBeVisible({ timeout: 15_000 })
    await expect(hers.getByText('This case is restricted to other people in the team, so it has been deleted from this laptop.')).toBeVisible()
    await screenshot(hers, testInfo, 'restricted-away')

    await page.getByRole('button', { name: 'Clear the restriction' }).click()
    await page.getByRole('button', { name: 'Clear the restriction' }).click()
    await expect(mark).toHaveCount(0, { timeout: 15_000 })
  } finally {
    server.process.kill('SIGTERM')
    dirs.remove()
  }
})
