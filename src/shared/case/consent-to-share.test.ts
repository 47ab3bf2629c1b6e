import { describe, expect, it } from 'vitest'
import { CASEWORKER, edit, newCase, nextId, read } from '../../../tests/support/cases'
import * as change from './changes'
import { sharingRefusal } from './consent-to-share'

const CARDIFF = 'W06000015'
const BRIGHTON = 'E06000043'

/** Olwen's case, planned for Cardiff, with the sharing consents given. */
function olwen(consents: Record<string, string>[], plan: Record<string, unknown> = { packConsent: 'yes' }) {
  let doc = edit(newCase({ clientName: 'Olwen Pryce' }), (d) => change.updateSection(d, 'plan', { destination: CARDIFF, ...plan }, CASEWORKER))
  for (const consent of consents) doc = edit(doc, (d) => change.addItem(d, 'sharingConsents', nextId(), { how: 'written', givenOn: '2026-07-02', ...consent }, CASEWORKER))
  return read(doc)
}

describe('may this case’s information go to this agency', () => {
  it('refuses the destination council once the client has withdrawn consent, naming the agency and the day, whatever the pack’s answer', () => {
    const record = olwen([{ agency: 'Cardiff Council', withdrawnOn: '2026-11-03' }])
    expect(sharingRefusal(record, { destination: CARDIFF })).toBe('Olwen withdrew consent to share with Cardiff Council on 03/11/2026')
    expect(sharingRefusal(record, { agency: 'Cardiff Council' })).toBe('Olwen withdrew consent to share with Cardiff Council on 03/11/2026')
  })

  it('knows the council by the other names a caseworker gives it', () => {
    const record = olwen([{ agency: 'cardiff housing options team', withdrawnOn: '2026-11-03' }])
    expect(sharingRefusal(record, { destination: CARDIFF })).toBe('Olwen withdrew consent to share with cardiff housing options team on 03/11/2026')
  })

  it('does not take another agency in the same place for the council', () => {
    const record = olwen([{ agency: 'Cardiff Mental Health Team', withdrawnOn: '2026-11-03' }])
    expect(sharingRefusal(record, { destination: CARDIFF })).toBeUndefined()
  })

  it('stops the pack for a withdrawal it cannot tell is not the council, however the caseworker named it, until told which council it was', () => {
    const brighton = (consents: Record<string, string>[]) => {
      let doc = edit(newCase({ clientName: 'Olwen Pryce' }), (d) => change.updateSection(d, 'plan', { destination: BRIGHTON, packConsent: 'yes' }, CASEWORKER))
      for (const consent of consents) doc = edit(doc, (d) => change.addItem(d, 'sharingConsents', nextId(), { how: 'written', givenOn: '2026-07-02', ...consent }, CASEWORKER))
      return read(doc)
    }
    for (const agency of ['Brighton Council', 'B&H council', 'BHCC', 'Hove Housing Options', 'the council']) {
      expect(sharingRefusal(brighton([{ agency, withdrawnOn: '2026-11-03' }]), { destination: BRIGHTON })).toBe(
        `Olwen withdrew consent to share with ${agency} on 03/11/2026, which may be Brighton and Hove City Council: if it is not, choose the consent’s council (Phase 3, Engage)`,
      )
    }
    // Another council, or an agency with a word of its own, is told apart.
    for (const agency of ['Cardiff Council', 'Brighton Housing Trust', 'Shelter']) {
      expect(sharingRefusal(brighton([{ agency, withdrawnOn: '2026-11-03' }]), { destination: BRIGHTON })).toBeUndefined()
    }
    // The caseworker chooses the consent's council: another lets the pack go, this one stops it by name.
    expect(sharingRefusal(brighton([{ agency: 'the council', council: CARDIFF, withdrawnOn: '2026-11-03' }]), { destination: BRIGHTON })).toBeUndefined()
    expect(sharingRefusal(brighton([{ agency: 'B&H council', council: BRIGHTON, withdrawnOn: '2026-11-03' }]), { destination: BRIGHTON })).toBe('Olwen withdrew consent to share with B&H council on 03/11/2026')
    expect(sharingRefusal(brighton([{ agency: 'Shelter', council: BRIGHTON, withdrawnOn: '2026-11-03' }]), { destination: BRIGHTON })).toBe('Olwen withdrew consent to share with Shelter on 03/11/2026')
    // A consent to the council given before the unclear withdrawal does not outweigh it; one given after it does.
    expect(sharingRefusal(brighton([{ agency: 'Brighton and Hove City Council' }, { agency: 'B&H council', withdrawnOn: '2026-11-03' }]), { destination: BRIGHTON })).toMatch(/^Olwen withdrew consent to share with B&H council on 03\/11\/2026, which may be/)
    expect(sharingRefusal(brighton([{ agency: 'Brighton and Hove City Council', givenOn: '2026-11-10' }, { agency: 'B&H council', withdrawnOn: '2026-11-03' }]), { destination: BRIGHTON })).toBeUndefined()
  })

  it('lets a consent given again, in force, stand', () => {
    const record = olwen([
      { agency: 'Cardiff Council', withdrawnOn: '2026-09-01' },
      { agency: 'Cardiff Council', givenOn: '2026-10-01' },
    ])
    expect(sharingRefusal(record, { destination: CARDIFF })).toBeUndefined()
  })

  it('takes the pack’s own question as consent to the destination, and asks for it when not given', () => {
    expect(sharingRefusal(olwen([]), { destination: CARDIFF })).toBeUndefined()
    expect(sharingRefusal(olwen([], { packConsent: 'no' }), { destination: CARDIFF })).toBe(
      'Record that the client agrees the pack is shared with the destination Housing Options team (Phase 4, Presentation pack)',
    )
  })

  it('refuses an agency never consented to', () => {
    expect(sharingRefusal(olwen([{ agency: 'Shelter Cymru' }]), { agency: 'Cardiff Council' })).toBe(
      'Olwen has not consented to share with Cardiff Council: record their consent first (Phase 3, Engage)',
    )
    expect(sharingRefusal(olwen([{ agency: 'Shelter Cymru' }]), { agency: 'Shelter Cymru' })).toBeUndefined()
  })

  it('refuses every agency once consent to record is withdrawn', () => {
    let doc = edit(newCase({ clientName: 'Olwen Pryce' }), (d) => change.addItem(d, 'sharingConsents', nextId(), { agency: 'Shelter Cymru', how: 'written', givenOn: '2026-07-02' }, CASEWORKER))
    doc = edit(doc, (d) => change.updateSection(d, 'engagement', { consentToRecord: 'yes', consentToRecordOn: '2026-07-02', consentToRecordWithdrawnOn: '2026-11-10' }, CASEWORKER))
    expect(sharingRefusal(read(doc), { agency: 'Shelter Cymru' })).toBe('Olwen withdrew consent to record information on 10/11/2026: nothing about them may be shared')
  })
})
