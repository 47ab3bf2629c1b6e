import { describe, expect, it } from 'vitest'
import type { CaseRecord } from '../case/record'
import { BRADFORD, CASEWORKER, newCase, read } from '../../../tests/support/cases'
import { anonymisedCase, anonymisedCaseSchema, ERASED_CASE_NAME, firstRecordedOf, reportRecordOf } from './anonymised-case'
import { monitoringReport, type ReportCase } from './monitoring'

const by = CASEWORKER.author
const RANGE = { from: '2026-04-01', to: '2026-06-30' }
const TODAY = '2026-06-30'

/** A case made by hand, with what its needs assessment first recorded. */
function withFirst(firstRecorded: NonNullable<ReportCase['firstRecorded']>, id: string, shape: (r: CaseRecord) => void): ReportCase {
  return { ...make(id, shape), firstRecorded }
}

/** A case made by hand, with everything that names the person filled in. */
function make(id: string, shape: (r: CaseRecord) => void): ReportCase {
  const record = JSON.parse(JSON.stringify(read(newCase({ clientName: 'Zofia Wiśniewska-Trent', chainNumber: '771234' })))) as CaseRecord
  record.notes.push({ id: `${id}-n`, date: '2026-04-03', type: 'face-to-face', writtenAt: '2026-04-03T10:00:00Z', author: by, text: 'Zofia said her brother in Leeds would help.' } as CaseRecord['notes'][number])
  record.addresses[`${id}-a`] = { line1: '14 Quayside Mews', town: 'Bradford', from: '2020-01-01' } as unknown as CaseRecord['addresses'][string]
  shape(record)
  return { id, record }
}

const CASES: ReportCase[] = [
  withFirst({ moneyLevel: 'high', educationAndWorkLevel: 'high', workOrTraining: 'none', benefitClaimsAtFirst: false }, 'A', (r) => {
    r.referral = { ...r.referral, receivedOn: '2026-04-02', status: 'accepted', decidedOn: '2026-04-08', outreachTeam: 'Westminster Outreach' }
    r.engagement.referralConfirmedOn = '2026-04-24'
    r.plan.destination = BRADFORD
    r.reconnectionDay.arrivedOn = '2026-05-20'
    r.status = 'closed'
    r.phase = 'closure-and-review'
    r.outcome = { type: 'planned', closedOn: '2026-06-10', closedBy: by, details: 'Settled with her brother.' }
    r.expenses.e1 = { date: '2026-05-19', category: 'travel', amount: 4250, description: 'Train to Bradford', recordedBy: by }
    r.followUps.f = { check: '3-months', doneOn: '2026-06-20', contactMethod: 'phone', stillAccommodated: 'yes', returnedToRoughSleeping: 'no', note: 'Settled, said Zofia.' }
    r.wellbeing = { start: { on: '2026-04-10', items: [2, 2, 2, 2, 2, 2, 2] }, closure: { on: '2026-06-10', items: [3, 3, 3, 3, 3, 3, 3] } }
    r.needs = { moneyLevel: 'low', educationAndWorkLevel: 'high', workOrTraining: 'employed', benefitClaims: 'Universal Credit to the Quayside account.' }
    r.intensiveSupport = { financesOn: '2026-06-01', financesNote: 'Zofia budgets well.' }
    r.employment.j = { employer: 'Quayside Bakery', localAuthority: BRADFORD, from: '2026-06-01' }
    r.onwardReferrals.o = { agency: 'Quayside floating support', madeOn: '2026-05-25', reason: 'Settled with her brother.', outcome: 'accepted' }
    r.equality = { gender: 'woman', ethnicity: 'white-other' }
  }),
  make('B', (r) => {
    r.referral = { ...r.referral, receivedOn: '2026-05-22', status: 'rejected', decidedOn: '2026-05-29', rejectionReason: 'declined' }
    r.status = 'closed'
    r.outcome = { type: 'rejected', closedOn: '2026-05-29', closedBy: by }
  }),
  make('C', (r) => {
    r.referral = { ...r.referral, receivedOn: '2026-03-30', status: 'accepted', decidedOn: '2026-03-31' }
    r.previousCaseId = 'A'
    r.status = 'closed'
    r.outcome = { type: 'unplanned', unplannedReason: 'disengaged', closedOn: '2026-06-01', closedBy: by }
  }),
  make('D', (r) => {
    r.referral = { ...r.referral, receivedOn: '2026-06-10' }
  }),
]

describe('an erased case’s anonymised record', () => {
  it('holds nothing that names the person: no name, date of birth, CHAIN number, notes, addresses, free text or caseworker', () => {
    for (const { record } of CASES) {
      const kept = JSON.stringify(anonymisedCase(record, { benefitClaimsAtFirst: true, moneyLevel: 'high' }))
      for (const identifying of ['Zofia', 'Wiśniewska', '771234', record.referral.dateOfBirth, 'brother', 'Quayside', 'Train to', 'Settled', by.name, by.id]) {
        expect(kept).not.toContain(identifying)
      }
      expect(anonymisedCaseSchema.safeParse(JSON.parse(kept)).success).toBe(true)
    }
  })

  it('gives the monitoring report the same figures as the case it replaces', () => {
    const before = monitoringReport(CASES, RANGE, TODAY)
    const after = monitoringReport(
      CASES.map(({ id, record, firstRecorded }) => {
        const kept = anonymisedCaseSchema.parse(JSON.parse(JSON.stringify(anonymisedCase(record, firstRecorded))))
        return { id, record: reportRecordOf(kept), firstRecorded: firstRecordedOf(kept), anonymised: true }
      }),
      RANGE,
      TODAY,
    )
    // The equality answers are special category data, not kept when a case is erased: those
    // sections count an erased case as "Not asked", and say so. Every other figure is the same.
    const equality = (section: { id: string }) => section.id.startsWith('equality-')
    expect(after.sections.filter((section) => !equality(section))).toEqual(before.sections.filter((section) => !equality(section)))
    const ageBands = after.sections.find((section) => section.id === 'equality-referrals')!.figures.filter((figure) => figure.level === 1 && /^(Not asked|\d)/.test(figure.label))
    expect(ageBands.map((figure) => figure.label)).not.toContain('35 to 44')
    expect(after.tables).toEqual(before.tables)
    // The follow-up check, the wellbeing change, money and work, and the referral on are among them.
    const value = (section: string, label: string) => after.sections.find((s) => s.id === section)!.figures.find((f) => f.label === label)!.value
    expect(value('after-closure', 'Still accommodated at their latest check in the period')).toBe(1)
    expect(value('wellbeing', 'Average change in score, first to last')).toBe(7)
    expect(value('income-and-work', 'Benefit claims recorded at closure')).toBe(1)
    expect(value('income-and-work', 'Not recorded when the needs were first assessed')).toBe(1)
    expect(value('income-and-work', 'Into work or training')).toBe(1)
    expect(value('income-and-work', 'Less need')).toBe(1)
    expect(value('income-and-work', 'In work: a job started since the referral')).toBe(1)
    expect(after.referralsPerMonth).toEqual(before.referralsPerMonth)
    expect(after.closures).toEqual(before.closures)
    expect(after.reconnections).toEqual(before.reconnections)
    expect(after.rows.map((row) => ({ ...row, clientName: '', chainNumber: '', leadCaseworker: '' }))).toEqual(before.rows.map((row) => ({ ...row, clientName: '', chainNumber: '', leadCaseworker: '' })))
    expect(after.rows.every((row) => row.clientName === ERASED_CASE_NAME && row.chainNumber === '')).toBe(true)
  })

  it('leaves nothing to complete: the data completeness check does not count an erased case', () => {
    const after = monitoringReport(CASES.map(({ id, record }) => ({ id, record: reportRecordOf(anonymisedCase(record)), anonymised: true })), RANGE, TODAY)
    expect(after.completeness.cases).toEqual([])
  })
})
