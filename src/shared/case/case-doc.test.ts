import * as Automerge from '@automerge/automerge/slim'
import { describe, expect, it } from 'vitest'
import { toStored } from '../automerge/registers'
import { withAddedParts } from './added-parts'
import { CASE_SCHEMA_VERSION, readCase, type CaseDoc } from './case-doc'
import { UnreadableCaseError } from './migrations'
import * as change from './changes'
import { BRADFORD, CASEWORKER, edit, newCase, nextId, read, TODAY } from '../../../tests/support/cases'

/** A case as the first release wrote it: the referral's first details and the notes. */
function version1Case() {
  return Automerge.from(
    toStored({
      kind: 'homeward/case',
      schemaVersion: 1,
      createdAt: '2026-10-01T09:00:00.000Z',
      createdBy: { id: 'member-amina', name: 'Amina Okafor' },
      updatedAt: '2026-10-02T09:00:00.000Z',
      phase: 'identify',
      referral: {
        clientName: 'Ana Pereira',
        dateOfBirth: '1979-02-03',
        referrerName: 'Sam Reed',
        outreachTeam: 'Camden Outreach',
        receivedOn: '2026-10-01',
      },
      leadCaseworker: { id: 'member-derek', name: 'Derek Hall' },
      notes: [
        {
          id: 'n1',
          date: '2026-10-02',
          type: 'phone',
          text: 'First call.',
          author: { id: 'member-amina', name: 'Amina Okafor' },
          writtenAt: '2026-10-02T09:00:00.000Z',
        },
      ],
    }),
  ) as unknown as Automerge.Doc<CaseDoc>
}

describe('documents from the previous schema', () => {
  it('read as the current schema, keeping everything written', () => {
    const record = readCase(version1Case())
    expect(record).toMatchObject({
      schemaVersion: CASE_SCHEMA_VERSION,
      status: 'open',
      referral: { clientName: 'Ana Pereira', status: 'received' },
      allocation: { leadCaseworker: { id: 'member-derek', name: 'Derek Hall' } },
      notes: [{ id: 'n1', text: 'First call.' }],
      actions: {},
      attachments: {},
      generatedDocuments: {},
    })
  })

  it('are upgraded in the document by their next change', () => {
    const upgraded = Automerge.change(withAddedParts(version1Case()), (d) =>
      change.addNote(d, { date: '2026-11-01', type: 'face-to-face', text: 'Second contact.' }, { ...CASEWORKER, id: nextId() }),
    )
    expect(Number(upgraded.schemaVersion)).toBe(CASE_SCHEMA_VERSION)
    expect('leadCaseworker' in upgraded).toBe(false)
    expect(upgraded.attachments).toEqual({})
    expect(upgraded.markers).toEqual({})
    expect(readCase(upgraded).notes.map((note) => note.text)).toEqual(['First call.', 'Second contact.'])
    expect(readCase(upgraded).allocation.leadCaseworker?.name).toBe('Derek Hall')
  })

  it('from a newer version are refused, not misread', () => {
    const newer = Automerge.change(version1Case(), (d) => ((d as unknown as { schemaVersion: number }).schemaVersion = 9))
    expect(() => readCase(newer)).toThrow(UnreadableCaseError)
  })
})

describe('an entry another laptop wrote badly', () => {
  it('hides only itself: the case reads, its other entries too, and the bad one is named', () => {
    let doc = edit(newCase(), (d) => {
      change.addNote(d, { date: TODAY, type: 'phone', text: 'First call.' }, { ...CASEWORKER, id: 'good-note' })
      change.addItem(d, 'addresses', 'good-address', { address: '4 Manor Row', localAuthority: BRADFORD, kind: 'own-tenancy', from: '2022-01-10' }, CASEWORKER)
    })
    // As a laptop with a bug (or a hostile one) might write them: an author that is a number, an
    // address with no kind of stay, an action with no owner.
    doc = edit(doc, (d) => {
      d.notes.push(toStored({ id: 'bad-note', date: TODAY, type: 'phone', text: 'x', author: 42, writtenAt: 'now' }) as never)
      d.addresses['bad-address'] = toStored({ address: 7 }) as never
      d.actions['bad-action'] = toStored({ description: 'Call', due: TODAY }) as never
    })
    const record = read(doc)
    expect(record.notes.map((note) => note.id)).toEqual(['good-note'])
    expect(Object.keys(record.addresses)).toEqual(['good-address'])
    expect(record.actions).toEqual({})
    expect(record.unreadableEntries).toEqual([
      { part: 'notes', id: 'bad-note' },
      { part: 'addresses', id: 'bad-address' },
      { part: 'actions', id: 'bad-action' },
    ])
    // Work on the case goes on: its rules still read, with the bad address left out.
    const noted = edit(doc, (d) => change.addNote(d, { date: TODAY, type: 'phone', text: 'Second call.' }, { ...CASEWORKER, id: 'next-note' }))
    expect(read(noted).notes.map((note) => note.id)).toEqual(['good-note', 'next-note'])
  })

  it('still makes the case unreadable when the case itself is wrong, not one entry', () => {
    const doc = edit(newCase(), (d) => {
      d.phase = toStored('nowhere') as never
    })
    expect(() => read(doc)).toThrow(UnreadableCaseError)
  })
})
