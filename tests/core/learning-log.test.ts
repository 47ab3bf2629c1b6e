import { afterEach, describe, expect, it } from 'vitest'
import { openWorkspace, type Workspace } from '../../src/main/core/workspace'
import { toPlain, toStored } from '../../src/shared/automerge/registers'
import { heldInHistory } from '../support/history-words'
import { AMINA, referral } from '../support/people'
import { tempDir } from '../support/temp-dir'

const NOW = new Date('2026-11-23T10:00:00Z')
const POINT = 'Early contact with Bradford made the presentation quick.'

describe("the team's learning log", () => {
  const cleanups: (() => Promise<void> | void)[] = []
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup()
  })
  const dir = () => {
    const made = tempDir('learning-log')
    cleanups.push(made.remove)
    return made.path
  }
  async function open(dataDir: string): Promise<Workspace> {
    const opened = await openWorkspace({ dataDir, user: AMINA, now: () => NOW })
    cleanups.push(() => opened.close())
    return opened
  }

  it('shows the points kept in the cases, and the team document never holds one, not even in its history', async () => {
    const ws = await open(dir())
    const id = await ws.cases.create(referral())
    const pointId = await ws.cases.addLearningPoint(id, POINT)
    expect((await ws.cases.read(id)).learningPoints).toEqual({ [pointId]: { text: POINT, by: { id: AMINA.id, name: AMINA.name }, at: NOW.toISOString() } })
    expect(ws.team.learningLog()).toEqual({ [pointId]: { caseId: id, text: POINT, by: { id: AMINA.id, name: AMINA.name }, at: NOW.toISOString() } })
    expect(heldInHistory(ws.teamDocHandle().doc(), [POINT])).toEqual([])
  })

  it("moves the points an older version wrote into the team document into their cases on opening, and leaves those of a case it does not hold", async () => {
    const dataDir = dir()
    const first = await open(dataDir)
    const id = await first.cases.create(referral())
    const old = { caseId: id, text: POINT, by: { id: AMINA.id, name: AMINA.name }, at: '2026-11-20T10:00:00.000Z', reviewedAt: '2026-11-21T10:00:00.000Z' }
    const elsewhere = { ...old, caseId: 'a-case-not-on-this-laptop', text: 'Not ours to move' }
    // As a version before case schema 5 wrote them.
    first.teamDocHandle().change((team) => {
      team.learningLog['old-point'] = toStored(old)
      team.learningLog['elsewhere'] = toStored(elsewhere)
    })
    await first.close()

    const reopened = await open(dataDir)
    const { caseId: _caseId, ...inCase } = old
    expect((await reopened.cases.read(id)).learningPoints).toEqual({ 'old-point': inCase })
    expect(toPlain(reopened.teamDoc().learningLog)).toEqual({ elsewhere })
    expect(reopened.team.learningLog()).toEqual({ 'old-point': old })
  })
})
