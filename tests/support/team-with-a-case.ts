import { AMINA, DEREK, referral } from './people'
import { TestTeam, type Laptop } from './sync-team'

/**
 * A team as most sync tests begin: Derek, its manager, opens a case and syncs it; Amina joins as
 * a caseworker and receives it. The caller cleans up the team.
 */
export async function teamWithACase(): Promise<{ team: TestTeam; manager: Laptop; caseworker: Laptop; caseId: string }> {
  const team = await TestTeam.start()
  const manager = await team.create(DEREK)
  const caseId = await manager.workspace.cases.create(referral())
  await manager.sync.syncOnce()
  const caseworker = await team.join(AMINA)
  await caseworker.sync.syncOnce()
  return { team, manager, caseworker, caseId }
}
