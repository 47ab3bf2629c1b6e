import * as Automerge from '@automerge/automerge/slim'
import { describe, expect, it } from 'vitest'
import { CASEWORKER, caseIn, edit, MANAGER, read } from '../../../tests/support/cases'
import * as change from './changes'
import { leadCaseworkerOf, mayCorrect, parseFieldPath, rebuiltCase } from './correct-value'

/**
 * The document's whole history as text: every change decoded (a change's bytes may be compressed),
 * and the bytes it is saved and sent as.
 */
function historyText(doc: Automerge.Doc<unknown>): string {
  const decoded = Automerge.getAllChanges(doc).map((change) => JSON.stringify(Automerge.decodeChange(change).ops))
  const bytes = [Automerge.save(doc), ...Automerge.getAllChanges(doc)].map((b) => Array.from(b, (byte) => String.fromCharCode(byte)).join(''))
  return [...decoded, ...bytes].join('\n')
}

describe('correcting a value so that the old one is gone from the history', () => {
  it('makes a new document with the right value and no trace of the wrong one', () => {
    const wrong = edit(caseIn('engage'), (d) => change.updateSection(d, 'referral', { chainNumber: '9876543' }, CASEWORKER))
    const later = edit(wrong, (d) => change.updateSection(d, 'referral', { chainNumber: '9876544' }, CASEWORKER))
    // Overwritten, the wrong value is still in every copy's history.
    expect(historyText(later)).toContain('9876543')
    const rebuilt = rebuiltCase(later, parseFieldPath('referral.chainNumber'), '1234567', MANAGER)
    expect(read(rebuilt).referral.chainNumber).toBe('1234567')
    expect(historyText(rebuilt)).toContain('1234567')
    expect(historyText(rebuilt)).not.toContain('9876543')
    expect(historyText(rebuilt)).not.toContain('9876544')
    expect(Automerge.getAllChanges(rebuilt)).toHaveLength(1)
    // Everything else is as it was.
    expect({ ...read(rebuilt), referral: {}, updatedAt: '' }).toEqual({ ...read(later), referral: {}, updatedAt: '' })
    expect(read(rebuilt).referral.clientName).toBe(read(later).referral.clientName)
  })

  it('refuses while another field has two values saved at once, which the new document would lose one of; the field corrected is settled by it', () => {
    const shared = caseIn('engage')
    const here = edit(Automerge.clone(shared, { actor: 'aa'.repeat(16) }), (d) => change.updateSection(d, 'referral', { clientName: 'Zofia Wisniewska' }, CASEWORKER))
    const there = edit(Automerge.clone(shared, { actor: 'bb'.repeat(16) }), (d) => change.updateSection(d, 'referral', { clientName: 'Zofia Wiśniewska' }, MANAGER))
    const merged = Automerge.merge(here, there)
    expect(() => rebuiltCase(merged, parseFieldPath('referral.chainNumber'), '1234567', MANAGER)).toThrow(
      '“Client name” has two values saved at once: choose one on the case first, so the correction loses neither unseen',
    )
    expect(read(rebuiltCase(merged, parseFieldPath('referral.clientName'), 'Zofia Wiśniewska', MANAGER)).referral.clientName).toBe('Zofia Wiśniewska')
    // Once someone chose, the correction goes ahead.
    const chosen = edit(merged, (d) => change.updateSection(d, 'referral', { clientName: 'Zofia Wiśniewska' }, MANAGER))
    expect(read(rebuiltCase(chosen, parseFieldPath('referral.chainNumber'), '1234567', MANAGER)).referral.chainNumber).toBe('1234567')
  })

  it('corrects a list item’s field, and refuses a field that is not one, or a value it cannot hold', () => {
    const doc = edit(caseIn('engage'), (d) =>
      change.addItem(d, 'addresses', 'address-1', { address: '4 Manor Row', localAuthority: 'E08000032', kind: 'own-tenancy', from: '2022-01-10' }, CASEWORKER),
    )
    expect(read(rebuiltCase(doc, parseFieldPath('addresses.address-1.address'), '5 Manor Row', MANAGER)).addresses['address-1']?.address).toBe('5 Manor Row')
    expect(() => parseFieldPath('referral.nothing')).toThrow(/is not a field of a case/)
    expect(() => parseFieldPath('referral')).toThrow(/is not a field of a case/)
    expect(() => rebuiltCase(doc, parseFieldPath('addresses.address-9.address'), 'x', MANAGER)).toThrow(/no longer on this case/)
    expect(() => rebuiltCase(doc, parseFieldPath('referral.dateOfBirth'), 'not a date', MANAGER)).toThrow()
  })

  it('is for a manager or the case’s lead caseworker', () => {
    const allocated = caseIn('engage')
    const lead = leadCaseworkerOf(allocated)
    expect(lead).toBeDefined()
    expect(mayCorrect({ id: 'someone', role: 'manager' }, lead)).toBe(true)
    expect(mayCorrect({ id: lead!, role: 'caseworker' }, lead)).toBe(true)
    expect(mayCorrect({ id: 'member-jo', role: 'caseworker' }, lead)).toBe(false)
    expect(mayCorrect({ id: 'member-jo', role: 'caseworker' }, undefined)).toBe(false)
  })
})
