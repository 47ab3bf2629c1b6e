import { spawnSync } from 'node:child_process'
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openWorkspace } from '../../src/main/core/workspace'
import { builtEntry, ROOT } from '../support/built'
import { referral } from '../support/people'
import { tempDir } from '../support/temp-dir'

const BIN = join(ROOT, 'bin/homeward.mjs')

function homeward(...args: string[]) {
  const result = spawnSync(process.execPath, [BIN, ...args], { cwd: ROOT, encoding: 'utf8', env: { ...process.env, HOMEWARD_DATA: '' } })
  return { code: result.status, out: result.stdout, err: result.stderr }
}

describe('homeward audit', () => {
  const dir = tempDir('cli-audit')
  const data = join(dir.path, 'workspace')

  beforeAll(() => builtEntry('cli'))
  afterAll(() => dir.remove())

  it('prints who viewed and changed a case (--case), and what a person did in a period (--person), as JSON, and says what is wrong with its options in one line', async () => {
    const workspace = await openWorkspace({ dataDir: data })
    workspace.team.setProfile({ name: 'Derek Hall', role: 'manager' })
    await workspace.close()
    const path = join(dir.path, 'referral.json')
    writeFileSync(path, JSON.stringify(referral()))
    const id = homeward('case', 'add', '--json-file', path, '--data', data).out.trim()
    expect(homeward('case', 'show', id, '--data', data).code).toBe(0)

    const byCase = homeward('audit', '--case', id, '--json', '--data', data)
    expect(byCase.err).toBe('')
    const entries = JSON.parse(byCase.out) as Record<string, unknown>[]
    expect(entries.map((entry) => entry.action).sort()).toEqual(['changed', 'viewed'])
    for (const entry of entries) expect(entry).toMatchObject({ who: 'Derek Hall', caseId: id, when: expect.stringMatching(/^\d{4}-\d\d-\d\dT/), device: null, forged: false })

    const today = new Date()
    const uk = `${String(today.getDate()).padStart(2, '0')}/${String(today.getMonth() + 1).padStart(2, '0')}/${today.getFullYear()}`
    const byPerson = JSON.parse(homeward('audit', '--person', 'derek hall', '--from', uk, '--to', uk, '--json', '--data', data).out) as unknown[]
    expect(byPerson).toHaveLength(2)
    expect(JSON.parse(homeward('audit', '--person', 'Derek Hall', '--from', '01/01/2020', '--to', '31/12/2020', '--json', '--data', data).out)).toEqual([])

    const badDate = homeward('audit', '--person', 'Derek Hall', '--from', '31/02/2026', '--to', uk, '--data', data)
    expect(badDate.err.trim()).toBe("homeward: option '--from <date>' argument '31/02/2026' is invalid. 31/02/2026 is not a real date (see --help)")
    expect(homeward('audit', '--data', data).err.trim()).toBe('homeward: say either --case ID or --person NAME (with --from and --to)')
    // Eight runs of the command: the time they need beside the other test files.
  }, 120_000)
})
