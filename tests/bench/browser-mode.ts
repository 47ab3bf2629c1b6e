/**
 * The browser mode the benches open in Chromium: started on a workspace folder as `npm start` runs
 * it (on a free port, opening no browser), signed in to, and stopped again.
 */
import { spawn, type ChildProcess } from 'node:child_process'
import { join, resolve } from 'node:path'
import { createInterface } from 'node:readline'
import type { Page } from '@playwright/test'

const ROOT = resolve(import.meta.dirname, '../..')
const BENCH_PIN = '246810'

/** The browser mode on the workspace, and the address it admits a page at. */
export async function browserMode(dataDir: string): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn(process.execPath, [join(ROOT, 'out/main/browser-mode.js'), '--data', dataDir, '--no-open', '--port', '0'], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'inherit'],
  })
  const url = await new Promise<string>((done, fail) => {
    child.once('exit', (code) => fail(new Error(`browser mode exited with ${code}`)))
    createInterface({ input: child.stdout! }).on('line', (line) => {
      if (line.startsWith('Open: ')) done(line.slice('Open: '.length))
    })
  })
  return { child, url }
}

export async function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return
  const exited = new Promise((done) => child.once('exit', done))
  child.kill('SIGTERM')
  await exited
}

/** Signs the seeded workspace's person in, as the e2e tests do: choosing the PIN the first time. */
export async function signIn(page: Page): Promise<void> {
  const signedIn = page.getByRole('button', { name: 'Lock' })
  const asked = page.getByRole('heading', { name: /^(Sign in|Choose a PIN to protect this laptop)$/ })
  await asked.or(signedIn).waitFor({ timeout: 60_000 })
  if (await signedIn.isVisible()) return
  if (await page.getByLabel('Choose a PIN').isVisible()) {
    await page.getByLabel('Choose a PIN').fill(BENCH_PIN)
    await page.getByLabel('Type it again').fill(BENCH_PIN)
  } else await page.getByLabel('PIN or passphrase').fill(BENCH_PIN)
  await page.getByRole('button', { name: 'Sign in' }).click()
  await signedIn.waitFor({ timeout: 60_000 })
}
