import { spawnSync } from 'node:child_process'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { builtEntry, ROOT } from '../support/built'
import { tempDir } from '../support/temp-dir'

const BIN = join(ROOT, 'bin/homeward.mjs')

describe('the command line’s progress lines', () => {
  const dir = tempDir('cli-progress')
  beforeAll(() => builtEntry('cli'))
  afterAll(() => dir.remove())

  it('writes whole lines, each ending with a line break, when its output goes to a file or a pipe', () => {
    const seeded = spawnSync(process.execPath, [BIN, 'seed', '--cases', '3', '--data', join(dir.path, 'workspace')], {
      cwd: ROOT,
      encoding: 'utf8',
      env: { ...process.env, HOMEWARD_DATA: '' },
    })
    expect(seeded.status).toBe(0)
    expect(seeded.stderr).not.toContain('\r')
    expect(seeded.stderr).toMatch(/^Seeded 3 cases and a team of 7 in [\d.]+ s\n$/)
  })
})
