import * as Automerge from '@automerge/automerge/slim'
import { describe, expect, it } from 'vitest'
import { toPlain, toStored } from '../automerge/registers'
import { PARTS_ADDED, withAddedParts } from './added-parts'
import { CASE_SCHEMA_VERSION, readCase, type CaseDoc } from './case-doc'
import * as change from './changes'
import { caseFlags } from './flags'
import { agreedActions, FIRST_ACTION_ID } from './partner-actions'
import { CASEWORKER, caseIn, edit, newCase, nextId, read, TODAY } from '../../../tests/support/cases'

const REFERRAL = { agency: 'Bradford Floating Support', madeOn: '2026-11-10', reason: 'Help to settle into the flat', outcome: 'accepted' }
const FIRST = { partnerAction: 'First visit at the flat', partnerActionBy: 'Sarah, Bradford Floating Support', partnerActionDue: '2026-11-20' }

/** A case as schema 5 wrote it: a referral holding its one agreed action, and no list of them. */
function version5Case(): Automerge.Doc<CaseDoc> {
  const plain = toPlain<Record<string, unknown>>(caseIn('intensive-support'))
  for (const part of PARTS_ADDED[6]!) delete plain[part]
  plain.onwardReferrals = { r1: { ...REFERRAL, ...FIRST } }
  return Automerge.from(toStored({ ...plain, schemaVersion: 5 })) as unknown as Automerge.Doc<CaseDoc>
}

const onLaptop = (doc: Automerge.Doc<CaseDoc>, actor: string) => Automerge.clone(doc, { actor: actor.repeat(32) })
const whats = (doc: Automerge.Doc<CaseDoc>, referral?: string) => agreedActions(read(doc), referral).map((action) => action.values.partnerAction)

describe('the actions agreed with partners on an onward referral', () => {
  it('are any number a referral, each with what, who, due by and done on, added, changed, marked done and removed', () => {
    let doc = edit(caseIn('intensive-support'), (d) => change.addItem(d, 'onwardReferrals', 'r', REFERRAL, CASEWORKER))
    doc = edit(doc, (d) => {
      change.addPartnerAction(d, 'r', 'a1', { partnerAction: 'Key worker named', partnerActionDue: '2026-11-25' }, CASEWORKER)
      change.addPartnerAction(d, 'r', 'a2', { partnerAction: 'First visit', partnerActionBy: 'Sarah', partnerActionDue: '2026-11-20' }, CASEWORKER)
    })
    expect(whats(doc, 'r')).toEqual(['First visit', 'Key worker named'])
    doc = edit(doc, (d) => change.updatePartnerAction(d, 'r', 'a2', { partnerActionDoneOn: '2026-11-21' }, CASEWORKER))
    expect(read(doc).partnerActions.a2).toEqual({ referral: 'r', partnerAction: 'First visit', partnerActionBy: 'Sarah', partnerActionDue: '2026-11-20', partnerActionDoneOn: '2026-11-21' })
    doc = edit(doc, (d) => change.removePartnerAction(d, 'r', 'a1', CASEWORKER))
    expect(whats(doc, 'r')).toEqual(['First visit'])
  })

  it('refuses an action without its words, or dated before its referral, by the field’s label', () => {
    const doc = edit(caseIn('intensive-support'), (d) => change.addItem(d, 'onwardReferrals', 'r', REFERRAL, CASEWORKER))
    expect(() => edit(doc, (d) => change.addPartnerAction(d, 'r', nextId(), { partnerActionDue: '2026-11-25' }, CASEWORKER))).toThrow(
      expect.objectContaining({ issues: [{ field: 'partnerAction', message: 'Say what was agreed with the partner' }] }),
    )
    expect(() => edit(doc, (d) => change.addPartnerAction(d, 'r', nextId(), { partnerAction: 'Call', partnerActionDue: '2026-11-09' }, CASEWORKER))).toThrow(
      expect.objectContaining({ issues: [{ field: 'partnerActionDue', message: 'Due by (09/11/2026) cannot be before the referral was made (10/11/2026)' }] }),
    )
    const added = edit(doc, (d) => change.addPartnerAction(d, 'r', 'a', { partnerAction: 'Call', partnerActionDue: '2026-11-12' }, CASEWORKER))
    // Moving the referral later than its action's date is refused too, on the date moved.
    expect(() => edit(added, (d) => change.updateItem(d, 'onwardReferrals', 'r', { madeOn: '2026-11-13' }, CASEWORKER))).toThrow(
      expect.objectContaining({ issues: [{ field: 'madeOn', message: 'Due by (12/11/2026) cannot be before the referral was made (13/11/2026)' }] }),
    )
    expect(() => edit(added, (d) => change.updatePartnerAction(d, 'r', 'a', { partnerActionDoneOn: '2026-11-24' }, CASEWORKER))).toThrow(/Done on/)
    expect(() => edit(added, (d) => change.addPartnerAction(d, 'gone', nextId(), { partnerAction: 'Call' }, CASEWORKER))).toThrow('That onward referral is no longer on this case')
    expect(() => edit(added, (d) => change.removeItem(d, 'onwardReferrals', 'r', CASEWORKER))).toThrow('This referral has actions agreed with the partner: remove them first')
  })

  it('are each counted by SAFE’s red flag when missed', () => {
    let doc = edit(caseIn('intensive-support'), (d) => change.addItem(d, 'onwardReferrals', 'r', REFERRAL, CASEWORKER))
    doc = edit(doc, (d) => {
      change.addPartnerAction(d, 'r', 'a1', { partnerAction: 'Key worker named', partnerActionDue: '2026-11-21' }, CASEWORKER)
      change.addPartnerAction(d, 'r', 'a2', { partnerAction: 'First visit', partnerActionDue: '2026-11-18' }, CASEWORKER)
      change.addPartnerAction(d, 'r', 'a3', { partnerAction: 'Benefits check', partnerActionDue: TODAY }, CASEWORKER)
    })
    expect(caseFlags(read(doc), TODAY)).toContainEqual({ kind: 'missed-partner-action', message: '2 actions agreed with a partner missed (due 18/11/2026)' })
    doc = edit(doc, (d) => change.updatePartnerAction(d, 'r', 'a2', { partnerActionDoneOn: '2026-11-22' }, CASEWORKER))
    expect(caseFlags(read(doc), TODAY)).toContainEqual({ kind: 'missed-partner-action', message: '1 action agreed with a partner missed (due 21/11/2026)' })
  })
})

describe('the one action a referral held before schema 6', () => {
  it('is the first of its list, changed and removed where it is held, nothing lost', () => {
    let doc = version5Case()
    expect(readCase(doc).schemaVersion).toBe(CASE_SCHEMA_VERSION)
    expect(agreedActions(read(doc))).toEqual([{ id: FIRST_ACTION_ID, referral: 'r1', values: FIRST }])
    doc = Automerge.change(withAddedParts(doc), (d) => change.addPartnerAction(d, 'r1', 'a', { partnerAction: 'Tenancy sign-up', partnerActionDue: '2026-11-11' }, CASEWORKER))
    expect(whats(doc, 'r1')).toEqual([FIRST.partnerAction, 'Tenancy sign-up'])
    doc = edit(doc, (d) => change.updatePartnerAction(d, 'r1', FIRST_ACTION_ID, { partnerActionDoneOn: '2026-11-19' }, CASEWORKER))
    expect(read(doc).onwardReferrals.r1).toMatchObject({ ...FIRST, partnerActionDoneOn: '2026-11-19' })
    expect(() => edit(doc, (d) => change.updatePartnerAction(d, 'r1', FIRST_ACTION_ID, { partnerAction: undefined }, CASEWORKER))).toThrow(
      expect.objectContaining({ issues: [{ field: 'partnerAction', message: 'Say what was agreed with the partner' }] }),
    )
    expect(() => edit(doc, (d) => change.updatePartnerAction(d, 'r1', FIRST_ACTION_ID, { agency: 'Elsewhere' }, CASEWORKER))).toThrow(/Not a field of this form/)
    doc = edit(doc, (d) => change.removePartnerAction(d, 'r1', FIRST_ACTION_ID, CASEWORKER))
    expect(whats(doc, 'r1')).toEqual(['Tenancy sign-up'])
    expect(read(doc).onwardReferrals.r1).toEqual(REFERRAL)
  })

  it('upgraded on two laptops at once and merged, is one action, and every action either added is kept', () => {
    const shared = version5Case()
    const upgradedOn = (actor: string, what: string) =>
      Automerge.change(withAddedParts(onLaptop(shared, actor)), (d) => {
        change.addPartnerAction(d, 'r1', `from-${actor}`, { partnerAction: what, partnerActionDue: '2026-11-30' }, CASEWORKER)
        change.updatePartnerAction(d, 'r1', FIRST_ACTION_ID, { partnerActionBy: `Sarah (${actor})` }, CASEWORKER)
      })
    const merged = Automerge.merge(upgradedOn('a', 'Call from A'), upgradedOn('b', 'Call from B'))
    // The list is the schema's one shared map, not one from each laptop.
    expect(Automerge.getConflicts(merged, 'partnerActions' as never)).toBeUndefined()
    const actions = agreedActions(readCase(merged), 'r1')
    expect(actions.map((action) => action.values.partnerAction)).toEqual([FIRST.partnerAction, 'Call from A', 'Call from B'])
    expect(actions.filter((action) => action.id === FIRST_ACTION_ID)).toHaveLength(1)
    // The first action's "who", saved on both at once, is a conflict of its field, both values kept to choose from.
    expect(Object.values(Automerge.getConflicts(merged.onwardReferrals.r1!, 'partnerActionBy') ?? {})).toHaveLength(2)
    expect(readCase(merged).schemaVersion).toBe(CASE_SCHEMA_VERSION)
  })
})

describe('a duplicate merged in', () => {
  it('brings its referrals’ agreed actions with them', () => {
    let duplicate = edit(newCase(), (d) => change.addItem(d, 'onwardReferrals', 'dr', REFERRAL, CASEWORKER))
    duplicate = edit(duplicate, (d) => {
      change.addPartnerAction(d, 'dr', 'da1', { partnerAction: 'Visit', partnerActionDue: '2026-11-20' }, CASEWORKER)
      change.addPartnerAction(d, 'dr', 'da2', { partnerAction: 'Call back', partnerActionDue: '2026-11-21' }, CASEWORKER)
    })
    const target = edit(newCase(), (d) => change.mergeDuplicateInto(d, read(duplicate), 'dup', { ...CASEWORKER, id: nextId() }))
    expect(whats(target, 'dr')).toEqual(['Visit', 'Call back'])
  })
})
