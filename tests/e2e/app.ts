import { spawn, type ChildProcess } from 'node:child_process'
import { existsSync, readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join, resolve } from 'node:path'
import { createInterface } from 'node:readline'
import AxeBuilder from '@axe-core/playwright'
import { test as base, expect, _electron, type Browser, type BrowserContext, type LaunchOptions, type Page, type TestInfo } from '@playwright/test'
import { tempDir } from '../support/temp-dir'

const ROOT = resolve(import.meta.dirname, '../..')

/** The Electron binary, if installed, found without triggering its download. */
export function electronBinary(): string | undefined {
  try {
    const dir = dirname(createRequire(import.meta.url).resolve('electron/package.json'))
    const binary = join(dir, 'dist', readFileSync(join(dir, 'path.txt'), 'utf8').trim())
    return existsSync(binary) ? binary : undefined
  } catch {
    return undefined
  }
}

export const ELECTRON_SKIP_REASON =
  'Electron binary not installed (ELECTRON_SKIP_BINARY_DOWNLOAD / no internet): the desktop run of this test was skipped; the same test ran in Chromium against the browser mode.'

/** The app under test, on its own workspace folder, as a user would run it. */
export interface HomewardApp {
  dataDir: string
  /** Starts the app (again) on the same workspace and returns its window. */
  open(): Promise<Page>
  /** Quits the app, letting the core write everything to disk. */
  quit(): Promise<void>
  /** Quits, and closes the browser too: the end of the test. */
  dispose(): Promise<void>
  /** Browser mode only: starts the server again on the same address (a new secret), leaving the page where it was; its new address. */
  restartServerOnly?(): Promise<string>
  /** Browser mode with `chromeProfile` only: Chromium's profile folder on disk, as a laptop keeps it. */
  chromeProfile?: ChromeProfile
}

/** Chromium run on a profile folder of its own, kept on disk between runs (as the desktop app's is). */
export interface ChromeProfile {
  dir: string
  /** Closes Chromium, which writes out what it holds (local storage included) to the folder. */
  close(): Promise<void>
  /** Starts Chromium again on the same folder, on the page's last address; its page. */
  reopen(): Promise<Page>
}

/** The app on a workspace folder of its own, for the length of a test. */
async function laptop(
  use: (app: HomewardApp) => Promise<void>,
  testInfo: TestInfo,
  browser: Browser | undefined,
  pagePassphrase = false,
  chromeProfile = false,
): Promise<void> {
  const folder = tempDir('homeward-e2e')
  const profile = chromeProfile ? tempDir('homeward-e2e-chromium') : undefined
  const app = testInfo.project.name === 'electron' || !browser ? electronApp(folder.path) : await browserModeApp(folder.path, testInfo, browser, pagePassphrase, profile?.path)
  await use(app)
  await app.dispose()
  folder.remove()
  profile?.remove()
}

// Playwright needs a destructured first argument; these fixtures use none of the built-in ones
// (the built-in browser would try to launch a Chromium download that does not exist here).
/* eslint-disable no-empty-pattern */
export const test = base.extend<
  { app: HomewardApp; colleague: HomewardApp; pagePassphrase: boolean; chromeProfile: boolean },
  { workerChromium: Browser | undefined }
>({
  /**
   * One Chromium per worker, each laptop in a fresh context of its own (its own storage, as a new
   * browser's): starting Chromium for every laptop was a few seconds of each test. (None in the
   * Electron project.)
   */
  workerChromium: [
    async ({}, use, workerInfo) => {
      if (workerInfo.project.name === 'electron') return use(undefined)
      const { chromium } = await import('@playwright/test')
      const browser = await chromium.launch(launchOptionsOf(workerInfo.project.use))
      await use(browser)
      await browser.close()
    },
    { scope: 'worker' },
  ],
  /**
   * The browser mode started without HOMEWARD_PASSPHRASE, as a person runs `npm start`: the page
   * asks for the workspace passphrase (`test.use({ pagePassphrase: true })`).
   */
  pagePassphrase: [false, { option: true }],
  /** Chromium on a profile folder of its own on disk (`app.chromeProfile`), not an in-memory context (`test.use({ chromeProfile: true })`). */
  chromeProfile: [false, { option: true }],
  app: async ({ workerChromium, pagePassphrase, chromeProfile }, use, testInfo) => laptop(use, testInfo, workerChromium, pagePassphrase, chromeProfile),
  /** A second laptop, a colleague's, for the journeys two people share. */
  colleague: async ({ workerChromium }, use, testInfo) => laptop(use, testInfo, workerChromium),
})
/* eslint-enable no-empty-pattern */

/** The browser mode, started by its built entry, in a new Chromium page. */
async function browserModeApp(dataDir: string, testInfo: TestInfo, browser: Browser, pagePassphrase: boolean, profileDir?: string): Promise<HomewardApp> {
  const { chromium } = await import('@playwright/test')
  const contextOptions = { locale: 'en-GB', timezoneId: 'Europe/London' }
  let context: BrowserContext
  const launch = async () => {
    if (profileDir) context = await chromium.launchPersistentContext(profileDir, { ...launchOptionsOf(testInfo.project.use), ...contextOptions })
    else context = await browser.newContext(contextOptions)
  }
  await launch()
  let server: ChildProcess | undefined
  let page: Page | undefined
  let lastPort = 0
  let lastUrl = ''

  const stopServer = async () => {
    if (!server || server.exitCode !== null) return
    const exited = new Promise((done) => server!.once('exit', done))
    server.kill('SIGTERM')
    await exited
  }

  /** Starts the built browser mode; on `port` if given (a restart on the same address). */
  const startServer = async (port = 0): Promise<string> => {
    await stopServer()
    const env = { ...process.env }
    if (pagePassphrase) delete env.HOMEWARD_PASSPHRASE
    const started = spawn(
      process.execPath,
      [join(ROOT, 'out/main/browser-mode.js'), '--data', dataDir, '--no-open', '--port', String(port)],
      { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'inherit'] },
    )
    server = started
    const url = await new Promise<string>((done, fail) => {
      started.once('exit', (code) => fail(new Error(`browser mode exited with ${code}`)))
      createInterface({ input: started.stdout! }).on('line', (line) => {
        if (line.startsWith('Open: ')) done(line.slice('Open: '.length))
      })
    })
    lastPort = Number(new URL(url).port)
    lastUrl = url
    return url
  }

  return {
    dataDir,
    async open() {
      const url = await startServer()
      // A profile's Chromium starts with a page of its own.
      page ??= context.pages()[0] ?? (await context.newPage())
      await page.goto(url)
      return page
    },
    async restartServerOnly() {
      return startServer(lastPort)
    },
    quit: stopServer,
    async dispose() {
      await stopServer()
      await context.close()
    },
    ...(profileDir
      ? {
          chromeProfile: {
            dir: profileDir,
            async close() {
              await context.close()
              page = undefined
            },
            async reopen() {
              await launch()
              page = context.pages()[0] ?? (await context.newPage())
              await page.goto(lastUrl)
              return page
            },
          },
        }
      : {}),
  }
}

/** The project's Chromium launch options (Debian's Chromium, kept off the internet). */
function launchOptionsOf(use: object): LaunchOptions {
  return (use as { launchOptions?: LaunchOptions }).launchOptions ?? {}
}

/** The real desktop app through Playwright's Electron support, where the binary exists. */
function electronApp(dataDir: string): HomewardApp {
  const binary = electronBinary()
  test.skip(!binary, ELECTRON_SKIP_REASON)
  let app: Awaited<ReturnType<typeof _electron.launch>> | undefined
  return {
    dataDir,
    async open() {
      await app?.close()
      app = await _electron.launch({
        executablePath: binary,
        args: [join(ROOT, 'out/main/electron.js')],
        env: { ...process.env, HOMEWARD_DATA: dataDir },
      })
      return app.firstWindow()
    },
    async quit() {
      await app?.close()
      app = undefined
    },
    async dispose() {
      await app?.close()
    },
  }
}

/** Fails the test on any accessibility violation axe finds on the page as it is now. */
export async function expectAccessible(page: Page, context: string): Promise<void> {
  const results = await new AxeBuilder({ page }).analyze()
  const summary = results.violations.map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)
  expect(summary, `accessibility of ${context}`).toEqual([])
}

/** Saves a full-page screenshot in the test's output folder, to be looked at. */
export async function screenshot(page: Page, testInfo: TestInfo, name: string): Promise<void> {
  await page.screenshot({ path: testInfo.outputPath(`${name}.png`), fullPage: true })
}

export { expect }

/** The PIN every test's person chooses. */
export const TEST_PIN = '246810'

/** Fills "Choose a PIN" and its confirmation (the first run's, or a first sign-in's). */
export async function choosePin(page: Page): Promise<void> {
  await page.getByLabel('Choose a PIN').fill(TEST_PIN)
  await page.getByLabel('Type it again').fill(TEST_PIN)
}

/**
 * Signs in on the sign-in page as `name` (where several share the laptop): with the test PIN, or,
 * on a workspace set up before the window ran (in the test, or by `homeward seed`), by choosing it.
 */
export async function signIn(page: Page, name?: string): Promise<void> {
  await expect(page.getByRole('heading', { name: /^(Sign in|Choose a PIN to protect this laptop)$/ })).toBeVisible()
  if (name) await page.getByRole('radio', { name }).check()
  if (await page.getByLabel('Choose a PIN').isVisible()) await choosePin(page)
  else await page.getByLabel('PIN or passphrase').fill(TEST_PIN)
  await page.getByRole('button', { name: 'Sign in' }).click()
  await expect(page.getByRole('button', { name: 'Lock' })).toBeVisible()
}
