import { spawn, spawnSync, type ChildProcess } from 'node:child_process'
import { writeFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { createInterface } from 'node:readline'
import { referral } from '../support/people'
import { tempDir } from '../support/temp-dir'
import { expect, expectAccessible, screenshot, signIn, test } from './app'
import { serverKeyArgs } from '../support/passphrase'

const ROOT = resolve(import.meta.dirname, '../..')
const BIN = join(ROOT, 'bin/homeward.mjs')

/** `homeward serve`; resolves with its address and setup code. */
async function serve(dataDir: string): Promise<{ process: ChildProcess; url: string; setupCode: string | null }> {
  const child = spawn(process.execPath, [BIN, 'serve', '--port', '0', '--data', dataDir, '--json', ...serverKeyArgs()], { cwd: ROOT, stdio: ['ignore', 'pipe', 'inherit'] })
  const line = await new Promise<string>((done, fail) => {
    child.once('exit', (code) => fail(new Error(`the sync server exited with ${code}`)))
    createInterface({ input: child.stdout! }).once('line', done)
  })
  return { process: child, ...(JSON.parse(line) as { url: string; setupCode: string | null }) }
}

function homeward(...args: string[]) {
  const result = spawnSync(process.execPath, [BIN, ...args], { cwd: ROOT, encoding: 'utf8', env: { ...process.env, HOMEWARD_DATA: '' } })
  if (result.status !== 0) throw new Error(`homeward ${args[0]} failed: ${result.stderr}`)
  return result.stdout
}

test('the manager restricts a case to a colleague from its header, sees whom it is restricted to, narrows it (the colleague’s open window lets it go), and clears it', async ({ app, colleague }, testInfo) => {
  test.skip(testInfo.project.name === 'electron', 'The team server is the same for both; this runs once, in the browser mode.')
  test.setTimeout(180_000)
  const dirs = tempDir('restrict-e2e')
  const server = await serve(join(dirs.path, 'server-data'))
  try {
    // The team as the command line makes it: the manager's laptop (this app's workspace) with a case, and Amina's laptop joined.
    homeward('team', 'create', '--server', server.url, '--setup-code', server.setupCode!, '--name', 'Safe Connections North', '--data', app.dataDir)
    const file = join(dirs.path, 'referral.json')
    writeFileSync(file, JSON.stringify(referral()))
    const caseId = homeward('case', 'add', '--json-file', file, '--data', app.dataDir).trim()
    homeward('sync', '--once', '--data', app.dataDir)
    const code = (JSON.parse(homeward('team', 'join-code', '--for', 'Amina Okafor', '--role', 'caseworker', '--data', app.dataDir, '--json')) as { joinCode: string }).joinCode
    homeward('join', '--server', server.url, '--code', code, '--data', colleague.dataDir)
    homeward('sync', '--once', '--data', app.dataDir)

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
    homeward('sync', '--once', '--data', colleague.dataDir)
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
