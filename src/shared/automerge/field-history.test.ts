import * as Automerge from '@automerge/automerge/slim'
import { describe, expect, it, vi } from 'vitest'
import { authoredBy } from '../authorship'
import * as change from '../case/changes'
import type { CaseDoc } from '../case/record'
import { BRADFORD, caseIn, CASEWORKER, MANAGER } from '../../../tests/support/cases'
import { fieldConflict, fieldHistory, hasFieldHistory } from './field-history'

// Counted, to show a form's fields share one decoding of the case's changes.
vi.mock('@automerge/automerge/slim', async (importOriginal) => {
  const original = await importOriginal<typeof import('@automerge/automerge/slim')>()
  return { ...original, decodeChange: vi.fn(original.decodeChange) }
})

const at = (iso: string) => ({ now: new Date(iso), today: iso.slice(0, 10) })
const by = (context: change.ChangeContext, doc: Automerge.Doc<CaseDoc>, fn: (d: CaseDoc) => void) =>
  Automerge.change(doc, authoredBy(context.author, context.now), fn)

/** Two laptops set the referral's CHAIN number before either saw the other's change. */
function concurrentChainNumbers() {
  const amina = { ...CASEWORKER, ...at('2026-11-20T10:00:00Z') }
  const derek = { ...MANAGER, ...at('2026-11-20T10:01:00Z') }
  const base = caseIn('engage')
  const one = by(amina, Automerge.clone(base), (d) => change.updateSection(d, 'referral', { chainNumber: '1111111' }, amina))
  const two = by(derek, Automerge.clone(base), (d) => change.updateSection(d, 'referral', { chainNumber: '2222222' }, derek))
  return Automerge.merge(Automerge.clone(one), two)
}

describe('a field two people saved at once', () => {
  it('is a conflict with both values, who wrote each and when', () => {
    const conflict = fieldConflict(concurrentChainNumbers(), ['referral'], 'chainNumber')
    expect(conflict).toHaveLength(2)
    expect(conflict).toEqual(
      expect.arrayContaining([
        { value: '1111111', author: CASEWORKER.author, at: '2026-11-20T10:00:00.000Z', chosenFrom: 0 },
        { value: '2222222', author: MANAGER.author, at: '2026-11-20T10:01:00.000Z', chosenFrom: 0 },
      ]),
    )
  })

  it('lists the value shown first', () => {
    const doc = concurrentChainNumbers()
    expect(fieldConflict(doc, ['referral'], 'chainNumber')?.[0]?.value).toBe(doc.referral.chainNumber?.val)
  })

  it('ends when someone picks one, the shown one or not, and the history keeps every value and the choice', () => {
    for (const picked of ['1111111', '2222222']) {
      const chooser = { ...CASEWORKER, ...at('2026-11-21T09:00:00Z') }
      const doc = by(chooser, concurrentChainNumbers(), (d) => change.chooseValue(d, 'referral', 'chainNumber', picked, chooser))
      expect(fieldConflict(doc, ['referral'], 'chainNumber')).toBeUndefined()
      expect(doc.referral.chainNumber?.val).toBe(picked)
      const history = fieldHistory(doc, ['referral'], 'chainNumber')
      // The number the case was opened with, the two saved at once, and the choice.
      expect(history.map((entry) => entry.value).slice(1, 3).sort()).toEqual(['1111111', '2222222'])
      expect(history).toHaveLength(4)
      expect(history.at(-1)).toEqual({ value: picked, author: CASEWORKER.author, at: '2026-11-21T09:00:00.000Z', chosenFrom: 2 })
    }
  })

  it('is no conflict when one person changes it after the other', () => {
    const base = caseIn('engage')
    const once = by(CASEWORKER, base, (d) => change.updateSection(d, 'referral', { chainNumber: '1111111' }, CASEWORKER))
    const twice = by(MANAGER, once, (d) => change.updateSection(d, 'referral', { chainNumber: '2222222' }, MANAGER))
    expect(fieldConflict(twice, ['referral'], 'chainNumber')).toBeUndefined()
    expect(fieldHistory(twice, ['referral'], 'chainNumber').map((entry) => [entry.value, entry.author?.name])).toEqual([
      ['123456', undefined],
      ['1111111', 'Amina Okafor'],
      ['2222222', 'Derek Hall'],
    ])
  })

  it('is refused when the value picked does not fit the field', () => {
    expect(() => by(CASEWORKER, concurrentChainNumbers(), (d) => change.chooseValue(d, 'referral', 'chainNumber', 'not digits', CASEWORKER))).toThrow()
  })
})

/** Two laptops change one address's postcode before either saw the other's change. */
function concurrentPostcodes() {
  const amina = { ...CASEWORKER, ...at('2026-11-20T10:00:00Z') }
  const derek = { ...MANAGER, ...at('2026-11-20T10:01:00Z') }
  const base = by(CASEWORKER, caseIn('engage'), (d) =>
    change.addItem(d, 'addresses', 'address-1', { address: '4 Manor Row', localAuthority: BRADFORD, kind: 'own-tenancy', from: '2022-01-10' }, CASEWORKER),
  )
  const one = by(amina, Automerge.clone(base), (d) => change.updateItem(d, 'addresses', 'address-1', { postcode: 'BD1 4AS' }, amina))
  const two = by(derek, Automerge.clone(base), (d) => change.updateItem(d, 'addresses', 'address-1', { postcode: 'BD1 4AT' }, derek))
  return Automerge.merge(Automerge.clone(one), two)
}

describe('a field of a list’s item two people saved at once', () => {
  it('is a conflict with both values, who wrote each and when', () => {
    expect(fieldConflict(concurrentPostcodes(), ['addresses', 'address-1'], 'postcode')).toEqual(
      expect.arrayContaining([
        { value: 'BD1 4AS', author: CASEWORKER.author, at: '2026-11-20T10:00:00.000Z', chosenFrom: 0 },
        { value: 'BD1 4AT', author: MANAGER.author, at: '2026-11-20T10:01:00.000Z', chosenFrom: 0 },
      ]),
    )
    expect(fieldConflict(concurrentPostcodes(), ['addresses', 'address-1'], 'address')).toBeUndefined()
  })

  it('ends when someone picks one, and the history keeps every value and the choice', () => {
    for (const picked of ['BD1 4AS', 'BD1 4AT']) {
      const chooser = { ...CASEWORKER, ...at('2026-11-21T09:00:00Z') }
      const doc = by(chooser, concurrentPostcodes(), (d) => change.chooseItemValue(d, 'addresses', 'address-1', 'postcode', picked, chooser))
      expect(fieldConflict(doc, ['addresses', 'address-1'], 'postcode')).toBeUndefined()
      expect(doc.addresses['address-1']?.postcode?.val).toBe(picked)
      const history = fieldHistory(doc, ['addresses', 'address-1'], 'postcode')
      expect(history.map((entry) => entry.value).slice(0, 2).sort()).toEqual(['BD1 4AS', 'BD1 4AT'])
      expect(history.at(-1)).toEqual({ value: picked, author: CASEWORKER.author, at: '2026-11-21T09:00:00.000Z', chosenFrom: 2 })
    }
  })

  it('is refused when the value picked does not fit the field, or the item is gone', () => {
    expect(() => by(CASEWORKER, concurrentPostcodes(), (d) => change.chooseItemValue(d, 'addresses', 'address-1', 'postcode', 'not a postcode', CASEWORKER))).toThrow()
    expect(() => by(CASEWORKER, concurrentPostcodes(), (d) => change.chooseItemValue(d, 'addresses', 'address-2', 'postcode', 'BD1 4AS', CASEWORKER))).toThrow(
      'That item is no longer on this case',
    )
  })
})

describe('reading a form’s fields', () => {
  it('decodes no change when no field is in conflict', () => {
    const doc = caseIn('engage')
    vi.mocked(Automerge.decodeChange).mockClear()
    for (const field of ['clientName', 'chainNumber', 'dateOfBirth']) expect(fieldConflict(doc, ['referral'], field)).toBeUndefined()
    expect(Automerge.decodeChange).not.toHaveBeenCalled()
  })

  it('decodes each change once for every field of one version of the case', () => {
    const doc = concurrentPostcodes()
    vi.mocked(Automerge.decodeChange).mockClear()
    for (let round = 0; round < 20; round++) {
      fieldConflict(doc, ['addresses', 'address-1'], 'postcode')
      fieldHistory(doc, ['addresses', 'address-1'], 'address')
    }
    expect(Automerge.decodeChange).toHaveBeenCalledTimes(Automerge.getAllChanges(doc).length)
  })

  it('knows a field emptied since has a history, and one never set has none, decoding each change once', () => {
    const amina = { ...CASEWORKER, ...at('2026-11-20T10:00:00Z') }
    const set = by(amina, caseIn('engage'), (d) => change.updateSection(d, 'referral', { chainNumber: '1111111' }, amina))
    const cleared = by(amina, set, (d) => change.updateSection(d, 'referral', { chainNumber: undefined }, amina))
    expect(cleared.referral.chainNumber ?? '').toBe('')
    vi.mocked(Automerge.decodeChange).mockClear()
    for (let round = 0; round < 20; round++) {
      expect(hasFieldHistory(cleared, ['referral'], 'chainNumber')).toBe(true)
      expect(hasFieldHistory(cleared, ['referral'], 'gender')).toBe(false)
    }
    expect(Automerge.decodeChange).toHaveBeenCalledTimes(Automerge.getAllChanges(cleared).length)
    expect(fieldHistory(cleared, ['referral'], 'chainNumber').at(-1)?.value).toBeUndefined()
  })
})
