import { spawnSync } from 'node:child_process'
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openWorkspace } from '../../src/main/core/workspace'
import * as change from '../../src/shared/case/changes'
import { builtEntry, ROOT } from '../support/built'
import { AMINA, referral } from '../support/people'
import { tempDir } from '../support/temp-dir'

const BIN = join(ROOT, 'bin/homeward.mjs')

function homeward(...args: string[]) {
  const result = spawnSync(process.execPath, [BIN, ...args], { cwd: ROOT, encoding: 'utf8', env: { ...process.env, HOMEWARD_DATA: '' } })
  return { code: result.status, out: result.stdout, err: result.stderr }
}

describe('a closed case on the command line', () => {
  const dir = tempDir('cli-reopen')
  const data = join(dir.path, 'workspace')

  beforeAll(() => builtEntry('cli'))
  afterAll(() => dir.remove())

  it('is listed and shown as "Closed — not appropriate", and `case reopen` opens it again with a reason', async () => {
    const path = join(dir.path, 'referral.json')
    writeFileSync(path, JSON.stringify(referral()))
    const id = homeward('case', 'add', '--json-file', path, '--data', data).out.trim()
    const workspace = await openWorkspace({ dataDir: data, user: AMINA })
    await workspace.cases.change(id, (doc, context) =>
      change.closeCase(doc, { type: 'inappropriate', inappropriateReason: 'risk-of-harm', details: 'Risk from a former partner', on: context.today, id: 'close' }, context),
    )
    await workspace.close()

    expect(homeward('case', 'list', '--data', data).out).toMatch(/Closed — not appropriate/)
    expect(homeward('case', 'show', id, '--data', data).out).toMatch(/Closed — not appropriate on \d\d\/\d\d\/\d{4} \(in Phase 1 – Identify\); reopen it to change it/)

    const blank = homeward('case', 'reopen', id, '--reason', '  ', '--data', data)
    expect(blank.code).not.toBe(0)
    expect(blank.err.trimEnd().split('\n')).toEqual(['homeward: the case was not reopened: reason: Say why the case is being reopened'])

    const reopened = homeward('case', 'reopen', id, '--reason', 'The risk has passed', '--data', data)
    expect(reopened.err).toBe('')
    expect(reopened.out).toBe(`Case ${id} reopened\n`)
    expect(homeward('case', 'list', '--data', data).out).not.toMatch(/Closed/)
    const shown = JSON.parse(homeward('case', 'show', id, '--data', data, '--json').out) as { status: string; phaseHistory: { kind: string; reason?: string }[] }
    expect(shown.status).toBe('open')
    expect(shown.phaseHistory.at(-1)).toMatchObject({ kind: 'reopened', reason: 'The risk has passed' })

    const again = homeward('case', 'reopen', id, '--reason', 'Twice', '--data', data)
    expect(again.err.trimEnd().split('\n')).toEqual(['homeward: the case was not reopened: The case is not closed'])
  }, 180_000)
})
