import { afterEach, describe, expect, it } from 'vitest'
import { AMINA } from '../support/people'
import { TestTeam } from '../support/sync-team'

describe("a spreadsheet imported on a team's laptop", () => {
  let team: TestTeam | undefined
  afterEach(async () => {
    await team?.cleanup()
    team = undefined
  })

  it("goes to the team's server from the outbox, pass by pass, each case with its audit entry, and reaches a colleague's laptop", async () => {
    team = await TestTeam.start()
    const manager = await team.create()
    const rows = Array.from({ length: 70 }, (_, i) => `Client ${i + 1} Moss,${String((i % 28) + 1).padStart(2, '0')}/03/1968,${800000 + i},Sam Reed,Camden Outreach`)
    const csv = ["Client name,Date of birth,CHAIN number,Referrer's name,Referring organisation", ...rows].join('\n')
    const result = await manager.workspace.referralImport.run('caseload.csv', new TextEncoder().encode(csv))
    expect(result.imported).toBe(70)
    // Each case's one chunk, and the team document's listing of each pass, wait for the server.
    expect(manager.workspace.membership.outbox.size()).toBeGreaterThanOrEqual(70)
    await manager.sync.syncOnce()
    expect(manager.workspace.membership.outbox.size()).toBe(0)
    const ids = manager.workspace.cases.list().map(({ id }) => id)
    for (const id of ids) expect(manager.workspace.audit.ofCase(id).map(({ action }) => action)).toEqual(['changed'])

    const caseworker = await team.join(AMINA)
    await caseworker.sync.syncOnce()
    expect(caseworker.workspace.cases.list().map(({ id }) => id).sort()).toEqual([...ids].sort())
    expect(caseworker.workspace.cases.search('Client 70 Moss').map(({ id }) => id)).toHaveLength(1)
  })
})
