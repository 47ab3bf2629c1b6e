// One plain line totalling every test runner: `N passed, N failed`. A runner whose results are
// missing did not run (an earlier step failed), and counts as a failure so it cannot pass unseen.
import { existsSync, readFileSync } from 'node:fs'

const runners = [
  {
    name: 'vitest',
    file: 'test-results/vitest.json',
    count: (r) => ({ passed: r.numPassedTests, failed: r.numFailedTests, skipped: r.numPendingTests + r.numTodoTests }),
  },
  {
    name: 'playwright',
    file: 'test-results/playwright.json',
    count: (r) => ({ passed: r.stats.expected + r.stats.flaky, failed: r.stats.unexpected, skipped: r.stats.skipped }),
  },
]

let passed = 0
let failed = 0
for (const runner of runners) {
  if (!existsSync(runner.file)) {
    console.log(`${runner.name}: no results, it did not run`)
    failed += 1
    continue
  }
  const counts = runner.count(JSON.parse(readFileSync(runner.file, 'utf8')))
  console.log(`${runner.name}: ${counts.passed} passed, ${counts.failed} failed, ${counts.skipped} skipped`)
  passed += counts.passed
  failed += counts.failed
}
console.log(`${passed} passed, ${failed} failed`)
