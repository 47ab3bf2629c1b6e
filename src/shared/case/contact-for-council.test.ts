import { describe, expect, it } from 'vitest'
import { BRADFORD, CASEWORKER, edit, newCase, nextId, read } from '../../../tests/support/cases'
import * as change from './changes'
import { contactForCouncil } from './contact-for-council'

/** Marta's case, planned for Bradford, with her contact details and the plan's answers given. */
function marta(plan: Record<string, unknown>, consents: Record<string, string>[] = []) {
  let doc = edit(newCase({ clientName: 'Marta Kowalska' }), (d) => {
    change.updateSection(d, 'plan', { destination: BRADFORD, ...plan }, CASEWORKER)
    change.updateSection(d, 'contact', { phone: '07700 900123', email: 'marta@example.org', preferredContact: 'text', aliases: 'Martha', lastSeenWhere: 'Brick Lane' }, CASEWORKER)
  })
  for (const consent of consents) doc = edit(doc, (d) => change.addItem(d, 'sharingConsents', nextId(), { how: 'written', givenOn: '2026-07-02', ...consent }, CASEWORKER))
  return read(doc)
}

describe('how the council can reach the client', () => {
  it('gives the phone, email and preferred contact method, as the form labels them, while consent to share with the council is in force', () => {
    expect(contactForCouncil(marta({ packConsent: 'yes' }), BRADFORD)).toEqual([
      { label: 'Phone number', value: '07700 900123' },
      { label: 'Email address', value: 'marta@example.org' },
      { label: 'Preferred contact method', value: 'Text message' },
    ])
  })

  it('gives nothing without consent to share with the council, or once it is withdrawn', () => {
    expect(contactForCouncil(marta({ packConsent: 'no' }), BRADFORD)).toBeUndefined()
    expect(contactForCouncil(marta({ packConsent: 'yes' }, [{ agency: 'Bradford Council', withdrawnOn: '2026-11-03' }]), BRADFORD)).toBeUndefined()
  })

  it('is empty when no way of reaching them is recorded', () => {
    const record = read(edit(newCase(), (d) => change.updateSection(d, 'plan', { destination: BRADFORD, packConsent: 'yes' }, CASEWORKER)))
    expect(contactForCouncil(record, BRADFORD)).toEqual([])
  })
})
