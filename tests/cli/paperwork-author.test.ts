import { spawnSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openWorkspace } from '../../src/main/core/workspace'
import * as change from '../../src/shared/case/changes'
import { builtEntry, ROOT } from '../support/built'
import { caseReadyForPack, setUpTeamSettings } from '../support/paperwork'
import { DEREK } from '../support/people'
import { tempDir } from '../support/temp-dir'

const BIN = join(ROOT, 'bin/homeward.mjs')

function homeward(...args: string[]) {
  const result = spawnSync(process.execPath, [BIN, ...args], { cwd: ROOT, encoding: 'utf8', env: { ...process.env, HOMEWARD_DATA: '' } })
  return { code: result.status, out: result.stdout, err: result.stderr }
}

describe('paperwork from the command line is made by the laptop’s person', () => {
  const dir = tempDir('cli-paperwork-author')
  const data = join(dir.path, 'workspace')
  let caseId = ''

  beforeAll(async () => {
    builtEntry('cli')
    // A case at closure, made by a session that names its person without setting one up on the laptop.
    const ws = await openWorkspace({ dataDir: data, user: DEREK })
    await setUpTeamSettings(ws)
    caseId = await caseReadyForPack(ws, 'Ólafur Jóhannsson')
    await ws.cases.change(caseId, (doc, context) => change.closeCase(doc, { type: 'unplanned', unplannedReason: 'disengaged', on: '2026-11-20', id: 'closed' }, context))
    ws.team.addMembers([{ id: 'member-amina', name: 'Amina Okafor', role: 'caseworker' }])
    await ws.close()
  })
  afterAll(() => dir.remove())

  it('is refused in one line, making nothing, while nobody is set up on the laptop', async () => {
    const out = join(dir.path, 'nobody.pdf')
    for (const args of [['letter', 'closure', caseId, '--out', out], ['pack', caseId, '--out', out]]) {
      const refused = homeward(...args, '--data', data)
      expect(refused.code).toBe(1)
      expect(refused.err).toBe('homeward: Nobody is set up on this laptop yet: open Homeward once and say who is using it\n')
    }
    expect(existsSync(out)).toBe(false)
    const ws = await openWorkspace({ dataDir: data })
    expect((await ws.cases.read(caseId)).generatedDocuments).toEqual({})
    await ws.close()
  })

  it('is recorded as made by the person the first run set up, never the operating-system user', async () => {
    const setUp = await openWorkspace({ dataDir: data })
    setUp.team.setProfile({ name: 'amina okafor' })
    await setUp.close()

    const out = join(dir.path, 'closure.pdf')
    expect(homeward('letter', 'closure', caseId, '--out', out, '--data', data).code).toBe(0)
    const ws = await openWorkspace({ dataDir: data })
    const record = await ws.cases.read(caseId)
    await ws.close()
    expect(Object.values(record.generatedDocuments).map((made) => [made.kind, made.by])).toEqual([['closure-letter', { id: 'member-amina', name: 'Amina Okafor' }]])
  })
})
