import { describe, expect, it } from 'vitest'
import * as change from './changes'
import { INTENSIVE_SUPPORT_ITEMS } from './intensive-support'
import { phaseChecklist } from './lifecycle'
import { caseIn, CASEWORKER, edit, read, TODAY } from '../../../tests/support/cases'

const phase6 = (doc: ReturnType<typeof caseIn>) =>
  phaseChecklist('intensive-support', read(doc), { today: TODAY }).filter((item) => INTENSIVE_SUPPORT_ITEMS.some((support) => support.title === item.label))

describe('Phase 6 support on the intensive support checklist', () => {
  it('counts the items the toolkit asks for every client, ticked by the day each was done', () => {
    const doc = caseIn('intensive-support')
    expect(phase6(doc)).toEqual([
      { label: 'Access to healthcare: registered with a GP', done: false },
      { label: 'New support services such as floating support', done: false },
      { label: "The client's financial situation checked", done: false },
    ])
    const done = edit(doc, (d) => change.updateSection(d, 'intensiveSupport', { gpOn: '2026-11-20', gpNote: 'Registered at Kirkgate Surgery.' }, CASEWORKER))
    expect(phase6(done).map((item) => item.done)).toEqual([true, false, false])
  })

  it('leaves off the checklist what only some clients need (scripting, a food bank)', () => {
    const done = edit(caseIn('intensive-support'), (d) => change.updateSection(d, 'intensiveSupport', { scriptingOn: '2026-11-20', foodBankOn: '2026-11-21' }, CASEWORKER))
    expect(phase6(done).every((item) => !item.done)).toBe(true)
  })

  it('records the emotional support and coaching the toolkit lists, off the checklist (it goes on all through the phase)', () => {
    const done = edit(caseIn('intensive-support'), (d) =>
      change.updateSection(d, 'intensiveSupport', { emotionalSupportOn: '2026-11-20', emotionalSupportNote: 'Weekly coffee and a walk; anxious about the new area.' }, CASEWORKER),
    )
    expect(read(done).intensiveSupport).toMatchObject({ emotionalSupportOn: '2026-11-20', emotionalSupportNote: 'Weekly coffee and a walk; anxious about the new area.' })
    expect(phase6(done).every((item) => !item.done)).toBe(true)
  })

  it('refuses a day done after today, naming the item', () => {
    expect(() => edit(caseIn('intensive-support'), (d) => change.updateSection(d, 'intensiveSupport', { moveInKitOn: '2026-12-25' }, CASEWORKER))).toThrow(
      /Move-in kit, including some food and household items: done on/,
    )
  })
})
