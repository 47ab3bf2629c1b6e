import { defineConfig } from '@playwright/test'
import { useTestPassphrase } from './tests/support/passphrase'

// The browser modes and command lines the tests start open their workspaces with the test passphrase.
useTestPassphrase()

/**
 * End-to-end tests drive the built app: in Debian's Chromium against the browser mode, and in the
 * real desktop app where an Electron binary is installed (skipped, with the reason, where not).
 */
export default defineConfig({
  testDir: 'tests/e2e',
  globalSetup: './tests/e2e/global-setup.ts',
  outputDir: 'test-results/e2e',
  timeout: 90_000,
  expect: { timeout: 10_000 },
  fullyParallel: true,
  // Three at a time on two cores: a test spends about half its time waiting (a server starting, the
  // page answering, an assertion's next poll), so two workers left the cores idle half the run; four
  // on a busy machine slowed a 150-row import past its assertion's 10 s.
  workers: 3,
  reporter: [['list'], ['json', { outputFile: 'test-results/playwright.json' }]],
  use: {
    // A failed test's trace keeps the page's DOM at each step, without the screencast's frames that
    // every test paid for while running.
    trace: { mode: 'retain-on-failure', screenshots: false },
    screenshot: 'only-on-failure',
    locale: 'en-GB',
    timezoneId: 'Europe/London',
  },
  projects: [
    {
      name: 'browser',
      use: {
        browserName: 'chromium',
        launchOptions: {
          executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
          // This machine has no internet: keep Chromium from reaching for it.
          args: ['--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-gpu'],
        },
      },
    },
    { name: 'electron' },
  ],
})
