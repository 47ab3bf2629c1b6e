import { afterEach, describe, expect, it } from 'vitest'
import { AMINA, referral } from '../support/people'
import { TestTeam } from '../support/sync-team'

describe('a fresh laptop joining a team', () => {
  let team: TestTeam | undefined
  afterEach(async () => {
    await team?.cleanup()
    team = undefined
  })

  it('has every case it received on the board and found by search as soon as syncOnce says it is done', async () => {
    team = await TestTeam.start()
    const manager = await team.create()
    const made = await manager.workspace.cases.createMany(
      Array.from({ length: 30 }, (_, i) => referral({ clientName: `Client Number${i}`, chainNumber: String(700000 + i), dateOfBirth: '1980-01-01' })),
    )
    const ids = made.map((result) => ('id' in result ? result.id : ''))
    expect(ids.every((id) => id !== '')).toBe(true)
    await manager.sync.syncOnce()

    const caseworker = await team.join(AMINA)
    // Chunks taken in are indexed after the event loop turns: nothing here waits for that but syncOnce.
    await caseworker.sync.syncOnce()
    const { workspace } = caseworker
    expect(workspace.cases.list().map((entry) => entry.id).sort()).toEqual([...ids].sort())
    expect(workspace.cases.board().rows.map((row) => row.id).sort()).toEqual([...ids].sort())
    expect(workspace.cases.search('number29').map((hit) => hit.id)).toEqual([ids[29]])
    expect(workspace.cases.search('700007').map((hit) => hit.id)).toEqual([ids[7]])
  })
})
