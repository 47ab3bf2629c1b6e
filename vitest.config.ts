import { defineConfig } from 'vitest/config'

/**
 * Unit tests that replace a module (`vi.mock`) run isolated: in a shared process, a module another
 * file imported first would keep the real one.
 */
const MOCKING_UNIT_TESTS = ['src/shared/automerge/field-history.test.ts']

export default defineConfig({
  test: {
    reporters: ['default', ['json', { outputFile: 'test-results/vitest.json' }]],
    setupFiles: ['tests/support/automerge-setup.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // SQLite files and child processes: keep the two cores for two test files at a time.
    pool: 'forks',
    maxWorkers: 2,
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['src/**/*.test.ts'],
          exclude: ['node_modules/**', ...MOCKING_UNIT_TESTS],
          environment: 'node',
          // The unit tests share their worker processes: a fresh process, Automerge's wasm and the
          // modules loaded again for each of 130 small files cost six times the CPU of the tests.
          isolate: false,
        },
      },
      {
        extends: true,
        test: {
          name: 'isolated',
          include: ['tests/**/*.test.ts', ...MOCKING_UNIT_TESTS],
          exclude: ['tests/e2e/**', 'node_modules/**'],
          environment: 'node',
          // Real servers, child processes and workspaces: each file in a process of its own.
          isolate: true,
        },
      },
    ],
  },
})
