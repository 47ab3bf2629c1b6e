import { randomUUID } from 'node:crypto'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { openWorkspace, type Workspace } from '../../src/main/core/workspace'
import { rejectReferral } from '../../src/shared/case/changes'
import { DEREK, referral } from '../support/people'
import { tempDir } from '../support/temp-dir'

describe('retention on a laptop on its own', () => {
  const dir = tempDir('retention')
  let ws: Workspace | undefined
  afterEach(async () => {
    await ws?.close()
    dir.remove()
  })

  it('lists the closed cases past the period with their dates, and applying it erases them, keeping their anonymised record', async () => {
    const clock = { now: new Date('2019-03-01T09:00:00Z') }
    ws = await openWorkspace({ dataDir: dir.path, user: DEREK, now: () => clock.now })
    const old = await ws.cases.create(referral({ clientName: 'Zofia Wiśniewska', chainNumber: '918273' }))
    await ws.cases.change(old, (doc, context) => rejectReferral(doc, { on: '2019-03-01', reason: 'withdrawn', id: randomUUID() }, context))
    clock.now = new Date('2026-11-02T09:00:00Z')
    const recent = await ws.cases.create(referral({ clientName: 'Aoife Byrne', chainNumber: '555111', dateOfBirth: '1990-02-03' }))
    await ws.cases.change(recent, (doc, context) => rejectReferral(doc, { on: '2026-11-02', reason: 'withdrawn', id: randomUUID() }, context))

    expect(ws.erasedCases.retention()).toEqual({ action: 'erase', years: 6 })
    expect(await ws.erasedCases.due()).toEqual([{ id: old, clientName: 'Zofia Wiśniewska', closedOn: '2019-03-01', dueOn: '2025-03-01', closedAs: 'rejected', action: 'erase' }])

    expect(await ws.erasedCases.applyRetention()).toEqual([old])
    expect(ws.cases.list().map((c) => c.id)).toEqual([recent])
    expect(ws.cases.search('Wiśniewska')).toEqual([])
    expect(ws.erasedCases.erased()).toMatchObject([{ id: old, kind: 'erased', reason: 'Retention: closed on 2019-03-01, kept 6 years', record: { referralStatus: 'rejected', receivedOn: '2019-03-01' } }])
    expect(await ws.erasedCases.due()).toEqual([])
    // Its figures are still counted.
    const report = await ws.reports.monitoring({ from: '2019-01-01', to: '2019-12-31' })
    expect(report.sections.find((section) => section.id === 'referrals')!.figures[0]).toMatchObject({ label: 'Referrals received', value: 1, caseIds: [old] })
  })

  it('lists the cases due from the index, opening no document: the board asks for them on every opening', async () => {
    ws = await openWorkspace({ dataDir: dir.path, user: DEREK, now: () => new Date('2026-11-02T09:00:00Z') })
    const id = await ws.cases.create(referral({ clientName: 'Zofia Wiśniewska', chainNumber: '918273' }))
    await ws.cases.change(id, (doc, context) => rejectReferral(doc, { on: '2019-03-01', reason: 'withdrawn', id: randomUUID() }, context))
    const readAll = vi.spyOn(ws.cases, 'readAll')
    expect(ws.erasedCases.due()).toEqual([{ id, clientName: 'Zofia Wiśniewska', closedOn: '2019-03-01', dueOn: '2025-03-01', closedAs: 'rejected', action: 'erase' }])
    expect(readAll).not.toHaveBeenCalled()
  })

  it('anonymises instead, when the team says so', async () => {
    ws = await openWorkspace({ dataDir: dir.path, user: DEREK, now: () => new Date('2026-11-02T09:00:00Z') })
    ws.erasedCases.setRetention({ action: 'anonymise', years: 1 })
    const id = await ws.cases.create(referral({ clientName: 'Zofia Wiśniewska' }))
    await ws.cases.change(id, (doc, context) => rejectReferral(doc, { on: '2025-10-01', reason: 'withdrawn', id: randomUUID() }, context))
    expect(await ws.erasedCases.applyRetention()).toEqual([id])
    expect(ws.erasedCases.erased()).toMatchObject([{ id, kind: 'anonymised' }])
  })

  it('applies it only to the cases the manager confirmed: one that became due since waits for the next time', async () => {
    ws = await openWorkspace({ dataDir: dir.path, user: DEREK, now: () => new Date('2026-11-02T09:00:00Z') })
    const [shown, since] = [await ws.cases.create(referral({ clientName: 'Zofia Wiśniewska' })), await ws.cases.create(referral({ clientName: 'Aoife Byrne', chainNumber: '555111', dateOfBirth: '1990-02-03' }))]
    for (const id of [shown, since]) await ws.cases.change(id, (doc, context) => rejectReferral(doc, { on: '2019-03-01', reason: 'withdrawn', id: randomUUID() }, context))
    expect(await ws.erasedCases.applyRetention({ only: [shown] })).toEqual([shown])
    expect((await ws.erasedCases.due()).map((c) => c.id)).toEqual([since])
  })
})
