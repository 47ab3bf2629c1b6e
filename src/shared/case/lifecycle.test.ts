import { describe, expect, it } from 'vitest'
import * as change from './changes'
import { CaseRuleError } from './changes'
import { advanceProblems, nextStep, phaseChecklist, plannedClosureProblems } from './lifecycle'
import { BRADFORD, CASEWORKER, caseIn, edit, MANAGER, newCase, nextId, read, TODAY } from '../../../tests/support/cases'
import { ValidationError } from '../validation'
import { formatUkDate } from '../dates'
import { NotPermittedError } from '../team/permissions'
import { overrideSafetyGate, withdrawSafetyOverride } from './safety-override'

const context = { today: TODAY }
const problemsOf = (fn: () => void): string[] => {
  try {
    fn()
  } catch (error) {
    if (error instanceof CaseRuleError) return error.problems
    throw error
  }
  return []
}

describe('moving through the eight phases', () => {
  it('follows the model in order, recording each move with who and when', () => {
    const doc = caseIn('closure-and-review')
    const record = read(doc)
    expect(record.phase).toBe('closure-and-review')
    expect(record.phaseHistory.map((entry) => [entry.kind, entry.to])).toEqual([
      ['opened', 'identify'],
      ['forward', 'allocate'],
      ['forward', 'engage'],
      ['forward', 'reconnection-planning'],
      ['forward', 'reconnection'],
      ['forward', 'intensive-support'],
      ['forward', 'step-down'],
      ['forward', 'closure-and-review'],
    ])
    expect(record.phaseHistory.at(-1)).toMatchObject({ by: CASEWORKER.author, at: CASEWORKER.now.toISOString() })
  })

  it.each([
    ['identify', 'The referral has not been accepted yet'],
    ['allocate', 'No lead caseworker allocated'],
    ['engage', 'No consent recorded'],
    ['reconnection', 'Arrival not confirmed'],
  ] as const)('says what is missing before leaving %s', (phase, problem) => {
    const doc = caseIn(phase)
    expect(advanceProblems(read(doc), context)).toContain(problem)
    expect(problemsOf(() => edit(doc, (d) => change.advancePhase(d, nextId(), CASEWORKER)))).toContain(problem)
  })

  it('will not accept a referral that misses one of the three criteria, and tells not met from not recorded yet', () => {
    const doc = edit(newCase(), (d) => change.updateSection(d, 'referral', { criterionLocalConnection: 'yes', criterionMultipleNeeds: 'no' }, CASEWORKER))
    expect(problemsOf(() => edit(doc, (d) => change.acceptReferral(d, TODAY, CASEWORKER)))).toEqual([
      'Criterion 2 not recorded yet: a history of rough sleeping (a, b or c)',
      'Criterion 3 not met: multiple needs',
    ])
  })

  it('goes back a phase only with a reason, and keeps it', () => {
    const doc = caseIn('engage')
    expect(() => edit(doc, (d) => change.movePhaseBack(d, nextId(), '  ', CASEWORKER))).toThrow(ValidationError)
    const back = edit(doc, (d) => change.movePhaseBack(d, nextId(), 'New lead caseworker needed', CASEWORKER))
    expect(read(back).phase).toBe('allocate')
    expect(read(back).phaseHistory.at(-1)).toMatchObject({ kind: 'back', from: 'engage', to: 'allocate', reason: 'New lead caseworker needed' })
  })
})

describe('the safety gate before Reconnection', () => {
  const planned = () => caseIn('reconnection-planning')

  it('lets the move go ahead when every check is answered no and there is a local connection', () => {
    const doc = edit(planned(), (d) => {
      change.addItem(d, 'addresses', nextId(), { address: '4 Manor Row', localAuthority: BRADFORD, kind: 'own-tenancy', from: '2022-01-10', to: '2026-03-01' }, CASEWORKER)
      change.updateSection(d, 'plan', { destination: BRADFORD }, CASEWORKER)
      change.updateSection(d, 'risk', { assessedOn: '2026-11-10' }, CASEWORKER)
      change.updateSection(d, 'safety', { riskOfHarm: 'no', excluded: 'no', reoffending: 'no', partSevenAccepted: 'no' }, CASEWORKER)
    })
    expect(advanceProblems(read(doc), context)).toEqual([])
  })

  it('blocks the move while a check fails, saying which', () => {
    const doc = edit(planned(), (d) => {
      change.addItem(d, 'addresses', nextId(), { address: '4 Manor Row', localAuthority: BRADFORD, kind: 'own-tenancy', from: '2022-01-10', to: '2026-03-01' }, CASEWORKER)
      change.updateSection(d, 'plan', { destination: BRADFORD }, CASEWORKER)
      change.updateSection(d, 'risk', { assessedOn: '2026-11-10' }, CASEWORKER)
      change.updateSection(d, 'safety', { riskOfHarm: 'yes', excluded: 'no', reoffending: 'no' }, CASEWORKER)
    })
    const problems = problemsOf(() => edit(doc, (d) => change.advancePhase(d, nextId(), CASEWORKER)))
    expect(problems).toEqual([
      'Safety check: the client would be at risk of harm in the destination area',
      'Safety check not answered: Has a local authority here accepted a duty to the client under Part 7 of the Housing Act 1996?',
    ])
  })

  it('blocks a client with no local connection anywhere', () => {
    const doc = edit(planned(), (d) => {
      change.updateSection(d, 'plan', { destination: BRADFORD }, CASEWORKER)
      change.updateSection(d, 'risk', { assessedOn: '2026-11-10' }, CASEWORKER)
      change.updateSection(d, 'safety', { riskOfHarm: 'no', excluded: 'no', reoffending: 'no', partSevenAccepted: 'no' }, CASEWORKER)
    })
    expect(advanceProblems(read(doc), context)).toContain('Safety check: the client has no local connection anywhere on the evidence recorded')
  })

  it('can be overridden by a manager with a written reason, recorded with who and when', () => {
    const doc = edit(planned(), (d) => {
      change.updateSection(d, 'plan', { destination: BRADFORD }, CASEWORKER)
      change.updateSection(d, 'risk', { assessedOn: '2026-11-10' }, CASEWORKER)
      change.updateSection(d, 'safety', { riskOfHarm: 'yes' }, CASEWORKER)
    })
    expect(() => edit(doc, (d) => overrideSafetyGate(d, 'Risk is from one person now in custody', CASEWORKER))).toThrow(
      new NotPermittedError('override-safety-checks'),
    )
    expect(() => edit(doc, (d) => overrideSafetyGate(d, '', MANAGER))).toThrow(ValidationError)
    const overridden = edit(doc, (d) => overrideSafetyGate(d, 'Risk is from one person now in custody', MANAGER))
    expect(read(overridden).safety.override).toEqual({ by: MANAGER.author, at: MANAGER.now.toISOString(), reason: 'Risk is from one person now in custody' })
    const moved = edit(overridden, (d) => change.advancePhase(d, nextId(), CASEWORKER))
    expect(read(moved).phase).toBe('reconnection')
  })

  it('has an override withdrawn by a manager only, and then holds again', () => {
    const doc = edit(planned(), (d) => {
      change.updateSection(d, 'plan', { destination: BRADFORD }, CASEWORKER)
      change.updateSection(d, 'risk', { assessedOn: '2026-11-10' }, CASEWORKER)
      change.updateSection(d, 'safety', { riskOfHarm: 'yes' }, CASEWORKER)
      overrideSafetyGate(d, 'Risk is from one person now in custody', MANAGER)
    })
    expect(() => edit(doc, (d) => withdrawSafetyOverride(d, CASEWORKER))).toThrow(new NotPermittedError('withdraw-safety-override'))
    const withdrawn = edit(doc, (d) => withdrawSafetyOverride(d, MANAGER))
    expect(read(withdrawn).safety.override).toBeUndefined()
    expect(problemsOf(() => edit(withdrawn, (d) => change.advancePhase(d, nextId(), CASEWORKER)))).toContain(
      'Safety check: the client would be at risk of harm in the destination area',
    )
  })
})

describe('ending a case', () => {
  it('closes from any phase as unplanned, with a reason', () => {
    const doc = caseIn('engage')
    expect(() => edit(doc, (d) => change.closeCase(d, { type: 'unplanned', on: TODAY, id: nextId() }, CASEWORKER))).toThrow(ValidationError)
    const closed = edit(doc, (d) => change.closeCase(d, { type: 'unplanned', unplannedReason: 'in-custody', on: TODAY, id: nextId() }, CASEWORKER))
    expect(read(closed)).toMatchObject({ status: 'closed', phase: 'engage', outcome: { type: 'unplanned', unplannedReason: 'in-custody', closedOn: TODAY } })
    expect(nextStep(read(closed), context)).toBe('The case is closed.')
    expect(problemsOf(() => edit(closed, (d) => change.advancePhase(d, nextId(), CASEWORKER)))).toEqual(['The case is closed'])
  })

  it('rejecting a referral ends the case, with the reason and signposting', () => {
    const doc = edit(newCase(), (d) =>
      change.rejectReferral(d, { on: TODAY, reason: 'no-local-connection', signposting: 'Day centre advice service', id: nextId() }, CASEWORKER),
    )
    expect(read(doc)).toMatchObject({
      status: 'closed',
      referral: { status: 'rejected', rejectionReason: 'no-local-connection', signposting: 'Day centre advice service' },
      outcome: { type: 'rejected' },
    })
  })

  it('closes as planned only at the end of Tool 4, starting with the three-month point', () => {
    let doc = caseIn('closure-and-review')
    doc = edit(doc, (d) => change.updateSection(d, 'reconnectionDay', { arrivedOn: '2026-09-01' }, CASEWORKER))
    expect(problemsOf(() => edit(doc, (d) => change.closeCase(d, { type: 'planned', on: TODAY, id: nextId() }, CASEWORKER)))[0]).toMatch(
      /^A planned closure follows Tool 4 to the end\. Step 1: Client is not yet 3 months post reconnection \(that is 01\/12\/2026\)/,
    )
    doc = edit(doc, (d) => change.updateSection(d, 'reconnectionDay', { arrivedOn: '2026-08-12' }, CASEWORKER))
    doc = edit(doc, (d) =>
      change.updateSection(
        d,
        'closure',
        {
          sufficientSupport: 'yes',
          lowRiskOfReturn: 'yes',
          inTemporaryAccommodation: 'no',
          informedOfClosure: 'yes',
          agenciesToldOn: '2026-11-20',
          closedInSystemsOn: '2026-11-20',
          teamReviewOn: '2026-11-21',
        },
        CASEWORKER,
      ),
    )
    expect(problemsOf(() => edit(doc, (d) => change.closeCase(d, { type: 'planned', on: TODAY, id: nextId() }, CASEWORKER)))).toEqual([
      'A planned closure follows Tool 4 to the end. Step 11: Add at least one learning point, ready for review at the next team meeting.',
    ])
    // Before Phase 8, one sentence, with its full stop, never said twice (the close-case form's hint).
    expect(plannedClosureProblems(read(caseIn('reconnection-planning')), context)).toEqual(['A planned closure happens in Phase 8 – Case closure and review, at the end of Tool 4.'])
    doc = edit(doc, (d) => change.markLearningPointsLogged(d, TODAY, CASEWORKER))
    const closed = edit(doc, (d) => change.closeCase(d, { type: 'planned', on: TODAY, id: nextId() }, CASEWORKER))
    expect(read(closed).outcome).toMatchObject({ type: 'planned', closedBy: CASEWORKER.author })
    expect(nextStep(read(doc), context)).toBe('The closure checklist is complete: close the case.')

    // Reopened, the checklist's answers are from before: the next step says to check them again.
    const reopened = edit(closed, (d) => change.reopenCase(d, { reason: 'Back sleeping rough in Bradford', id: nextId() }, CASEWORKER))
    expect(nextStep(read(reopened), context)).toBe(
      `Reopened on ${formatUkDate(CASEWORKER.now.toISOString().slice(0, 10))}: check each answer of the closure checklist again (they are from before the case was closed), or move the case back to the phase its work is in.`,
    )
    const movedBack = edit(reopened, (d) => change.movePhaseBack(d, nextId(), 'More support needed', CASEWORKER))
    expect(nextStep(read(movedBack), context)).toBe("Ready to move to Phase 8 – Case closure and review. This phase's checklist still has 3 items open: Support started scaling back, and 2 more.")
  })
})

describe('the good-practice checklist', () => {
  it('ticks what the case records, phase by phase', () => {
    const doc = caseIn('engage')
    const before = phaseChecklist('engage', read(doc), context)
    expect(before.find((item) => item.label === 'Consent to record information')?.done).toBe(false)
    const after = edit(doc, (d) => change.updateSection(d, 'engagement', { consentToRecord: 'yes', consentToRecordOn: '2026-11-05' }, CASEWORKER))
    expect(phaseChecklist('engage', read(after), context).find((item) => item.label === 'Consent to record information')?.done).toBe(true)
    expect(nextStep(read(after), context)).toBe("Ready to move to Phase 4 – Reconnection planning. This phase's checklist still has 3 items open: Consent to share information with named agencies, and 2 more.")
  })

  it('on a closed case, shows where it closed and nags no one: no contact or overdue actions judged against today', () => {
    const labels = (doc: ReturnType<typeof newCase>) => phaseChecklist('intensive-support', read(doc), context).map((item) => item.label)
    const open = caseIn('intensive-support')
    expect(labels(open)).toEqual(expect.arrayContaining(['Contact logged in the last 14 days', 'No overdue actions']))
    const closed = edit(open, (d) => change.closeCase(d, { type: 'unplanned', unplannedReason: 'disengaged', on: '2026-11-20', id: nextId() }, CASEWORKER))
    expect(labels(closed)).not.toContain('Contact logged in the last 14 days')
    expect(labels(closed)).not.toContain('No overdue actions')
    expect(labels(closed)).toEqual(labels(open).filter((label) => label !== 'Contact logged in the last 14 days' && label !== 'No overdue actions'))
  })
})

describe('the presentation pack documents on the planning checklist', () => {
  const gathered = (doc: ReturnType<typeof newCase>) =>
    phaseChecklist('reconnection-planning', read(doc), context).find((item) => item.label === 'Presentation pack documents gathered')?.done

  it('counts a document as gathered when the plan says so, or when a scan of that type is attached', () => {
    let doc = edit(newCase(), (d) =>
      change.updateSection(d, 'plan', { docIdentity: 'gathered', docBenefits: 'to-get', docMedical: 'not-applicable', docAddressHistory: 'gathered' }, CASEWORKER),
    )
    expect(gathered(doc)).toBe(false)
    const file = { mediaType: 'application/pdf', size: 10, sha256: 'x', pages: 1 } as const
    doc = edit(doc, (d) => change.addAttachment(d, nextId(), { ...file, fileName: 'award.pdf' }, { type: 'benefits', date: '2026-11-01', shareInPack: 'yes' }, CASEWORKER))
    expect(gathered(doc)).toBe(false)
    doc = edit(doc, (d) => change.addAttachment(d, nextId(), { ...file, fileName: 'psych.pdf' }, { type: 'priority-need', date: '2026-11-01', shareInPack: 'no' }, CASEWORKER))
    expect(gathered(doc)).toBe(true)
  })
})

describe('the presentation pack and the day on the reconnection checklist (Phase 5)', () => {
  const steps = ['Presentation pack emailed to Housing Options a day before', 'Client told what to expect on the day', 'Presentation pack handed over on the day']
  const done = (doc: ReturnType<typeof newCase>) =>
    phaseChecklist('reconnection', read(doc), context)
      .filter((item) => steps.includes(item.label))
      .map((item) => [item.label, item.done])

  it('has a place for each step, done when its date is recorded, and refuses a date still to come', () => {
    const doc = newCase()
    expect(done(doc)).toEqual(steps.map((step) => [step, false]))
    const recorded = edit(doc, (d) =>
      change.updateSection(d, 'reconnectionDay', { packEmailedOn: '2026-11-22', clientToldAboutDayOn: '2026-11-22', packHandedOverOn: TODAY }, CASEWORKER),
    )
    expect(done(recorded)).toEqual(steps.map((step) => [step, true]))
    expect(() => edit(newCase(), (d) => change.updateSection(d, 'reconnectionDay', { packHandedOverOn: '2026-11-24' }, CASEWORKER))).toThrow(ValidationError)
  })

  it('does not tick "handed over on the day" for a hard copy given on another day', () => {
    const handedOver = (on: string) =>
      edit(newCase(), (d) => change.updateSection(d, 'reconnectionDay', { date: TODAY, packHandedOverOn: on }, CASEWORKER))
    expect(done(handedOver('2026-11-22'))).toContainEqual(['Presentation pack handed over on the day', false])
    expect(done(handedOver(TODAY))).toContainEqual(['Presentation pack handed over on the day', true])
  })
})
