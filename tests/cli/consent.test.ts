import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openWorkspace } from '../../src/main/core/workspace'
import * as change from '../../src/shared/case/changes'
import { builtEntry } from '../support/built'
import { homeward } from '../support/cli-server'
import { caseReadyForPack, setUpTeamSettings } from '../support/paperwork'
import { AMINA, DEREK } from '../support/people'
import { tempDir } from '../support/temp-dir'

describe('consent decides what leaves, on the command line', () => {
  const dir = tempDir('cli-consent')
  const data = join(dir.path, 'workspace')
  let caseId = ''

  beforeAll(async () => {
    builtEntry('cli')
    const manager = await openWorkspace({ dataDir: data, user: DEREK })
    await setUpTeamSettings(manager)
    await manager.close()
    const ws = await openWorkspace({ dataDir: data })
    ws.team.setProfile({ name: AMINA.name, role: 'caseworker' })
    caseId = await caseReadyForPack(ws, 'Olwen Pryce')
    await ws.cases.change(caseId, (doc, context) =>
      change.addItem(doc, 'sharingConsents', 'bradford', { agency: 'Bradford Council', givenOn: '2026-10-01', how: 'written', withdrawnOn: '2026-11-03' }, context),
    )
    await ws.close()
  })
  afterAll(() => dir.remove())

  it('refuses the pack to a council the client withdrew consent from, in one line naming it and the day, writing nothing', () => {
    const out = join(dir.path, 'pack.pdf')
    const refused = homeward('pack', caseId, '--out', out, '--data', data)
    expect(refused.code).toBe(1)
    expect(refused.err).toBe('homeward: Olwen withdrew consent to share with Bradford Council on 03/11/2026\n')
    expect(existsSync(out)).toBe(false)
  })

  it('refuses it too for a withdrawal named so that it may be that council, until the caseworker chooses the consent’s council', async () => {
    let ws = await openWorkspace({ dataDir: data })
    await ws.cases.change(caseId, (doc, context) => change.updateItem(doc, 'sharingConsents', 'bradford', { agency: 'the council' }, context))
    await ws.close()
    const out = join(dir.path, 'pack-2.pdf')
    const refused = homeward('pack', caseId, '--out', out, '--data', data)
    expect(refused.code).toBe(1)
    expect(refused.err).toBe(
      'homeward: Olwen withdrew consent to share with the council on 03/11/2026, which may be City of Bradford Metropolitan District Council: if it is not, choose the consent’s council (Phase 3, Engage)\n',
    )
    expect(existsSync(out)).toBe(false)

    ws = await openWorkspace({ dataDir: data })
    await ws.cases.change(caseId, (doc, context) => change.updateItem(doc, 'sharingConsents', 'bradford', { council: 'E08000035' }, context))
    await ws.close()
    expect(homeward('pack', caseId, '--out', out, '--data', data).code).toBe(0)
    expect(existsSync(out)).toBe(true)
  })
})
