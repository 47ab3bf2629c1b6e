import { randomUUID } from 'node:crypto'
import { afterEach, describe, expect, it } from 'vitest'
import { openWorkspace, type Workspace } from '../../src/main/core/workspace'
import { rejectReferral } from '../../src/shared/case/changes'
import { DEREK, referral } from '../support/people'
import { tempDir } from '../support/temp-dir'

// The board's cases are read from the index once for each state of it (the board's start, the
// whole board and My tasks all ask as a page opens): every change must still show at once.
describe('the board, read from the index once for each state of it', () => {
  const dir = tempDir('board-from-index')
  let ws: Workspace | undefined
  afterEach(async () => {
    await ws?.close()
    dir.remove()
  })

  it('shows each change to the index at once, and no one given the board changes another’s', async () => {
    ws = await openWorkspace({ dataDir: dir.path, user: DEREK, now: () => new Date('2026-11-02T09:00:00Z') })
    const first = await ws.cases.create(referral({ clientName: 'Zofia Wiśniewska', chainNumber: '918273' }))
    expect(ws.cases.board().rows.map((row) => row.clientName)).toEqual(['Zofia Wiśniewska'])

    const second = await ws.cases.create(referral({ clientName: 'Aoife Byrne', chainNumber: '555111', dateOfBirth: '1990-02-03' }))
    const board = ws.cases.board()
    expect(board.rows.map((row) => row.id).sort()).toEqual([first, second].sort())
    expect(ws.cases.boardStart({ filter: { text: 'aoife' }, sort: 'client', descending: false }).rows.map((row) => row.id)).toEqual([second])

    board.rows.splice(0)
    expect(ws.cases.board().rows).toHaveLength(2)

    await ws.cases.change(first, (doc, context) => rejectReferral(doc, { on: '2026-11-02', reason: 'withdrawn', id: randomUUID() }, context))
    expect(ws.cases.board().rows.map((row) => row.id)).toEqual([second])
    expect(ws.cases.boardStart({ filter: {}, sort: 'flags', descending: true }).counts).toMatchObject({ all: 1, matching: 1 })
  })

  it('gives the same start again for the same view, a copy each time, and a new one once the index, the day or the weights change', async () => {
    let now = new Date('2026-11-02T09:00:00Z')
    ws = await openWorkspace({ dataDir: dir.path, user: DEREK, now: () => now })
    const first = await ws.cases.create(referral({ clientName: 'Zofia Wiśniewska', chainNumber: '918273' }))
    const view = { filter: {}, sort: 'client', descending: false } as const
    const start = ws.cases.boardStart(view)
    start.rows.splice(0)
    expect(ws.cases.boardStart(view).rows.map((row) => row.id)).toEqual([first])

    ws.team.setCaseloadWeights({ ...ws.team.caseloadWeights(), engage: 3 })
    expect(ws.cases.boardStart(view).weights.engage).toBe(3)

    const second = await ws.cases.create(referral({ clientName: 'Aoife Byrne', chainNumber: '555111', dateOfBirth: '1990-02-03' }))
    expect(ws.cases.boardStart(view).rows.map((row) => row.id)).toEqual([second, first])

    now = new Date('2026-11-03T09:00:00Z')
    expect(ws.cases.boardStart(view).today).toBe('2026-11-03')
  })
})
