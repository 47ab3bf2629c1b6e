import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import type { Workspace } from '../../src/main/core/workspace'
import { AMINA, JO, referral } from '../support/people'
import { LAPTOP_CHUNKS, SERVER_CHUNKS, wordsInHistory } from '../support/history-words'
import { inAnyFile } from '../support/on-disk'
import { eventually, SERVER_FILE, syncAll, TestTeam } from '../support/sync-team'

const CLIENT = 'Zofia Wiśniewska'
/** Her learning points: one written before the erasure, one written on a laptop offline during it. */
const HER_POINTS = ['Her sister in Leeds was the key to it.', 'Book the Leeds coach a week earlier.']
const OTHER_POINT = 'Ask for a second contact number at referral.'

/** The texts of the team's learning log on a laptop. */
const logTexts = (workspace: Workspace) =>
  Object.values(workspace.team.learningLog())
    .map((point) => point.text)
    .sort()

describe("an erased case's learning points", () => {
  let team: TestTeam | undefined
  afterEach(async () => {
    await team?.cleanup()
    team = undefined
  })

  it('are in no document’s history on any laptop or the server: they were kept in her case, never in the team document', async () => {
    team = await TestTeam.start()
    const manager = await team.create()
    const a = await team.join(AMINA)
    const b = await team.join(JO)
    const caseId = await manager.workspace.cases.create(referral({ clientName: CLIENT, chainNumber: '918273' }))
    const other = await manager.workspace.cases.create(referral({ clientName: 'Aoife Byrne', chainNumber: '555111', dateOfBirth: '1990-02-03' }))
    await manager.workspace.cases.addLearningPoint(caseId, HER_POINTS[0])
    await manager.workspace.cases.addLearningPoint(other, OTHER_POINT)
    await eventually(async () => {
      await syncAll(manager, a, b)
      return [a, b].every((laptop) => logTexts(laptop.workspace).length === 2)
    }, 15_000, 'both learning points in the log on both laptops')
    expect(logTexts(a.workspace)).toEqual([HER_POINTS[0], OTHER_POINT].sort())

    // B goes offline and writes another point about her.
    await b.workspace.cases.addLearningPoint(caseId, HER_POINTS[1])
    const bDir = b.dataDir
    await team.closeLaptop(b)

    await manager.workspace.erasedCases.erase(caseId, 'The client asked to be forgotten', { waitMs: 5000 })
    const back = await team.open(JO, bDir)
    for (const laptop of [manager, a, back]) {
      await eventually(async () => {
        await syncAll(manager, a, back)
        return !laptop.workspace.cases.list().some((entry) => entry.id === caseId) && logTexts(laptop.workspace).join() === OTHER_POINT
      }, 20_000, 'her case and its points gone, the other case’s point kept')
    }

    // Every document's history, decrypted, on every laptop and the server: nothing of her points.
    for (const laptop of [manager, a, back]) await team.closeLaptop(laptop)
    for (const laptop of [manager, a, back]) {
      for (const text of HER_POINTS) expect(inAnyFile(laptop.dataDir, text)).toEqual([])
      expect(wordsInHistory(join(laptop.dataDir, 'homeward.sqlite'), LAPTOP_CHUNKS, [...HER_POINTS, OTHER_POINT])).toEqual({ [other]: [OTHER_POINT] })
    }
    await team.server.close()
    for (const text of HER_POINTS) expect(inAnyFile(team.serverDir, text)).toEqual([])
    expect(wordsInHistory(join(team.serverDir, SERVER_FILE), SERVER_CHUNKS, [...HER_POINTS, OTHER_POINT])).toEqual({ [other]: [OTHER_POINT] })
    await team.restartServer()
  }, 120_000)
})
