import { randomUUID } from 'node:crypto'
import { afterEach, describe, expect, it } from 'vitest'
import { serverApi } from '../../src/main/core/sync/server-api'
import { allocate, closeCase, rejectReferral, updateSection } from '../../src/shared/case/changes'
import { isoDateOf } from '../../src/shared/dates'
import type { MonitoringReport } from '../../src/shared/reports/monitoring'
import { restrictions } from '../../src/shared/team/restrictions'
import { AMINA, referral } from '../support/people'
import { eventually, TestTeam, type Laptop } from '../support/sync-team'

const CLIENT = 'Zofia Wiśniewska'

/** A report's figures and charts, each with its cases in one order. */
function figures(report: MonitoringReport) {
  // Not the equality answers: special category data, never kept in the anonymised record (counted as not asked).
  const kept = report.sections.filter((section) => !section.id.startsWith('equality-'))
  return [...kept.flatMap((section) => section.figures), ...report.closures, ...report.reconnections].map((figure) => ({ ...figure, caseIds: [...figure.caseIds].sort() }))
}

describe('a restricted case in the monitoring report of a laptop not allowed it', () => {
  let team: TestTeam | undefined
  afterEach(async () => {
    await team?.cleanup()
    team = undefined
  })

  const syncAll = async (...laptops: Laptop[]) => {
    for (const laptop of laptops) await laptop.sync.syncOnce()
  }

  it('is counted from the anonymised record the server keeps and refreshes as the case changes: the manager gets the same figures as the allowed laptop', async () => {
    team = await TestTeam.start()
    const manager = await team.create()
    const a = await team.join(AMINA)
    const caseId = await manager.workspace.cases.create(referral({ clientName: CLIENT, chainNumber: '918273' }))
    await manager.workspace.cases.change(caseId, (doc, context) => allocate(doc, { id: AMINA.id, name: AMINA.name }, context.today, context))
    await manager.workspace.cases.create(referral({ clientName: 'Aoife Byrne', chainNumber: '555111', dateOfBirth: '1990-02-03' }))
    await syncAll(manager, a, manager, a)
    await eventually(() => a.workspace.cases.list().length === 2, 10_000, 'both cases on A’s laptop')

    // A, the lead caseworker, restricts the case to A alone: the manager's laptop deletes its copy.
    const member = a.workspace.membership.get()!
    await serverApi.restrict(member.server, member.credential, { caseId, to: [AMINA.id] })
    await eventually(async () => {
      await syncAll(manager)
      return manager.workspace.cases.list().length === 1
    }, 10_000, 'the case gone from the manager’s laptop')

    const today = isoDateOf(new Date())
    const range = { from: `${today.slice(0, 4)}-01-01`, to: today }
    const same = async () => JSON.stringify(figures(await manager.workspace.reports.monitoring(range))) === JSON.stringify(figures(await a.workspace.reports.monitoring(range)))
    await eventually(async () => {
      await syncAll(a, manager)
      return same()
    }, 10_000, 'the same figures on both laptops once restricted')
    expect(figures(await manager.workspace.reports.monitoring(range)).find((figure) => figure.label === 'Referrals received')).toMatchObject({ value: 2 })

    // A changes the case (the referral not accepted): the server refreshes its record, and the manager's figures follow.
    await a.workspace.cases.change(caseId, (doc, context) => rejectReferral(doc, { on: today, reason: 'withdrawn', id: randomUUID() }, context))
    await eventually(async () => {
      await syncAll(a, manager)
      return restrictions(manager.workspace.teamDoc())[caseId]?.record?.referralStatus === 'rejected' && (await same())
    }, 10_000, 'the manager’s figures following the case')

    // It is counted without identifying it: its row is "Restricted case", and the team document never names the client.
    const report = await manager.workspace.reports.monitoring(range)
    expect(report.rows.find((row) => row.id === caseId)).toMatchObject({ clientName: 'Restricted case' })
    expect(JSON.stringify(manager.workspace.teamDoc())).not.toContain('Wiśniewska')
    expect(JSON.stringify(manager.workspace.teamDoc())).not.toContain('918273')
  })

  it('counts its income and employment from what its history first recorded, read by the server from the case’s chunks', async () => {
    team = await TestTeam.start()
    const manager = await team.create()
    const a = await team.join(AMINA)
    const caseId = await manager.workspace.cases.create(referral({ clientName: CLIENT, chainNumber: '918273' }))
    await manager.workspace.cases.change(caseId, (doc, context) => allocate(doc, { id: AMINA.id, name: AMINA.name }, context.today, context))
    await syncAll(manager, a, manager, a)
    await eventually(() => a.workspace.cases.list().length === 1, 10_000, 'the case on A’s laptop')
    // First assessed in high need of money and in neither work nor training; by closure low need, in paid work.
    await a.workspace.cases.change(caseId, (doc, context) => updateSection(doc, 'needs', { moneyLevel: 'high', workOrTraining: 'none' }, context))
    await a.workspace.cases.change(caseId, (doc, context) => updateSection(doc, 'needs', { moneyLevel: 'low', workOrTraining: 'employed' }, context))
    const today = isoDateOf(new Date())
    await a.workspace.cases.change(caseId, (doc, context) => closeCase(doc, { type: 'unplanned', unplannedReason: 'disengaged', on: today, id: randomUUID() }, context))
    await syncAll(a, manager)

    const member = a.workspace.membership.get()!
    await serverApi.restrict(member.server, member.credential, { caseId, to: [AMINA.id] })
    await eventually(async () => {
      await syncAll(manager)
      return manager.workspace.cases.list().length === 0
    }, 10_000, 'the case gone from the manager’s laptop')

    const range = { from: `${today.slice(0, 4)}-01-01`, to: today }
    const income = async (laptop: Laptop) => (await laptop.workspace.reports.monitoring(range)).sections.find((section) => section.id === 'income-and-work')!.figures
    const value = async (laptop: Laptop, label: string) => (await income(laptop)).find((figure) => figure.label === label)!.value
    await eventually(async () => {
      await syncAll(a, manager)
      return JSON.stringify(await income(manager)) === JSON.stringify(await income(a))
    }, 10_000, 'the same income and employment figures on both laptops')
    expect(await value(manager, 'Into work or training')).toBe(1)
    expect(await value(manager, 'Less need')).toBe(1)
    expect(restrictions(manager.workspace.teamDoc())[caseId]?.record?.firstRecorded).toEqual({ moneyLevel: 'high', workOrTraining: 'none', benefitClaimsAtFirst: false })
  })
})
