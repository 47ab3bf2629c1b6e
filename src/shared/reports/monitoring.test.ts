import { describe, expect, it } from 'vitest'
import type { CaseRecord } from '../case/record'
import { ValidationError } from '../validation'
import { BRADFORD, CASEWORKER, newCase, read } from '../../../tests/support/cases'
import { completeness } from './completeness'
import { closuresChartTitle, formatFigure, monitoringReport, type MonitoringReport, type ReportCase } from './monitoring'

const base = read(newCase())
const by = CASEWORKER.author

/** A case made by hand, to the day, so every figure has a known answer. */
function make(id: string, shape: (r: CaseRecord) => void): ReportCase {
  const record = JSON.parse(JSON.stringify(base)) as CaseRecord
  shape(record)
  return { id, record }
}
const receive = (r: CaseRecord, on: string, status: CaseRecord['referral']['status'] = 'received', decidedOn?: string) => {
  r.referral = { ...r.referral, receivedOn: on, status, ...(decidedOn ? { decidedOn } : {}) }
}
const close = (r: CaseRecord, outcome: Omit<NonNullable<CaseRecord['outcome']>, 'closedBy'>) => {
  r.status = 'closed'
  r.outcome = { ...outcome, closedBy: by }
}
const expense = (r: CaseRecord, id: string, date: string, category: 'travel' | 'food' | 'move-in-kit' | 'other', amount: number) => {
  r.expenses[id] = { date, category, amount, recordedBy: by }
}

// Q1 of 2026-27. Bank holidays inside: Good Friday 3/4, Easter Monday 6/4, 4/5 and 25/5.
const RANGE = { from: '2026-04-01', to: '2026-06-30' }
const TODAY = '2026-06-30'

const CASES: ReportCase[] = [
  // Thu 2/4, decided Wed 8/4: Good Friday and Easter Monday do not count, so 2 working days.
  make('A', (r) => {
    receive(r, '2026-04-02', 'accepted', '2026-04-08')
    r.referral.outreachTeam = 'Westminster Outreach'
    r.engagement.referralConfirmedOn = '2026-04-24' // the 14th working day
  }),
  // Fri 1/5, decided Thu 7/5 (the bank holiday Monday skipped): exactly 3 working days.
  make('B', (r) => {
    receive(r, '2026-05-01', 'accepted', '2026-05-07')
    r.referral.outreachTeam = 'Westminster Outreach'
    r.engagement.referralConfirmedOn = '2026-05-27' // the 16th working day
  }),
  // Fri 22/5, decided Fri 29/5: the bank holiday skipped, still 4 working days. The person declined.
  make('C', (r) => {
    receive(r, '2026-05-22', 'rejected', '2026-05-29')
    r.referral.outreachTeam = 'Camden Outreach'
    r.referral.rejectionReason = 'declined'
    close(r, { type: 'rejected', closedOn: '2026-05-29' })
  }),
  // Received before the range; arrived in Bradford inside it.
  make('D', (r) => {
    receive(r, '2026-03-30', 'accepted', '2026-03-31')
    r.plan.destination = BRADFORD
    r.reconnectionDay.arrivedOn = '2026-04-20'
  }),
  make('E', (r) => receive(r, '2026-06-29')), // waiting one working day: not yet due
  make('F', (r) => receive(r, '2026-06-10')), // waiting 14 working days: late
  // Referred again 15 months after a reconnected case closed.
  make('G', (r) => {
    receive(r, '2026-04-15', 'accepted', '2026-04-16')
    r.previousCaseId = 'H'
  }),
  make('H', (r) => {
    receive(r, '2024-08-01', 'accepted', '2024-08-02')
    r.reconnectionDay.arrivedOn = '2024-10-01'
    close(r, { type: 'planned', closedOn: '2025-01-15' })
  }),
  // Planned closure inside the range, five and a half months after acceptance.
  make('I', (r) => {
    receive(r, '2025-12-01', 'accepted', '2025-12-02')
    r.reconnectionDay.arrivedOn = '2026-01-10'
    close(r, { type: 'planned', closedOn: '2026-05-15' })
    expense(r, 'i1', '2026-04-10', 'travel', 4250)
    expense(r, 'i2', '2026-03-31', 'food', 1000) // the day before the range
  }),
  // Closed on the range's last day: back on the streets after a reconnection, a year in.
  make('J', (r) => {
    receive(r, '2025-06-01', 'accepted', '2025-06-03')
    r.reconnectionDay.arrivedOn = '2025-08-01'
    close(r, { type: 'unplanned', unplannedReason: 'returned-to-rough-sleeping', closedOn: '2026-06-30' })
    expense(r, 'j1', '2026-06-30', 'move-in-kit', 12000)
    expense(r, 'j2', '2026-07-01', 'travel', 5000) // the day after
  }),
  make('K', (r) => {
    receive(r, '2026-03-31', 'accepted', '2026-04-01')
    close(r, { type: 'inappropriate', inappropriateReason: 'risk-of-harm', details: 'Former partner.', closedOn: '2026-05-01' })
  }),
  make('L', (r) => {
    receive(r, '2026-04-01', 'accepted', '2026-04-02')
    close(r, { type: 'no-provision', details: 'No hostel beds.', closedOn: '2026-04-30' })
  }),
  make('M', (r) => {
    receive(r, '2026-02-01', 'accepted', '2026-02-02')
    close(r, { type: 'unplanned', unplannedReason: 'disengaged', closedOn: '2026-06-01' })
  }),
  // A duplicate merged into another case: counted there, not here.
  make('N', (r) => {
    receive(r, '2026-04-10', 'accepted', '2026-04-10')
    r.mergedInto = 'A'
  }),
]

function figures(report: MonitoringReport, section: string): [string, number, string[]][] {
  return report.sections.find((s) => s.id === section)!.figures.map((f) => [`${f.level ? '  ' : ''}${f.label}`, f.value, [...f.caseIds].sort()])
}

describe('the monitoring report', () => {
  const report = monitoringReport(CASES, RANGE, TODAY)

  it('counts one referring organisation once, however it was typed, named as the team’s list spells it', () => {
    const typedTwoWays = CASES.map((c) =>
      c.record.referral.outreachTeam === 'Westminster Outreach' && c.id === 'B' ? { ...c, record: { ...c.record, referral: { ...c.record.referral, outreachTeam: ' westminster  OUTREACH' } } } : c,
    )
    const lines = figures(monitoringReport(typedTwoWays, RANGE, TODAY, [{ name: 'Westminster Outreach' }]), 'referrals').filter(([label]) => /westminster/i.test(label))
    expect(lines).toEqual([['  Westminster Outreach', 2, ['A', 'B']]])
  })

  it('counts referrals received, decided, by organisation and reason, and re-referrals', () => {
    expect(figures(report, 'referrals')).toEqual([
      ['Referrals received', 7, ['A', 'B', 'C', 'E', 'F', 'G', 'L']],
      ['  Tower Hamlets Outreach', 4, ['E', 'F', 'G', 'L']],
      ['  Westminster Outreach', 2, ['A', 'B']],
      ['  Camden Outreach', 1, ['C']],
      ['Referrals received, by kind of referring organisation', 7, ['A', 'B', 'C', 'E', 'F', 'G', 'L']],
      ['  Not recorded', 7, ['A', 'B', 'C', 'E', 'F', 'G', 'L']],
      ['Accepted', 4, ['A', 'B', 'G', 'L']],
      ['Rejected', 1, ['C']],
      ['  Declined / did not engage', 1, ['C']],
      ['Awaiting a decision', 2, ['E', 'F']],
      ['Re-referrals within 2 years of a previous case closing', 1, ['G']],
    ])
  })

  it('counts referrals by the kind of referring organisation the team’s list gives, self-referrals always', () => {
    const selfReferred = CASES.map((c) => (c.id === 'C' ? { ...c, record: { ...c.record, referral: { ...c.record.referral, outreachTeam: 'Self-referral' } } } : c))
    const list = [{ name: 'Tower Hamlets Outreach', kind: 'outreach-team' as const }, { name: 'Westminster Outreach', kind: 'council' as const }]
    const lines = figures(monitoringReport(selfReferred, RANGE, TODAY, list), 'referrals')
    const byKind = lines.findIndex(([label]) => label === 'Referrals received, by kind of referring organisation')
    expect(lines.slice(byKind + 1, byKind + 4)).toEqual([
      ['  Outreach team', 4, ['E', 'F', 'G', 'L']],
      ['  Council', 2, ['A', 'B']],
      ['  Self-referral', 1, ['C']],
    ])
  })

  it('counts speed in working days, skipping weekends and bank holidays', () => {
    expect(figures(report, 'speed')).toEqual([
      ['Referrals assessed within 3 working days', 67, ['A', 'B', 'G', 'L']],
      ['  Assessed in time', 4, ['A', 'B', 'G', 'L']],
      ['  Late, or still waiting past the deadline', 2, ['C', 'F']],
      ['  Still waiting, not yet due', 1, ['E']],
      ['Full assessments within 14 working days', 25, ['A']],
      ['  Done in time', 1, ['A']],
      ['  Late, or not done past the deadline', 3, ['B', 'G', 'L']],
      ['  Not done, not yet due', 0, []],
    ])
  })

  it('counts outcomes in the range, whenever the case began: each closure once, by its type and by time taken', () => {
    expect(figures(report, 'outcomes')).toEqual([
      ['Reconnections completed (arrival confirmed)', 1, ['D']],
      ['  Bradford', 1, ['D']],
      // Issue 16: the types do not overlap (a case closed as not appropriate is not also "unplanned").
      ['Cases closed', 5, ['I', 'J', 'K', 'L', 'M']],
      ['  Planned: the reconnection is sustained', 1, ['I']],
      ['  Unplanned', 2, ['J', 'M']],
      ['  No progress over a sustained period', 0, []],
      ['  Reconnection not appropriate', 1, ['K']],
      ['  No reconnection possible: no provision in the area of connection', 1, ['L']],
      // Bands, not running totals: within 6 months, then after 6 and within 9, then after 9.
      ['Planned closures, by time taken', 1, ['I']],
      ['  Within 6 months of acceptance', 1, ['I']],
      ['  After 6 months, within 9', 0, []],
      ['  After 9 months', 0, []],
      ['Other closures (unplanned, no progress, not appropriate, no provision), by time taken', 4, ['J', 'K', 'L', 'M']],
      ['  Within 6 months of acceptance', 3, ['K', 'L', 'M']],
      ['  After 6 months, within 9', 0, []],
      ['  After 9 months', 1, ['J']],
      ['Refusals to engage (declined referrals, and closures for disengaging or refusing reconnection)', 2, ['C', 'M']],
    ])
    const closures = figures(report, 'outcomes')
    const sum = (from: number, to: number) => closures.slice(from, to).reduce((total, [, value]) => total + value, 0)
    expect(sum(3, 8)).toBe(closures[2]![1])
  })

  it('counts the people supported in the period and on a day, the range’s last by default', () => {
    expect(figures(report, 'supported')).toEqual([
      // Accepted, and not closed before the range: C was rejected, E and F await a decision, H closed in 2025.
      ['People supported in the period (open at any time in it)', 9, ['A', 'B', 'D', 'G', 'I', 'J', 'K', 'L', 'M']],
      ['  Taken on before the period', 4, ['D', 'I', 'J', 'M']],
      ['  Taken on in the period', 5, ['A', 'B', 'G', 'K', 'L']],
      // J closed on the day itself: supported on it.
      ['People supported on 30/06/2026', 5, ['A', 'B', 'D', 'G', 'J']],
    ])
    const onTheFirst = figures(monitoringReport(CASES, { ...RANGE, on: '2026-05-01' }, TODAY), 'supported').at(-1)
    // B is taken on only on 07/05; L closed the day before; K closes that day.
    expect(onTheFirst).toEqual(['People supported on 01/05/2026', 7, ['A', 'D', 'G', 'I', 'J', 'K', 'M']])
    expect(() => monitoringReport(CASES, { ...RANGE, on: '2026-05-32' }, TODAY)).toThrow(ValidationError)
  })

  it('tables referrals by referring organisation and month, and the main figures by financial quarter', () => {
    const [byMonth, quarters] = report.tables
    expect(byMonth!.columns).toEqual(['Apr 2026', 'May 2026', 'Jun 2026', 'Total'])
    expect(byMonth!.rows.map((row) => [row.label, row.cells.map((cell) => cell.join(''))])).toEqual([
      ['Tower Hamlets Outreach', ['GL', '', 'EF', 'EFGL']],
      ['Westminster Outreach', ['A', 'B', '', 'AB']],
      ['Camden Outreach', ['', 'C', '', 'C']],
    ])
    // Two quarters from February to June: Q4 of 2025-26 in part, and Q1 of 2026-27.
    const longer = monitoringReport(CASES, { from: '2026-02-01', to: '2026-06-30' }, TODAY).tables[1]!
    expect(longer.columns).toEqual(['Q4 2025–26 (Jan–Mar 2026, from 01/02)', 'Q1 2026–27 (Apr–Jun 2026)'])
    const row = (name: string) => longer.rows.find((r) => r.label === name)!.cells.map((cell) => cell.join(''))
    expect(row('Referrals received')).toEqual(['DKM', 'ABCEFGL'])
    expect(row('Reconnections completed')).toEqual(['', 'D'])
    expect(row('Cases closed')).toEqual(['', 'IJKLM'])
    expect(row('People supported (open at any time in the quarter)')).toEqual(['DIJM', 'ABDGIJKLM'])
    expect(quarters!.columns).toEqual(['Q1 2026–27 (Apr–Jun 2026)'])
  })

  it('counts where reconnection was not appropriate: why, referred on, referred again', () => {
    const referredOn = CASES.map((c) =>
      c.id === 'K'
        ? make('K', (r) => {
            Object.assign(r, JSON.parse(JSON.stringify(c.record)))
            r.onwardReferrals.o = { agency: 'Camden floating support', madeOn: '2026-04-20', reason: 'Tenancy support.', outcome: 'accepted' }
            r.reReferredAs = 'Z'
          })
        : c,
    )
    expect(figures(monitoringReport(referredOn, RANGE, TODAY), 'not-appropriate')).toEqual([
      ['Reconnection not appropriate', 1, ['K']],
      ['  At risk of harm in the area of connection', 1, ['K']],
      ['Referred on to another agency', 1, ['K']],
      ['  Accepted by an agency', 1, ['K']],
      ['Referred to the team again', 1, ['K']],
    ])
  })

  it('counts money spent on days inside the range, by category and per case', () => {
    expect(figures(report, 'costs')).toEqual([
      ['Total spent', 16250, ['I', 'J']],
      ['  Travel', 4250, ['I']],
      ['  Food', 0, []],
      ['  Move-in kit', 12000, ['J']],
      ['  Other', 0, []],
      ['Cases with spending', 2, ['I', 'J']],
      ['Average per case with spending', 8125, ['I', 'J']],
    ])
    expect(report.rows.find((row) => row.id === 'J')!.spend).toEqual({ travel: 0, food: 0, 'move-in-kit': 12000, other: 0, total: 12000 })
  })

  it('charts the closures one bar per type, adding up to the cases closed (no progress among them), and the returns apart from them', () => {
    const stalled = make('NP', (r) => {
      receive(r, '2026-01-05', 'accepted', '2026-01-06')
      close(r, { type: 'no-progress', closedOn: '2026-05-12' })
    })
    const withStalled = monitoringReport([...CASES, stalled], RANGE, TODAY)
    expect(withStalled.closures.map((bar) => [bar.label, [...bar.caseIds].sort()])).toEqual([
      ['Planned', ['I']],
      ['Unplanned', ['J', 'M']],
      ['No progress', ['NP']],
      ['Not appropriate', ['K']],
      ['No provision', ['L']],
    ])
    expect(closuresChartTitle(withStalled)).toBe('Cases closed in the period, by type of closure (6 in all)')
    const closed = withStalled.sections.find((section) => section.id === 'outcomes')!.figures.find((figure) => figure.label === 'Cases closed')!
    expect(closed.value).toBe(6)
    expect(withStalled.closures.reduce((sum, bar) => sum + bar.caseIds.length, 0)).toBe(closed.value)
    expect(withStalled.reconnections.map((bar) => [bar.label, bar.caseIds.length])).toEqual([
      ['Reconnections completed', 1],
      ['Returns to rough sleeping', 2],
    ])
  })

  it('charts referrals per month and the outcomes, and lists the cases behind every figure', () => {
    expect(report.referralsPerMonth.map((m) => [m.label, m.caseIds.length])).toEqual([
      ['Apr 2026', 3],
      ['May 2026', 2],
      ['Jun 2026', 2],
    ])
    expect(report.closures.map((bar) => bar.caseIds.length)).toEqual([1, 2, 0, 1, 1])
    expect(report.reconnections.map((bar) => bar.caseIds.length)).toEqual([1, 2])
    const ids = report.rows.map((row) => row.id)
    expect(ids).not.toContain('N')
    expect(ids).not.toContain('H') // closed before the range, named by no figure
    for (const id of ['A', 'D', 'I', 'J', 'M']) expect(ids).toContain(id)
    expect(report.rows.find((row) => row.id === 'K')).toMatchObject({ closure: 'Reconnection not appropriate', closureReason: 'At risk of harm in the area of connection' })
  })

  it('refuses a range that is backwards or not a date', () => {
    expect(() => monitoringReport(CASES, { from: '2026-06-30', to: '2026-04-01' }, TODAY)).toThrow(ValidationError)
    expect(() => monitoringReport(CASES, { from: '2026-02-30', to: '2026-04-01' }, TODAY)).toThrow(ValidationError)
  })

  it('reports on any year, counting its bank holidays: April 2031, Easter Monday 14/4', () => {
    // Thu 10/4/2031, decided Wed 16/4: Good Friday 11/4 and Easter Monday 14/4 skipped, 2 working days.
    const inTime = make('S', (r) => receive(r, '2031-04-10', 'accepted', '2031-04-16'))
    // Thu 10/4/2031, decided Fri 18/4: 4 working days, late.
    const late = make('T', (r) => receive(r, '2031-04-10', 'accepted', '2031-04-18'))
    const report = monitoringReport([inTime, late], { from: '2031-04-01', to: '2031-04-30' }, '2031-04-30')
    expect(figures(report, 'speed').slice(1, 3)).toEqual([
      ['  Assessed in time', 1, ['S']],
      ['  Late, or still waiting past the deadline', 1, ['T']],
    ])
  })
})

describe('returns counted from the follow-up checks after closure', () => {
  // Four clients reconnected in January and closed in March; their checks in June and September.
  const reconnectedAndClosed = (r: CaseRecord) => {
    receive(r, '2025-12-01', 'accepted', '2025-12-02')
    r.reconnectionDay = { arrivedOn: '2026-01-10' }
    close(r, { type: 'planned', closedOn: '2026-03-20' })
  }
  const check = (r: CaseRecord, id: string, followUp: CaseRecord['followUps'][string]) => (r.followUps[id] = followUp)
  const cases = [
    // Back on the streets at 3 months, in the area he slept rough in: one return, counted once for two answers.
    make('P', (r) => {
      reconnectedAndClosed(r)
      check(r, 'p3', { check: '3-months', doneOn: '2026-06-22', contactMethod: 'partner-agency', stillAccommodated: 'no', returnedToRoughSleeping: 'yes', returnedToArea: 'yes' })
    }),
    // Still in her flat at 3 months; at 6 months (after the range) gone back to the streets.
    make('Q', (r) => {
      reconnectedAndClosed(r)
      check(r, 'q3', { check: '3-months', doneOn: '2026-06-20', contactMethod: 'phone', stillAccommodated: 'yes', returnedToRoughSleeping: 'no', returnedToArea: 'no' })
      check(r, 'q6', { check: '6-months', doneOn: '2026-09-20', contactMethod: 'phone', stillAccommodated: 'no', returnedToRoughSleeping: 'yes' })
    }),
    // Back in the area he slept rough in, staying with a friend there: a return to the area, not to the streets.
    make('R', (r) => {
      reconnectedAndClosed(r)
      check(r, 'r3', { check: '3-months', doneOn: '2026-06-25', contactMethod: 'in-person', stillAccommodated: 'no', returnedToRoughSleeping: 'no', returnedToArea: 'yes' })
    }),
    // Never reconnected (closed in Phase 4): an answer on such a case is no return after reconnection.
    make('S', (r) => {
      receive(r, '2025-12-01', 'accepted', '2025-12-02')
      close(r, { type: 'inappropriate', inappropriateReason: 'client-refused', closedOn: '2026-03-20' })
      check(r, 's3', { check: '3-months', doneOn: '2026-06-21', contactMethod: 'phone', returnedToRoughSleeping: 'yes' })
    }),
  ]

  it('counts a return to rough sleeping or to the area found at a check in the range, each client once', () => {
    const outcomes = figures(monitoringReport(cases, RANGE, TODAY), 'after-closure').slice(0, 6)
    expect(outcomes).toEqual([
      ['Returns to rough sleeping after reconnection', 1, ['P']],
      ['  Found at a follow-up check after closure', 1, ['P']],
      ['Returned to the area where they slept rough (follow-up checks)', 2, ['P', 'R']],
      ['People followed up after closure (a check made in the period)', 3, ['P', 'Q', 'R']],
      ['  Still accommodated at their latest check in the period', 1, ['Q']],
      ['Checks made after closure (at 3 and 6 months)', 3, ['P', 'Q', 'R']],
    ])
    // The next quarter holds Q's 6-month check: her return is counted then.
    const next = figures(monitoringReport(cases, { from: '2026-07-01', to: '2026-09-30' }, '2026-09-30'), 'after-closure').slice(0, 2)
    expect(next).toEqual([
      ['Returns to rough sleeping after reconnection', 1, ['Q']],
      ['  Found at a follow-up check after closure', 1, ['Q']],
    ])
  })
})

describe('what each follow-up check found, check by check', () => {
  it('counts the 3-month and 6-month checks made in the range apart, each with its answers', () => {
    const closedAfterReconnection = (r: CaseRecord) => {
      receive(r, '2025-10-01', 'accepted', '2025-10-02')
      r.reconnectionDay = { arrivedOn: '2025-11-10' }
      close(r, { type: 'planned', closedOn: '2026-01-05' })
    }
    const cases = [
      make('U', (r) => {
        closedAfterReconnection(r)
        r.followUps.u3 = { check: '3-months', doneOn: '2026-04-07', contactMethod: 'phone', stillAccommodated: 'yes', returnedToRoughSleeping: 'no' }
        r.followUps.u6 = { check: '6-months', doneOn: '2026-06-08', contactMethod: 'no-contact' }
      }),
      make('V', (r) => {
        closedAfterReconnection(r)
        r.followUps.v6 = { check: '6-months', doneOn: '2026-06-09', contactMethod: 'in-person', stillAccommodated: 'no', returnedToRoughSleeping: 'yes', returnedToArea: 'yes' }
      }),
    ]
    const report = monitoringReport(cases, RANGE, TODAY)
    expect(figures(report, 'after-closure').slice(3)).toEqual([
      // Two people, three checks: U was housed at 3 months, then could not be reached at 6, so is not counted as still accommodated.
      ['People followed up after closure (a check made in the period)', 2, ['U', 'V']],
      ['  Still accommodated at their latest check in the period', 0, []],
      ['Checks made after closure (at 3 and 6 months)', 3, ['U', 'V']],
      ['Checks made 3 months after closure', 1, ['U']],
      ['  Still accommodated', 1, ['U']],
      ['  Returned to rough sleeping', 0, []],
      ['  Returned to the area where they slept rough', 0, []],
      ['  Could not make contact', 0, []],
      ['Checks made 6 months after closure', 2, ['U', 'V']],
      ['  Still accommodated', 0, []],
      ['  Returned to rough sleeping', 1, ['V']],
      ['  Returned to the area where they slept rough', 1, ['V']],
      ['  Could not make contact', 1, ['U']],
    ])
  })
})

describe('still accommodated: by each person’s latest check in the period', () => {
  it('counts a person housed at 3 months but back on the streets at 6 as returned, not still accommodated; people and checks each said', () => {
    const closedAfterReconnection = (r: CaseRecord) => {
      receive(r, '2025-09-01', 'accepted', '2025-09-02')
      r.reconnectionDay = { arrivedOn: '2025-10-10' }
      close(r, { type: 'planned', closedOn: '2025-12-20' })
    }
    const cases = [
      // Wyn: in his flat on 20/03 (3 months), back on the streets on 20/06 (6 months), both in the year.
      make('W', (r) => {
        closedAfterReconnection(r)
        r.followUps.w3 = { check: '3-months', doneOn: '2026-03-20', contactMethod: 'phone', stillAccommodated: 'yes', returnedToRoughSleeping: 'no' }
        r.followUps.w6 = { check: '6-months', doneOn: '2026-06-20', contactMethod: 'partner-agency', stillAccommodated: 'no', returnedToRoughSleeping: 'yes' }
      }),
      // Xena: not housed at 3 months (staying with a friend), in a tenancy at 6: still accommodated at her latest.
      make('X', (r) => {
        closedAfterReconnection(r)
        r.followUps.x3 = { check: '3-months', doneOn: '2026-03-21', contactMethod: 'phone', stillAccommodated: 'no', returnedToRoughSleeping: 'no' }
        r.followUps.x6 = { check: '6-months', doneOn: '2026-06-21', contactMethod: 'in-person', stillAccommodated: 'yes', returnedToRoughSleeping: 'no' }
      }),
    ]
    const year = monitoringReport(cases, { from: '2026-01-01', to: '2026-12-31' }, '2026-12-31')
    expect(figures(year, 'after-closure').slice(0, 6)).toEqual([
      ['Returns to rough sleeping after reconnection', 1, ['W']],
      ['  Found at a follow-up check after closure', 1, ['W']],
      ['Returned to the area where they slept rough (follow-up checks)', 0, []],
      ['People followed up after closure (a check made in the period)', 2, ['W', 'X']],
      ['  Still accommodated at their latest check in the period', 1, ['X']],
      ['Checks made after closure (at 3 and 6 months)', 4, ['W', 'X']],
    ])
    const units = year.sections.find((s) => s.id === 'after-closure')!.figures.slice(3, 6).map((f) => f.unit)
    expect(units).toEqual(['people', 'people', 'checks'])
    // In the first quarter only the 3-month checks were made: Wyn was still accommodated then.
    const spring = monitoringReport(cases, { from: '2026-01-01', to: '2026-03-31' }, '2026-03-31')
    expect(figures(spring, 'after-closure').slice(3, 6)).toEqual([
      ['People followed up after closure (a check made in the period)', 2, ['W', 'X']],
      ['  Still accommodated at their latest check in the period', 1, ['W']],
      ['Checks made after closure (at 3 and 6 months)', 2, ['W', 'X']],
    ])
  })
})

describe('people supported: people, not cases', () => {
  // Pat, referred in January, closed in April and referred again in May (linked as a re-referral);
  // Quinn, taken on in April; Rhys, referred twice in April, the second merged into the first.
  const cases = [
    make('P1', (r) => {
      receive(r, '2026-01-05', 'accepted', '2026-01-06')
      close(r, { type: 'unplanned', unplannedReason: 'disengaged', closedOn: '2026-04-20' })
      r.reReferredAs = 'P2'
    }),
    make('P2', (r) => {
      receive(r, '2026-05-10', 'accepted', '2026-05-11')
      r.previousCaseId = 'P1'
    }),
    make('Q', (r) => receive(r, '2026-04-05', 'accepted', '2026-04-06')),
    make('R', (r) => receive(r, '2026-04-07', 'accepted', '2026-04-08')),
    make('R2', (r) => {
      receive(r, '2026-04-09', 'accepted', '2026-04-10')
      r.mergedInto = 'R'
    }),
  ]
  const report = monitoringReport(cases, RANGE, TODAY)

  it('counts a person referred again once, each figure opening to all their cases, and says how on the report', () => {
    expect(figures(report, 'supported')).toEqual([
      ['People supported in the period (open at any time in it)', 3, ['P1', 'P2', 'Q', 'R']],
      // Pat's first case was taken on before the period: Pat is counted there, with both cases.
      ['  Taken on before the period', 1, ['P1', 'P2']],
      ['  Taken on in the period', 2, ['Q', 'R']],
      ['People supported on 30/06/2026', 3, ['P2', 'Q', 'R']],
    ])
    expect(report.sections.find((s) => s.id === 'supported')!.figures.every((f) => f.unit === 'people')).toBe(true)
    expect(report.sections.find((s) => s.id === 'supported')!.basis).toContain('A person referred again is counted once')
    // In the table by quarter, one case a person: Pat's latest.
    expect(report.tables[1]!.rows.find((r) => r.label.startsWith('People supported'))!.cells).toEqual([['P2', 'Q', 'R']])
  })

  it('counts two cases not linked as two people, whatever their names', () => {
    const unlinked = monitoringReport(
      cases.map((c) => ({ ...c, record: { ...c.record, previousCaseId: undefined, reReferredAs: undefined } })),
      RANGE,
      TODAY,
    )
    expect(figures(unlinked, 'supported')[0]).toEqual(['People supported in the period (open at any time in it)', 4, ['P1', 'P2', 'Q', 'R']])
  })
})

describe('wellbeing, income and work, and equality monitoring in the report', () => {
  const score = (on: string, total: number) => ({ on, items: [total - 6, 1, 1, 1, 1, 1, 1] })
  const cases = [
    // Better by 8, its last score (closure) in the range; money need fell from high to low, work
    // from high to medium, into paid work from none, benefits claimed since first assessed; a job since the referral.
    {
      ...make('W', (r) => {
        receive(r, '2025-11-01', 'accepted', '2025-11-03')
        r.wellbeing = { start: score('2025-11-20', 15), closure: score('2026-05-20', 23) }
        close(r, { type: 'planned', closedOn: '2026-05-20' })
        r.needs = { moneyLevel: 'low', educationAndWorkLevel: 'medium', workOrTraining: 'employed', benefitClaims: 'Universal Credit, paid to the Barclays account.' }
        r.intensiveSupport = { financesOn: '2026-02-01' }
        r.employment.e = { employer: 'Greggs', localAuthority: BRADFORD, from: '2026-03-01' }
        r.equality = { gender: 'man', ethnicity: 'prefer-not-to-say' }
      }),
      firstRecorded: { moneyLevel: 'high', educationAndWorkLevel: 'high', workOrTraining: 'none', benefitClaimsAtFirst: false },
    },
    // Worse by 2 at a review in the range; still open, so not in income and work.
    make('X', (r) => {
      receive(r, '2026-04-02', 'accepted', '2026-04-03')
      r.wellbeing = { start: score('2026-04-10', 20) }
      const [item1, item2, item3, item4, item5, item6, item7] = score('', 18).items
      r.reviews.x1 = { reviewedOn: '2026-06-10', goalsReviewed: 'Housing.', item1, item2, item3, item4, item5, item6, item7 } as never
      r.equality = { gender: 'woman' }
    }),
    // Scored once: no change. Closed with nothing recorded of money or work; a job held before the referral.
    make('Y', (r) => {
      receive(r, '2026-04-20', 'accepted', '2026-04-21')
      r.wellbeing = { start: score('2026-04-22', 12) }
      r.employment.e = { employer: 'Tesco', localAuthority: BRADFORD, from: '2019-01-01', to: '2025-01-01' }
      r.reconnectionDay.arrivedOn = '2026-05-01'
      close(r, { type: 'unplanned', unplannedReason: 'disengaged', closedOn: '2026-06-15' })
      r.equality = { gender: 'prefer-not-to-say' }
    }),
    // Referred before the period, never scored: money need rose from low to medium, work the same;
    // out of training into volunteering; benefits claimed from the first assessment.
    {
      ...make('Z', (r) => {
        receive(r, '2025-10-01', 'accepted', '2025-10-02')
        close(r, { type: 'planned', closedOn: '2026-06-01' })
        r.needs = { moneyLevel: 'medium', educationAndWorkLevel: 'low', workOrTraining: 'volunteering', benefitClaims: 'ESA, paid to the post office account.' }
      }),
      firstRecorded: { moneyLevel: 'low', educationAndWorkLevel: 'low', workOrTraining: 'training', benefitClaimsAtFirst: true },
    },
  ] satisfies ReportCase[]
  const report = monitoringReport(cases, RANGE, TODAY)

  it('counts the change from the first wellbeing score to the last, with the average change', () => {
    expect(figures(report, 'wellbeing')).toEqual([
      ['Wellbeing scored twice or more', 2, ['W', 'X']],
      ['  Better', 1, ['W']],
      ['  No change', 0, []],
      ['  Worse', 1, ['X']],
      ['Average change in score, first to last', 3, ['W', 'X']],
    ])
    expect(formatFigure(report.sections.find((s) => s.id === 'wellbeing')!.figures.at(-1)!)).toBe('+3.0')
  })

  it('counts income and employment on the cases closed in the period, from what was first recorded to closure', () => {
    expect(report.sections.find((s) => s.id === 'income-and-work')!.title).toBe('Income and employment')
    expect(figures(report, 'income-and-work')).toEqual([
      ["The client's financial situation checked (intensive support)", 1, ['W']],
      ['Benefit claims recorded at closure', 2, ['W', 'Z']],
      ['  Not recorded when the needs were first assessed', 1, ['W']],
      ['Finances and benefits: level of need, first assessed to closure', 3, ['W', 'Y', 'Z']],
      ['  Less need', 1, ['W']],
      ['  The same level', 0, []],
      ['  More need', 1, ['Z']],
      ['  Not assessed', 1, ['Y']],
      ['In work or training: first recorded to closure', 3, ['W', 'Y', 'Z']],
      ['  Into work or training', 1, ['W']],
      ['  In work or training, first and last', 0, []],
      ['  No longer in work or training', 1, ['Z']],
      ['  In neither, first or last', 0, []],
      ['  Not recorded', 1, ['Y']],
      ['In work: a job started since the referral', 1, ['W']],
      ['Basic skills, training and employment: level of need, first assessed to closure', 3, ['W', 'Y', 'Z']],
      ['  Less need', 1, ['W']],
      ['  The same level', 1, ['Z']],
      ['  More need', 0, []],
      ['  Not assessed', 1, ['Y']],
    ])
  })

  it('reads a case whose history was not looked at (first recorded unknown) as not assessed and not recorded, never as a change', () => {
    const unknown = monitoringReport(cases.map(({ id, record }) => ({ id, record })), RANGE, TODAY)
    const value = (label: string) => figures(unknown, 'income-and-work').find(([text]) => text === label)!
    expect(value('  Not assessed')).toEqual(['  Not assessed', 3, ['W', 'Y', 'Z']])
    expect(value('  Not recorded')).toEqual(['  Not recorded', 3, ['W', 'Y', 'Z']])
    expect(value('  Not recorded when the needs were first assessed')).toEqual(['  Not recorded when the needs were first assessed', 0, []])
  })

  it('breaks the referrals and the reconnections down by the equality answers, "Prefer not to say" a row of its own', () => {
    const referrals = figures(report, 'equality-referrals')
    expect(referrals.slice(0, 4)).toEqual([
      ['Referrals received, by gender', 2, ['X', 'Y']],
      ['  Woman', 1, ['X']],
      ['  Prefer not to say', 1, ['Y']],
      ['Referrals received, by ethnic group', 2, ['X', 'Y']],
    ])
    expect(figures(report, 'equality-outcomes').slice(0, 2)).toEqual([
      ['Reconnections completed, by gender', 1, ['Y']],
      ['  Prefer not to say', 1, ['Y']],
    ])
  })

  it('breaks every case closed down by the equality answers too, not only those reconnected', () => {
    // W and Z closed as planned, Y unplanned: Z was never asked.
    expect(figures(report, 'equality-closures').slice(0, 9)).toEqual([
      ['Cases closed, by gender', 3, ['W', 'Y', 'Z']],
      ['  Man', 1, ['W']],
      ['  Prefer not to say', 1, ['Y']],
      ['  Not asked', 1, ['Z']],
      ['Cases closed, by ethnic group', 3, ['W', 'Y', 'Z']],
      ['  Prefer not to say', 1, ['W']],
      ['  Not asked', 2, ['Y', 'Z']],
      ['Cases closed, by age band at referral', 3, ['W', 'Y', 'Z']],
      expect.anything(),
    ])
  })
})

describe('data completeness', () => {
  it('counts the essential fields filled for how far each case has come, per caseworker, with the gaps', () => {
    const referral = make('R', (r) => {
      r.referral.chainNumber = ''
    })
    const supported = make('S', (r) => {
      receive(r, '2026-04-01', 'accepted', '2026-04-02')
      r.phase = 'intensive-support'
      r.allocation = { leadCaseworker: by, allocatedOn: '2026-04-02', chainUpdated: 'yes' }
      r.referral = { ...r.referral, criterionLocalConnection: 'yes', criterionRoughSleeping: 'living-on-street', criterionMultipleNeeds: 'yes', publicFunds: 'yes', supportNeeds: 'Alcohol.' }
      r.engagement = { consentToRecord: 'yes', referralConfirmedOn: '2026-04-03' }
      r.addresses.a = { address: '4 Manor Row', localAuthority: BRADFORD, kind: 'own-tenancy', from: '2022-01-10', to: '2026-03-01' } as never
      r.plan.destination = BRADFORD
      r.risk.assessedOn = '2026-04-10'
      r.reconnectionDay.arrivedOn = '2026-04-20'
      r.goals.g = { goal: 'See my children.' }
    })
    const result = completeness([referral, supported])
    const amina = result.perCaseworker.find((entry) => entry.caseworker === by.name)!
    expect(amina).toMatchObject({ cases: 1, expected: 14, filled: 13, percent: 92 })
    expect(result.gaps.filter((gap) => gap.caseId === 'S').map((gap) => gap.field)).toEqual(['Wellbeing at the start of support'])
    const unallocated = result.perCaseworker.find((entry) => entry.caseworker === 'Not allocated')!
    expect(unallocated.expected).toBe(4) // a referral in Identify: its own four fields only
    expect(result.gaps.filter((gap) => gap.caseId === 'R').map((gap) => gap.field)).toContain('CHAIN number')
  })
})
