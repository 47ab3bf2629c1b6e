import { spawnSync } from 'node:child_process'
import { join } from 'node:path'
import { afterAll, expect, it } from 'vitest'
import { builtEntry, ROOT } from '../support/built'
import { tempDir } from '../support/temp-dir'

const dir = tempDir('examples')
afterAll(() => dir.remove())

it.each(['referral.json', 'case.json'])('the README example %s can be added as it is', (example) => {
  builtEntry('cli')
  const result = spawnSync(process.execPath, [join(ROOT, 'bin/homeward.mjs'), 'case', 'add', '--json-file', join(ROOT, 'resources/examples', example), '--data', join(dir.path, example), '--json'], {
    encoding: 'utf8',
  })
  expect(result.stderr).toBe('')
  expect(JSON.parse(result.stdout)).toHaveProperty('id')
})
