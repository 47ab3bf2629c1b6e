import { join } from 'node:path'
import { tempDir } from '../support/temp-dir'
import { expect, expectAccessible, screenshot, signIn, test } from './app'
import { run, serve, stop } from './team-server'

test('a manager takes someone off a laptop they share, from Team settings, after a confirmation naming them and the laptop', async ({ app, colleague }, testInfo) => {
  test.skip(testInfo.project.name === 'electron', 'The team server is the same for both; this runs once, in the browser mode.')
  test.setTimeout(180_000)
  const dirs = tempDir('person-off-e2e')
  const server = await serve(join(dirs.path, 'server-data'))
  try {
    // This app's laptop makes the team (its person its manager); Amina's laptop joins, and Jo shares it.
    run('team', 'create', '--server', server.url, '--setup-code', server.setupCode!, '--name', 'Safe Connections North', '--data', app.dataDir)
    const joinCode = (forWhom: string) => (JSON.parse(run('team', 'join-code', '--for', forWhom, '--role', 'caseworker', '--data', app.dataDir, '--json')) as { joinCode: string }).joinCode
    run('join', '--server', server.url, '--code', joinCode('Amina Okafor'), '--device-name', 'Front desk laptop', '--data', colleague.dataDir)
    process.env.HOMEWARD_PIN = '482913'
    try {
      run('person', 'add', '--code', joinCode('Jo Price'), '--data', colleague.dataDir)
    } finally {
      delete process.env.HOMEWARD_PIN
    }

    const page = await app.open()
    await signIn(page)
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Team settings' }).click()
    const laptops = page.getByRole('table', { name: 'The team’s laptops' })
    await laptops.getByRole('button', { name: 'Take off this laptop (Jo Price, Front desk laptop)' }).click()
    await expect(laptops.getByRole('group', { name: 'Take Jo Price off Front desk laptop?' })).toBeVisible()
    await expect(laptops.getByRole('button', { name: 'Yes, take Jo Price off Front desk laptop' })).toBeFocused()
    await screenshot(page, testInfo, 'take-person-off-laptop-confirm')
    await expectAccessible(page, 'taking someone off a laptop')
    await laptops.getByRole('button', { name: 'Yes, take Jo Price off Front desk laptop' }).click()
    await expect(laptops.getByRole('row', { name: /Front desk laptop/ })).toContainText('Nobody else')
    await screenshot(page, testInfo, 'take-person-off-laptop-done')
    // The server's record too, read from Amina's laptop (this app holds its own workspace open).
    expect(run('--as', 'Amina Okafor', 'devices', 'list', '--data', colleague.dataDir)).not.toContain('Jo Price')
  } finally {
    await stop(server.process)
    dirs.remove()
  }
})
