import { defineConfig } from 'vitest/config'

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'tests/**/*.test.ts'],
    exclude: ['tests/e2e/**', 'node_modules/**'],
    environment: 'node',
    reporters: ['default', ['json', { outputFile: 'test-results/vitest.json' }]],
    setupFiles: ['tests/support/automerge-setup.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // SQLite files and child processes: keep the two cores for two test files at a time.
    pool: 'forks',
    maxWorkers: 2,
  },
})
