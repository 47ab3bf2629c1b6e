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
  workers: 2,
  reporter: [['list'], ['json', { outputFile: 'test-results/playwright.json' }]],
  use: {
    trace: 'retain-on-failure',
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
