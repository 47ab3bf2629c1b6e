import * as Automerge from '@automerge/automerge/slim'
import { describe, expect, it } from 'vitest'
import { CASEWORKER, MANAGER, newCase, read } from '../../../tests/support/cases'
import * as change from './changes'

describe('a note written twice', () => {
  const meetingNote = (context: typeof CASEWORKER) => (d: Parameters<typeof change.addNote>[0]) =>
    change.addNote(d, { date: '2026-11-20', type: 'other', text: 'Team case review meeting: allocate to Amina.' }, { ...context, id: 'agenda-item-1' })

  it('by two laptops writing a meeting’s owed note while both offline, is read once', () => {
    const shared = newCase()
    const onA = Automerge.change(Automerge.clone(shared, { actor: 'aa'.repeat(16) }), meetingNote(CASEWORKER))
    const onB = Automerge.change(Automerge.clone(shared, { actor: 'bb'.repeat(16) }), meetingNote(MANAGER))
    const merged = Automerge.merge(onA, onB)
    expect(merged.notes).toHaveLength(2)
    expect(read(merged).notes.map((note) => note.text)).toEqual(['Team case review meeting: allocate to Amina.'])
  })

  it('under one id with other words is shown, not hidden behind the first', () => {
    const shared = newCase()
    const onA = Automerge.change(Automerge.clone(shared, { actor: 'aa'.repeat(16) }), meetingNote(CASEWORKER))
    const onB = Automerge.change(Automerge.clone(shared, { actor: 'bb'.repeat(16) }), (d) =>
      change.addNote(d, { date: '2026-11-20', type: 'phone', text: 'Rang her sister.' }, { ...MANAGER, id: 'agenda-item-1' }),
    )
    expect(read(Automerge.merge(onA, onB)).notes.map((note) => note.text).sort()).toEqual(['Rang her sister.', 'Team case review meeting: allocate to Amina.'])
  })
})
