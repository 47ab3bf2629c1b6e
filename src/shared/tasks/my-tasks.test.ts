import { describe, expect, it } from 'vitest'
import { boardFacts, boardRow } from '../board/board'
import * as change from '../case/changes'
import type { CaseRecord } from '../case/record'
import { summariseCase } from '../case/summary'
import { myTasks, taskTiming } from './my-tasks'
import { CASEWORKER, MANAGER, caseIn, edit, newCase, nextId, read, TODAY } from '../../../tests/support/cases'

const AMINA = { ...CASEWORKER.author, role: 'caseworker' as const }
const DEREK = { ...MANAGER.author, role: 'manager' as const }
// Agreed earlier in the month: a new action cannot be due before the day it is agreed.
const EARLIER = { ...CASEWORKER, now: new Date('2026-11-02T10:00:00Z'), today: '2026-11-02' }
const indexed = (id: string, record: CaseRecord) => ({ summary: summariseCase(id, record), board: boardFacts(record) })

// Amina leads a case reconnected on 12/08/2026 (so step down was due from 02/09/2026), with an
// action of hers overdue, one done, and one for Derek; a case whose presentation is on Monday
// 30/11/2026; and a referral nobody has been allocated.
const supported = read(
  edit(caseIn('intensive-support'), (d) => {
    change.addAction(d, 'a1', { description: 'Ring the GP practice', due: '2026-11-20' }, AMINA, EARLIER)
    change.addAction(d, 'a2', { description: 'Book the food bank', due: '2026-11-10', doneOn: '2026-11-10' }, AMINA, CASEWORKER)
    change.addAction(d, 'a3', { description: 'Approve the travel cost', due: '2026-11-24' }, DEREK, CASEWORKER)
  }),
)
const presenting = read(edit(caseIn('reconnection'), (d) => change.updateSection(d, 'reconnectionDay', { date: '2026-11-30' }, CASEWORKER)))
const unallocated = read(newCase())
const cases = [indexed('supported', supported), indexed('presenting', presenting), indexed('unallocated', unallocated)]

describe('my tasks, gathered across cases from the index’s facts', () => {
  it('lists a caseworker’s tasks, soonest first: their actions, step down, and the pack the working day before the presentation', () => {
    const tasks = myTasks(cases, AMINA, TODAY)
    // The supported case is also at its closure point (12/11/2026), with no contact logged since it entered intensive support today.
    expect(tasks.map(({ caseId, kind, due, person }) => ({ caseId, kind, due, person: person?.name }))).toEqual([
      { caseId: 'supported', kind: 'step-down', due: '2026-09-02', person: 'Amina Okafor' },
      { caseId: 'supported', kind: 'closure-point', due: '2026-11-12', person: 'Amina Okafor' },
      { caseId: 'supported', kind: 'action', due: '2026-11-20', person: 'Amina Okafor' },
      { caseId: 'supported', kind: 'no-recent-contact', due: '2026-11-23', person: 'Amina Okafor' },
      { caseId: 'presenting', kind: 'email-pack', due: '2026-11-27', person: 'Amina Okafor' },
    ])
    expect(tasks[4]!.what).toBe('Email the presentation pack to Housing Options, a day in advance of the presentation on Monday 30 November 2026')
    expect(tasks.map((task) => taskTiming(task.due, TODAY))).toEqual(['overdue', 'overdue', 'overdue', 'today', 'coming-up'])
  })

  it('gives an action to the person it is for, and the managers the referrals not yet allocated', () => {
    expect(myTasks(cases, DEREK, TODAY).map(({ caseId, kind, due }) => ({ caseId, kind, due }))).toEqual([
      { caseId: 'unallocated', kind: 'allocate-referral', due: '2026-07-06' },
      { caseId: 'supported', kind: 'action', due: '2026-11-24' },
    ])
  })

  it('looks two weeks ahead unless asked further, and keeps overdue tasks however old', () => {
    expect(myTasks(cases, AMINA, TODAY, '2026-11-21').map((task) => task.kind)).toEqual(['step-down', 'closure-point', 'action'])
    // A year on from consent given on 05/11/2026, the review of consent to record.
    expect(myTasks(cases, AMINA, TODAY, '2027-12-01').filter((task) => task.kind === 'consent-review')).toEqual(
      ['supported', 'presenting'].map((caseId) => expect.objectContaining({ caseId, due: '2027-11-05', what: 'Review consent to record with the client' })),
    )
  })

  it('takes a task off the list once it is done', () => {
    const done = read(
      edit(caseIn('intensive-support'), (d) => {
        change.updateSection(d, 'stepDown', { startedOn: '2026-09-03' }, CASEWORKER)
        change.addNote(d, { date: TODAY, type: 'phone', text: 'Checked in.' }, { ...CASEWORKER, id: nextId() })
      }),
    )
    // Step down started and contact logged today: the closure point stays until the case closes.
    expect(myTasks([indexed('supported', done)], AMINA, TODAY).map((task) => task.kind)).toEqual(['closure-point'])
  })

  it('lists support plan reviews and follow-up checks after closure, as their own rules say they are due', () => {
    const reviewed = read(
      edit(caseIn('intensive-support'), (d) => {
        change.updateSection(d, 'stepDown', { startedOn: '2026-09-03' }, CASEWORKER)
        change.addItem(d, 'goals', nextId(), { goal: 'A home of my own', reviewOn: '2026-11-25' }, CASEWORKER)
        change.addNote(d, { date: TODAY, type: 'phone', text: 'Checked in.' }, { ...CASEWORKER, id: nextId() })
      }),
    )
    expect(myTasks([indexed('reviewed', reviewed)], AMINA, TODAY).map(({ kind, due }) => ({ kind, due }))).toEqual([
      { kind: 'closure-point', due: '2026-11-12' },
      { kind: 'plan-review', due: '2026-11-25' },
    ])

    const closed = read(
      edit(caseIn('intensive-support'), (d) => change.closeCase(d, { type: 'unplanned', unplannedReason: 'disengaged', on: '2026-11-23', id: nextId() }, CASEWORKER)),
    )
    // Closed on 23/11/2026: the 3-month check is due on 23/02/2027; once both are missed, the 6-month one stands for them.
    expect(myTasks([indexed('closed', closed)], AMINA, '2027-02-20').map(({ kind, due }) => ({ kind, due }))).toEqual([{ kind: 'follow-up', due: '2027-02-23' }])
    expect(myTasks([indexed('closed', closed)], AMINA, '2027-06-01').map(({ kind, due, what }) => ({ kind, due, what }))).toEqual([
      { kind: 'follow-up', due: '2027-05-23', what: 'Follow-up check 6 months after closure: is the client still accommodated?' },
    ])
  })

  it('gives an action agreed with a partner to the team member named as doing it, else to the lead caseworker to chase', () => {
    const referred = read(
      edit(caseIn('intensive-support'), (d) => {
        change.updateSection(d, 'stepDown', { startedOn: '2026-09-03' }, CASEWORKER)
        change.addItem(d, 'onwardReferrals', 'r', { agency: 'Bradford Floating Support', madeOn: '2026-11-10', reason: 'Settling in', outcome: 'accepted' }, CASEWORKER)
        change.addPartnerAction(d, 'r', 'p1', { partnerAction: 'First visit at the flat', partnerActionBy: 'Sarah at the agency', partnerActionDue: '2026-11-20' }, CASEWORKER)
        change.addPartnerAction(d, 'r', 'p2', { partnerAction: 'Bring the tenancy papers', partnerActionBy: 'derek hall', partnerActionDue: '2026-11-26' }, CASEWORKER)
        change.addPartnerAction(d, 'r', 'p3', { partnerAction: 'Benefits check', partnerActionDue: '2026-11-21', partnerActionDoneOn: '2026-11-21' }, CASEWORKER)
      }),
    )
    const team = [AMINA, DEREK].map(({ id, name }) => ({ id, name }))
    const tasksOf = (person: typeof AMINA | typeof DEREK) =>
      myTasks([indexed('referred', referred)], person, TODAY, undefined, team)
        // The case's other tasks (its closure point, contact expected) are tested on their own.
        .filter((task) => task.kind === 'partner-action')
        .map(({ kind, due, what, person: whose }) => ({ kind, due, what, person: whose?.name }))
    expect(tasksOf(AMINA)).toEqual([{ kind: 'partner-action', due: '2026-11-20', what: 'Chase Bradford Floating Support: First visit at the flat', person: 'Amina Okafor' }])
    expect(tasksOf(DEREK)).toEqual([{ kind: 'partner-action', due: '2026-11-26', what: 'Bring the tenancy papers (agreed with Bradford Floating Support)', person: 'Derek Hall' }])
  })

  it('keeps a closed case’s open actions as they were, but as no one’s work: its only task is a follow-up check due, as its only flag is, and the board shows no next action', () => {
    const closedDoc = edit(caseIn('intensive-support'), (d) => {
      change.addAction(d, 'a1', { description: 'Ring the GP practice', due: '2026-11-20' }, AMINA, EARLIER)
      change.closeCase(d, { type: 'unplanned', unplannedReason: 'disengaged', on: '2026-11-23', id: nextId() }, CASEWORKER)
    })
    const closed = read(closedDoc)
    expect(closed.actions.a1).toMatchObject({ description: 'Ring the GP practice', due: '2026-11-20' })
    expect(closed.actions.a1!.doneOn).toBeUndefined()
    const row = (record: CaseRecord, today: string) => boardRow(summariseCase('closed', record), boardFacts(record), today)
    expect(myTasks([indexed('closed', closed)], AMINA, TODAY)).toEqual([])
    expect(row(closed, TODAY)).toMatchObject({ flags: [], nextAction: null })
    // Three months on, the follow-up check is due: the one task and the one flag.
    expect(myTasks([indexed('closed', closed)], AMINA, '2027-02-23').map(({ kind, due }) => ({ kind, due }))).toEqual([{ kind: 'follow-up', due: '2027-02-23' }])
    expect(row(closed, '2027-02-23')).toMatchObject({ flags: [{ kind: 'follow-up-due' }], nextAction: null })

    // Reopened, its open action is work again: overdue, a task, the next action.
    const reopened = read(edit(closedDoc, (d) => change.reopenCase(d, { reason: 'Back in touch', id: nextId() }, CASEWORKER)))
    expect(myTasks([indexed('reopened', reopened)], AMINA, TODAY).filter((task) => task.kind === 'action')).toEqual([expect.objectContaining({ due: '2026-11-20', what: 'Ring the GP practice' })])
    expect(row(reopened, TODAY)).toMatchObject({ nextAction: { description: 'Ring the GP practice', due: '2026-11-20' } })
    expect(row(reopened, TODAY).flags).toContainEqual({ kind: 'overdue-action', message: '1 overdue action' })
  })

  it('lists what the board flags as due on an open case for its lead caseworker, dated by the flag’s own rule: the closure point, contact expected, consent to record withdrawn', () => {
    // Reconnected on 12/08/2026; contact last logged on Sunday 01/11/2026; consent to record withdrawn on Saturday 21/11/2026.
    const record = read(
      edit(caseIn('intensive-support'), (d) => {
        change.addNote(d, { date: '2026-11-01', type: 'phone', text: 'Checked in.' }, { ...CASEWORKER, id: nextId() })
        change.updateSection(d, 'stepDown', { startedOn: '2026-09-03' }, CASEWORKER)
        change.updateSection(d, 'engagement', { consentToRecordWithdrawnOn: '2026-11-21' }, CASEWORKER)
      }),
    )
    const tasks = myTasks([indexed('flagged', record)], AMINA, TODAY)
    expect(tasks.map(({ kind, due, person, what }) => ({ kind, due, person: person?.name, what }))).toEqual([
      {
        kind: 'closure-point',
        due: '2026-11-12',
        person: 'Amina Okafor',
        what: 'The client is 3 months post reconnection on 12/11/2026: consider closure with the closure checklist (Tool 4)',
      },
      // Expected by Sunday 15/11: due the Friday before; the board flags it from Monday 16/11.
      {
        kind: 'no-recent-contact',
        due: '2026-11-13',
        person: 'Amina Okafor',
        what: 'No contact logged since 01/11/2026: contact is expected at least every 14 days in intensive support',
      },
      // Withdrawn on a Saturday: due the next working day.
      {
        kind: 'consent-withdrawn',
        due: '2026-11-23',
        person: 'Amina Okafor',
        what: 'Łukasz withdrew consent to record information on 21/11/2026: close the case, then ask a manager to erase it.',
      },
    ])
    const flags = (today: string) => boardRow(summariseCase('flagged', record), boardFacts(record), today).flags.map((flag) => flag.kind)
    expect(flags(TODAY)).toEqual(['no-recent-contact', 'closure-point', 'consent-withdrawn'])
    // The board's flags on earlier days (consent withdrawn is flagged whatever the day).
    expect(flags('2026-11-13')).toEqual(['closure-point', 'consent-withdrawn'])
    expect(flags('2026-11-16')).toEqual(['no-recent-contact', 'closure-point', 'consent-withdrawn'])
    // Before the closure point and the day contact is expected, each is a task coming up, not yet a flag.
    expect(myTasks([indexed('flagged', record)], AMINA, '2026-11-02').map(({ kind, due }) => ({ kind, due }))).toEqual([
      { kind: 'closure-point', due: '2026-11-12' },
      { kind: 'no-recent-contact', due: '2026-11-13' },
    ])
  })
})
