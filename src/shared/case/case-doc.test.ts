import * as Automerge from '@automerge/automerge/slim'
import { describe, expect, it } from 'vitest'
import { toStored } from '../automerge/registers'
import { readCase, type CaseDoc } from './case-doc'
import { UnreadableCaseError } from './migrations'
import * as change from './changes'
import { CASEWORKER, nextId } from '../../../tests/support/cases'

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
      schemaVersion: 3,
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
    const upgraded = Automerge.change(version1Case(), (d) =>
      change.addNote(d, { date: '2026-11-01', type: 'face-to-face', text: 'Second contact.' }, { ...CASEWORKER, id: nextId() }),
    )
    expect(Number(upgraded.schemaVersion)).toBe(3)
    expect('leadCaseworker' in upgraded).toBe(false)
    expect(upgraded.attachments).toEqual({})
    expect(readCase(upgraded).notes.map((note) => note.text)).toEqual(['First call.', 'Second contact.'])
    expect(readCase(upgraded).allocation.leadCaseworker?.name).toBe('Derek Hall')
  })

  it('from a newer version are refused, not misread', () => {
    const newer = Automerge.change(version1Case(), (d) => ((d as unknown as { schemaVersion: number }).schemaVersion = 9))
    expect(() => readCase(newer)).toThrow(UnreadableCaseError)
  })
})
