import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openWorkspace, type Workspace } from '../../src/main/core/workspace'
import { teamCaseIds } from '../../src/shared/team/team-doc'
import { DEREK, referral } from '../support/people'
import { tempDir } from '../support/temp-dir'

/** `Cases.createMany`, the import's one pass: every rule `Cases.create` applies, for many referrals at once. */
describe('opening many cases at once from referrals', () => {
  const dir = tempDir('create-many')
  let ws: Workspace

  beforeAll(async () => {
    ws = await openWorkspace({ dataDir: dir.path, user: DEREK })
  })
  afterAll(async () => {
    await ws.close()
    dir.remove()
  })

  it('opens each good referral, refuses a bad one in the form’s words and names each possible duplicate, with the case it may be', async () => {
    const held = await ws.cases.create(referral({ clientName: 'Ann Bell', dateOfBirth: '1985-03-27', chainNumber: '2001' }))
    const outcomes = await ws.cases.createMany([
      referral({ clientName: 'Dan Lee', dateOfBirth: '02/01/1990', chainNumber: '', outreachTeam: 'Camden Outreach' }),
      referral({ clientName: '', chainNumber: 'ABC' }),
      referral({ clientName: 'ANN BELL', dateOfBirth: '1985-03-27', chainNumber: '' }),
      referral({ clientName: 'Dán Lee', dateOfBirth: '1990-01-02', chainNumber: '', outreachTeam: 'camden outreach' }),
      referral({ clientName: 'Eve Moss', dateOfBirth: '1980-06-05', chainNumber: '4004', shoeSize: '9' }),
      referral({ clientName: 'Cara Doyle', dateOfBirth: '1979-12-31', chainNumber: '3003', outreachTeam: 'StreetLink' }),
    ])
    const [dan, nameless, ann, danAgain, unknownField, cara] = outcomes
    expect(dan).toEqual({ id: expect.any(String) })
    expect(nameless).toEqual({ refused: [{ field: 'clientName', message: "Enter the client's name" }, { field: 'chainNumber', message: 'CHAIN number must be digits only, for example 123456' }] })
    expect(ann).toEqual({ duplicates: [{ id: held, clientName: 'Ann Bell' }] })
    // Like an earlier referral of the same pass: named with the case that one became.
    expect(danAgain).toEqual({ duplicates: [{ id: (dan as { id: string }).id, clientName: 'Dan Lee', sameAs: 0 }] })
    expect(unknownField).toEqual({ refused: [{ field: 'shoeSize', message: '"shoeSize" is not a field of the referral' }] })
    const opened = [dan, cara].map((outcome) => (outcome as { id: string }).id)

    // Listed in the team, in the index (the list, search, duplicates), each with its audit entry.
    expect(teamCaseIds(ws.teamDoc())).toEqual(expect.arrayContaining([held, ...opened]))
    expect(ws.cases.list().map(({ clientName }) => clientName).sort()).toEqual(['Ann Bell', 'Cara Doyle', 'Dan Lee'])
    expect(ws.cases.search('Doyle').map(({ id }) => id)).toEqual([opened[1]])
    expect(ws.cases.possibleDuplicates({ clientName: 'Dan Lee', dateOfBirth: '1990-01-02' }).map(({ id }) => id)).toEqual([opened[0]])
    for (const id of opened) expect(ws.audit.ofCase(id).map(({ action, personId }) => [action, personId])).toEqual([['changed', DEREK.id]])
    // As a typed referral's: the first change is the case itself, by its author; one entry per organisation.
    const read = await ws.cases.read(opened[0]!)
    expect(read.referral).toMatchObject({ clientName: 'Dan Lee', dateOfBirth: '1990-01-02', outreachTeam: 'Camden Outreach' })
    expect((await ws.cases.changes(opened[0]!)).changes.map(({ declaredAuthor }) => declaredAuthor)).toEqual([{ id: DEREK.id, name: DEREK.name }])
    expect(ws.team.outreachTeams().filter((name) => name.toLowerCase() === 'camden outreach')).toEqual(['Camden Outreach'])
    expect(ws.team.outreachTeams()).toContain('StreetLink')
  })

  it('opens them again after the workspace is closed and opened, and a second pass of the same referrals opens nothing', async () => {
    const again = await ws.cases.createMany([referral({ clientName: 'Cara Doyle', dateOfBirth: '1979-12-31', chainNumber: '3003' })])
    expect(again).toEqual([{ duplicates: [{ id: expect.any(String), clientName: 'Cara Doyle' }] }])
    await ws.close()
    ws = await openWorkspace({ dataDir: dir.path, user: DEREK })
    expect(ws.cases.list()).toHaveLength(3)
    expect(ws.cases.search('Dan Lee')).toHaveLength(1)
  })
})
