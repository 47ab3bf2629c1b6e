import { defineConfig } from 'vitest/config'

/**
 * Test files that need a module as nothing has loaded it yet run each in a process of its own: one
 * that replaces a module (`vi.mock`), which in a shared process another file might have imported
 * first, and one that compares pdf-lib before and after `stream-bytes.ts` replaces a step of it.
 */
const ISOLATED_TESTS = ['src/shared/automerge/field-history.test.ts', 'tests/paperwork/stream-bytes.test.ts']

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
          exclude: ['node_modules/**', ...ISOLATED_TESTS],
          environment: 'node',
          // The unit tests share their worker processes: a fresh process, Automerge's wasm and the
          // modules loaded again for each of 130 small files cost six times the CPU of the tests.
          isolate: false,
        },
      },
      {
        extends: true,
        test: {
          name: 'integration',
          include: ['tests/**/*.test.ts'],
          exclude: ['tests/e2e/**', 'node_modules/**', ...ISOLATED_TESTS],
          environment: 'node',
          // Real servers, child processes and workspaces, each file's in temporary folders of its
          // own, which it closes and removes, and no file changes the process for the next (an
          // environment variable set is put back): they share worker processes too, as the unit
          // tests do, so the core's modules and Automerge's wasm load once a worker, not once a file.
          isolate: false,
        },
      },
      {
        extends: true,
        test: {
          name: 'isolated',
          include: ISOLATED_TESTS,
          environment: 'node',
          isolate: true,
        },
      },
    ],
  },
})
