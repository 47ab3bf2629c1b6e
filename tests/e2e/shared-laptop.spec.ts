import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { referral } from '../support/people'
import { tempDir } from '../support/temp-dir'
import { expect, expectAccessible, screenshot, signIn, test } from './app'
import { run, serve, stop } from './team-server'

test('someone else who uses a laptop joins it with their join code, chooses a PIN, and their change is theirs after "Switch user"', async ({ app, colleague }, testInfo) => {
  test.skip(testInfo.project.name === 'electron', 'The team server is the same for both; this runs once, in the browser mode.')
  test.setTimeout(180_000)
  const dirs = tempDir('shared-laptop-e2e')
  const server = await serve(join(dirs.path, 'server-data'))
  try {
    // The manager's laptop (the colleague's folder) makes the team and a case; Amina's laptop (this app's) joins.
    run('team', 'create', '--server', server.url, '--setup-code', server.setupCode!, '--name', 'Safe Connections North', '--data', colleague.dataDir)
    const file = join(dirs.path, 'referral.json')
    writeFileSync(file, JSON.stringify(referral()))
    const caseId = run('case', 'add', '--json-file', file, '--data', colleague.dataDir).trim()
    run('sync', '--once', '--data', colleague.dataDir)
    const joinCode = (forWhom: string) => (JSON.parse(run('team', 'join-code', '--for', forWhom, '--role', 'caseworker', '--data', colleague.dataDir, '--json')) as { joinCode: string }).joinCode
    run('join', '--server', server.url, '--code', joinCode('Amina Okafor'), '--data', app.dataDir)
    const josCode = joinCode('Jo Price')

    const page = await app.open()
    await signIn(page)
    await expect(page.getByText('Signed in as Amina Okafor')).toBeVisible()
    await page.getByRole('button', { name: 'Lock' }).click()

    // Jo, at Amina's laptop: the manager's code made for her.
    await page.getByRole('button', { name: 'Someone else uses this laptop' }).click()
    await expect(page.getByLabel('Join code')).toBeFocused()
    await page.getByLabel('Join code').fill('NOT-A-CODE')
    await page.getByRole('button', { name: 'Continue' }).click()
    await expect(page.getByRole('alert')).toContainText('That join code is not right')
    await screenshot(page, testInfo, 'someone-else-wrong-code')
    await expectAccessible(page, 'someone else joining a laptop')
    await page.getByLabel('Join code').fill(josCode)
    await page.getByRole('button', { name: 'Continue' }).click()
    await expect(page.getByRole('heading', { name: 'Choose a PIN to protect this laptop' })).toBeVisible()
    await expect(page.getByRole('radio', { name: 'Jo Price' })).toBeChecked()
    await screenshot(page, testInfo, 'someone-else-choose-pin')
    await signIn(page)
    await expect(page.getByText('Signed in as Jo Price')).toBeVisible()

    // Switch user: Amina, then Jo again with her own PIN; Jo's note is hers in the case's history.
    await page.getByRole('button', { name: 'Switch user' }).click()
    await signIn(page, 'Amina Okafor')
    await expect(page.getByText('Signed in as Amina Okafor')).toBeVisible()
    await page.getByRole('button', { name: 'Switch user' }).click()
    await signIn(page, 'Jo Price')
    await page.goto(`${page.url().split('#')[0]}#/cases/${caseId}`)
    await page.getByRole('link', { name: /^Contact log/ }).click()
    await page.getByLabel('Note', { exact: true }).fill('Met at the day centre; Jo took the call.')
    await page.getByRole('button', { name: 'Add note' }).click()
    await page.goto(`${page.url().split('#')[0]}#/cases/${caseId}/history`)
    const changes = page.getByRole('table', { name: 'Every change to this case, newest first' })
    await expect(changes.getByRole('row').nth(1)).toContainText('Jo Price')
    await screenshot(page, testInfo, 'shared-laptop-history')
  } finally {
    await stop(server.process)
    dirs.remove()
  }
})
