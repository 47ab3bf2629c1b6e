import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { openWorkspace } from '../../src/main/core/workspace'
import { tempDir } from '../support/temp-dir'
import { expect, expectAccessible, screenshot, signIn, test } from './app'
import { casework } from './casework'
import { homeward, serve, stop } from './team-server'

const CLIENT = 'Łukasz Wiśniewski'

/** The window's drafts (forms typed in and not saved), as it keeps them. */
const draftKeys = (page: import('@playwright/test').Page) =>
  page.evaluate(() => Object.keys(localStorage).filter((key) => key.startsWith('homeward-draft:')))

test('a laptop revoked while its window is open deletes the team’s data, says so, and starts again as a first run', async ({ app }, testInfo) => {
  test.skip(testInfo.project.name === 'electron', 'The team server is the same for both; this runs once, in the browser mode.')
  test.setTimeout(180_000)
  const dirs = tempDir('lost-laptop-e2e')
  const server = await serve(join(dirs.path, 'server-data'))
  try {
    // The manager's laptop (the command line) creates the team and a case.
    const manager = join(dirs.path, 'manager')
    const managerWorkspace = await openWorkspace({ dataDir: manager })
    managerWorkspace.team.setProfile({ name: 'Derek Hall' })
    await managerWorkspace.close()
    const created = homeward('team', 'create', '--server', server.url, '--setup-code', server.setupCode!, '--name', 'Safe Connections North', '--data', manager, '--json')
    expect(created.err).toBe('')
    const { joinCode } = JSON.parse(created.out) as { joinCode: string }
    const referral = join(dirs.path, 'referral.json')
    writeFileSync(referral, JSON.stringify({ clientName: CLIENT, dateOfBirth: '1984-05-17', chainNumber: '123456', referrerName: 'Sam Reed', outreachTeam: 'Tower Hamlets Outreach' }))
    expect(homeward('case', 'add', '--json-file', referral, '--data', manager).code).toBe(0)
    expect(homeward('sync', '--once', '--data', manager).code).toBe(0)

    // Amina's laptop (the app) joins the team: the case arrives.
    const amina = await openWorkspace({ dataDir: app.dataDir })
    amina.team.setProfile({ name: 'Amina Okafor' })
    await amina.close()
    const joined = homeward('join', '--server', server.url, '--code', joinCode, '--device-name', 'Amina’s laptop', '--data', app.dataDir, '--json')
    expect(joined.err).toBe('')
    const { deviceId } = JSON.parse(joined.out) as { deviceId: string }
    const page = await app.open()
    await signIn(page)
    const mainNav = page.getByRole('navigation', { name: 'Main' })
    await expect(page.locator('.footer')).toContainText('Synced with the team', { timeout: 20_000 })
    await mainNav.getByRole('link', { name: 'Cases', exact: true }).click()
    await expect(page.getByRole('link', { name: CLIENT })).toBeVisible()

    // A referral half-typed, kept as a draft in the window.
    await mainNav.getByRole('link', { name: 'Add a referral' }).click()
    await page.getByLabel('Client name').fill('Gwenllian Jones')
    await expect.poll(() => draftKeys(page)).not.toEqual([])

    // The laptop is lost: the manager revokes it while its window is open.
    expect(homeward('devices', 'revoke', deviceId, '--data', manager).code).toBe(0)
    const notice = page.getByRole('heading', { level: 1, name: 'This laptop is no longer in the team' })
    await expect(notice).toBeVisible({ timeout: 20_000 })
    await expect(page.getByText(/^This laptop was taken off the team on \d\d\/\d\d\/\d{4} at \d\d:\d\d by the team's server\. The team's data on it was deleted\.$/)).toBeVisible()
    expect(await draftKeys(page)).toEqual([])
    await expect(page.getByRole('button', { name: 'Start again' })).toBeFocused()
    await screenshot(page, testInfo, 'taken-off-team')
    await expectAccessible(page, 'the notice that the laptop was taken off the team')

    // Reloaded, the window meets a working app (the folder opened again), still saying what happened.
    await page.reload()
    await expect(notice).toBeVisible()

    // Start again: the first run, and no case of the team's.
    await page.getByRole('button', { name: 'Start again' }).click()
    await expect(page.getByRole('heading', { level: 1, name: 'Who is using this laptop?' })).toBeVisible()
    await screenshot(page, testInfo, 'taken-off-team-start-again')
    await casework(page).firstRun('Amina Okafor')
    await mainNav.getByRole('link', { name: 'Cases', exact: true }).click()
    await expect(page.getByRole('heading', { name: 'No cases yet' })).toBeVisible()
    await expect(page.getByRole('link', { name: CLIENT })).toHaveCount(0)
    await expect(page.locator('.footer')).toContainText('Not in a team')
  } finally {
    await stop(server.process)
    dirs.remove()
  }
})
