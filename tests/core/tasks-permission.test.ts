import { afterEach, describe, expect, it } from 'vitest'
import { createApiHandler } from '../../src/main/core/api/api-handler'
import { openWorkspace, type Workspace } from '../../src/main/core/workspace'
import * as change from '../../src/shared/case/changes'
import { AMINA, DEREK, referral } from '../support/people'
import { tempDir } from '../support/temp-dir'

const TODAY = new Date('2026-11-30T09:00:00Z')

describe("another person's tasks: a manager's to see, a caseworker refused", () => {
  const dir = tempDir('tasks-permission')
  const open: Workspace[] = []
  afterEach(async () => {
    await Promise.all(open.splice(0).map((workspace) => workspace.close()))
  })
  const openAs = async (user: typeof AMINA) => {
    const workspace = await openWorkspace({ dataDir: dir.path, user, now: () => TODAY })
    open.push(workspace)
    return workspace
  }

  it('the core refuses a caseworker asking for the manager’s tasks in one line, and answers the manager asking for the caseworker’s', async () => {
    const setUp = await openAs(DEREK)
    setUp.team.addMembers([DEREK, AMINA])
    const olwen = await setUp.cases.create(referral({ clientName: 'Olwen Pryce', chainNumber: '' }))
    await setUp.cases.change(olwen, (doc, context) =>
      change.addAction(doc, 'ring-gp', { description: 'Ring the GP practice', due: '2026-11-27' }, AMINA, { ...context, today: '2026-11-23' }),
    )
    await setUp.close()
    open.length = 0

    const amina = await openAs(AMINA)
    const asAmina = createApiHandler(amina)
    expect(await asAmina({ id: 1, method: 'myTasks', params: { personId: DEREK.id } })).toEqual({
      id: 1,
      ok: false,
      error: { message: "Only a team manager can see another person's tasks" },
    })
    expect(() => amina.cases.tasks({ personId: DEREK.id })).toThrow("Only a team manager can see another person's tasks")
    // Her own, asked for by her id or not at all, she may see.
    const own = await asAmina({ id: 2, method: 'myTasks', params: { personId: AMINA.id } })
    expect(own).toMatchObject({ ok: true, result: { person: { id: AMINA.id }, tasks: [{ caseId: olwen, kind: 'action', due: '2026-11-27' }] } })
    await amina.close()
    open.length = 0

    const derek = await openAs(DEREK)
    const asDerek = createApiHandler(derek)
    const hers = await asDerek({ id: 3, method: 'myTasks', params: { personId: AMINA.id } })
    expect(hers).toMatchObject({ ok: true, result: { person: { id: AMINA.id, name: AMINA.name }, tasks: [{ caseId: olwen, kind: 'action', person: { id: AMINA.id } }] } })
    // Someone not in the team is not found, even by a manager.
    expect(await asDerek({ id: 4, method: 'myTasks', params: { personId: 'member-nobody' } })).toMatchObject({ ok: false, error: { message: 'No one in the team by that name or id' } })
  })
})
