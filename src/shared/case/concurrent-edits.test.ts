import * as Automerge from '@automerge/automerge/slim'
import { describe, expect, it } from 'vitest'
import * as change from './changes'
import { caseIn, CASEWORKER, edit, MANAGER, nextId, read } from '../../../tests/support/cases'

describe('two people editing the same case at once', () => {
  it('keep both sets of notes and actions', () => {
    const base = caseIn('engage')
    const amina = edit(Automerge.clone(base), (d) => {
      change.addNote(d, { date: '2026-11-22', type: 'phone', text: 'Amina: called the client.' }, { ...CASEWORKER, id: nextId() })
      change.addAction(d, 'a-amina', { description: 'Find ID', due: '2026-11-30' }, CASEWORKER.author, CASEWORKER)
    })
    const derek = edit(Automerge.clone(base), (d) => {
      change.addNote(d, { date: '2026-11-22', type: 'with-agency', text: 'Derek: spoke to the GP.' }, { ...MANAGER, id: nextId() })
      change.addAction(d, 'a-derek', { description: 'Call Bradford', due: '2026-11-28' }, MANAGER.author, MANAGER)
    })
    const merged = read(Automerge.merge(Automerge.clone(amina), derek))
    expect(merged.notes.map((note) => note.text).sort()).toEqual(['Amina: called the client.', 'Derek: spoke to the GP.'])
    expect(Object.keys(merged.actions).sort()).toEqual(['a-amina', 'a-derek'])
    expect(read(Automerge.merge(Automerge.clone(derek), amina))).toEqual(merged)
  })

  it('resolve two phase changes to one phase, with both in the history', () => {
    const base = edit(caseIn('engage'), (d) => change.updateSection(d, 'engagement', { consentToRecord: 'yes' }, CASEWORKER))
    const forward = edit(Automerge.clone(base), (d) => change.advancePhase(d, 'forward-1', CASEWORKER))
    const back = edit(Automerge.clone(base), (d) => change.movePhaseBack(d, 'back-1', 'Lead caseworker on leave', MANAGER))
    const merged = read(Automerge.merge(Automerge.clone(forward), back))
    expect(['reconnection-planning', 'allocate']).toContain(merged.phase)
    expect(merged.phaseHistory.map((entry) => entry.id)).toEqual(expect.arrayContaining(['forward-1', 'back-1']))
    expect(read(Automerge.merge(Automerge.clone(back), forward)).phase).toBe(merged.phase)
  })

  it('edit different fields of one form without losing either', () => {
    const base = caseIn('reconnection-planning')
    const one = edit(Automerge.clone(base), (d) => change.updateSection(d, 'plan', { housingOptionsName: 'Sarah Patel' }, CASEWORKER))
    const two = edit(Automerge.clone(base), (d) => change.updateSection(d, 'plan', { housingOptionsPhone: '01274 435999' }, MANAGER))
    expect(read(Automerge.merge(Automerge.clone(one), two)).plan).toMatchObject({ housingOptionsName: 'Sarah Patel', housingOptionsPhone: '01274 435999' })
  })
})
