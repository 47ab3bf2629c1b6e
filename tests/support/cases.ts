import * as Automerge from '@automerge/automerge'
import { newCaseDoc, readCase, type CaseDoc, type CaseRecord } from '../../src/shared/case/case-doc'
import * as change from '../../src/shared/case/changes'
import type { ChangeContext } from '../../src/shared/case/changes'
import { PHASES, type Phase } from '../../src/shared/case/phases'
import { referral } from './people'

export const TODAY = '2026-11-23'
export const NOW = new Date('2026-11-23T10:00:00Z')
export const CASEWORKER: ChangeContext = { author: { id: 'member-amina', name: 'Amina Okafor' }, role: 'caseworker', now: NOW, today: TODAY }
export const MANAGER: ChangeContext = { author: { id: 'member-derek', name: 'Derek Hall' }, role: 'manager', now: NOW, today: TODAY }
export const BRADFORD = 'E08000032'

let counter = 0
export const nextId = () => `id-${++counter}`

export function newCase(overrides: Record<string, unknown> = {}): Automerge.Doc<CaseDoc> {
  // Received in July, so that the reconnection in August (below) comes after the referral.
  return Automerge.from(newCaseDoc(referral(overrides) as never, { id: nextId(), author: CASEWORKER.author, now: NOW, today: '2026-07-01' }))
}

export function edit(doc: Automerge.Doc<CaseDoc>, fn: (d: CaseDoc) => void): Automerge.Doc<CaseDoc> {
  return Automerge.change(doc, fn)
}

export const read = (doc: Automerge.Doc<CaseDoc>): CaseRecord => readCase(doc)

/** What each phase needs before the case may move on, done the way a caseworker would. */
const GROUNDWORK: Record<Phase, (d: CaseDoc) => void> = {
  identify: (d) => {
    change.updateSection(d, 'referral', { criterionLocalConnection: 'yes', criterionRoughSleeping: 'living-on-street', criterionMultipleNeeds: 'yes' }, CASEWORKER)
    change.acceptReferral(d, '2026-11-03', CASEWORKER)
  },
  allocate: (d) => change.allocate(d, CASEWORKER.author, '2026-11-04', MANAGER),
  engage: (d) => change.updateSection(d, 'engagement', { consentToRecord: 'yes', consentToRecordOn: '2026-11-05', consentToRecordHow: 'written' }, CASEWORKER),
  'reconnection-planning': (d) => {
    change.addItem(d, 'addresses', nextId(), { address: '4 Manor Row', localAuthority: BRADFORD, kind: 'own-tenancy', from: '2022-01-10', to: '2026-03-01' }, CASEWORKER)
    change.updateSection(d, 'plan', { destination: BRADFORD, partSevenIntended: 'yes' }, CASEWORKER)
    change.updateSection(d, 'risk', { assessedOn: '2026-11-10', flightRisk: 'low' }, CASEWORKER)
    change.updateSection(d, 'safety', { riskOfHarm: 'no', excluded: 'no', reoffending: 'no', partSevenAccepted: 'no' }, CASEWORKER)
  },
  reconnection: (d) => change.updateSection(d, 'reconnectionDay', { date: '2026-08-12', arrivedOn: '2026-08-12', confidence: 4 }, CASEWORKER),
  'intensive-support': () => undefined,
  'step-down': () => undefined,
  'closure-and-review': () => undefined,
}

/** A case walked forward to `phase` through the real domain changes. */
export function caseIn(phase: Phase, start = newCase()): Automerge.Doc<CaseDoc> {
  let doc = start
  for (const current of PHASES.slice(0, PHASES.indexOf(phase))) doc = edit(doc, (d) => walkOn(d, current))
  return doc
}

/** Inside one change (a workspace's, say): a new case walked forward to `phase`, as `caseIn` does. */
export function walkTo(d: CaseDoc, phase: Phase): void {
  for (const current of PHASES.slice(0, PHASES.indexOf(phase))) walkOn(d, current)
}

function walkOn(d: CaseDoc, current: Phase): void {
  GROUNDWORK[current](d)
  change.advancePhase(d, nextId(), CASEWORKER)
}
