import { afterEach, describe, expect, it } from 'vitest'
import { openWorkspace, type Workspace } from '../../src/main/core/workspace'
import { NotPermittedError } from '../../src/shared/team/permissions'
import { AMINA, DEREK, referral } from '../support/people'
import { tempDir } from '../support/temp-dir'

const NOW = new Date('2026-11-23T10:00:00Z')

describe('the team’s list of outreach teams', () => {
  const cleanups: (() => Promise<void> | void)[] = []
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup()
  })
  async function workspace(user = AMINA): Promise<Workspace> {
    const dir = tempDir('outreach-teams')
    const opened = await openWorkspace({ dataDir: dir.path, user, now: () => NOW })
    cleanups.push(dir.remove, () => opened.close())
    return opened
  }

  it('keeps one entry per organisation: a referral names it as the list spells it, and a new one joins the list', async () => {
    const ws = await workspace()
    expect(ws.team.outreachTeams()).toEqual([])
    await ws.cases.create(referral({ outreachTeam: 'Tower Hamlets Outreach' }))
    const second = await ws.cases.create(referral({ clientName: 'Aoife Byrne', chainNumber: '555111', dateOfBirth: '1990-02-03', outreachTeam: ' tower hamlets  OUTREACH' }))
    await ws.cases.create(referral({ clientName: 'Dylan Price', chainNumber: '555222', dateOfBirth: '1991-02-03', outreachTeam: 'St Mungo’s Outreach' }))
    expect(ws.team.outreachTeams()).toEqual(['St Mungo’s Outreach', 'Tower Hamlets Outreach'])
    expect((await ws.cases.read(second)).referral.outreachTeam).toBe('Tower Hamlets Outreach')

    const report = await ws.reports.monitoring({ from: '2026-11-01', to: '2026-11-30' })
    const referrals = report.sections.find((section) => section.id === 'referrals')!.figures
    expect(referrals.filter((figure) => figure.level === 1 && /outreach/i.test(figure.label)).map((figure) => [figure.label, figure.value])).toEqual([
      ['Tower Hamlets Outreach', 2],
      ['St Mungo’s Outreach', 1],
    ])
  })

  it('lets a manager correct a spelling and merge two entries, and the report counts every case under the kept entry', async () => {
    const ws = await workspace(DEREK)
    await ws.cases.create(referral({ outreachTeam: 'Tower Hamlet Outreach' }))
    await ws.cases.create(referral({ clientName: 'Aoife Byrne', chainNumber: '555111', dateOfBirth: '1990-02-03', outreachTeam: 'THOT' }))
    const ids = () => Object.fromEntries(Object.entries(ws.team.settings().outreachTeams ?? {}).map(([id, entry]) => [entry.name, id]))
    ws.team.saveDirectoryEntry('outreachTeams', ids()['Tower Hamlet Outreach'], { name: 'Tower Hamlets Outreach' })
    ws.team.mergeOutreachTeams(ids()['THOT']!, ids()['Tower Hamlets Outreach']!)
    expect(ws.team.outreachTeams()).toEqual(['Tower Hamlets Outreach'])
    // A referral typed with an old name is named as the list now spells it.
    const third = await ws.cases.create(referral({ clientName: 'Dylan Price', chainNumber: '555222', dateOfBirth: '1991-02-03', outreachTeam: 'thot' }))
    expect((await ws.cases.read(third)).referral.outreachTeam).toBe('Tower Hamlets Outreach')

    const report = await ws.reports.monitoring({ from: '2026-11-01', to: '2026-11-30' })
    const referrals = report.sections.find((section) => section.id === 'referrals')!.figures
    expect(referrals.filter((figure) => figure.level === 1 && /outreach|thot/i.test(figure.label)).map((figure) => [figure.label, figure.value])).toEqual([
      ['Tower Hamlets Outreach', 3],
    ])
  })

  it('leaves correcting and merging the list to a manager', async () => {
    const ws = await workspace()
    await ws.cases.create(referral({ outreachTeam: 'Tower Hamlets Outreach' }))
    await ws.cases.create(referral({ clientName: 'Aoife Byrne', chainNumber: '555111', dateOfBirth: '1990-02-03', outreachTeam: 'THOT' }))
    const [first, second] = Object.keys(ws.team.settings().outreachTeams ?? {})
    expect(() => ws.team.mergeOutreachTeams(first!, second!)).toThrow(NotPermittedError)
    expect(() => ws.team.removeDirectoryEntry('outreachTeams', first!)).toThrow(NotPermittedError)
  })
})
