import * as Automerge from '@automerge/automerge/slim'
import { describe, expect, it } from 'vitest'
import { toPlain, toStored } from '../automerge/registers'
import { needsAddedParts, PARTS_ADDED, partsChange, withAddedParts } from './added-parts'
import { CASE_SCHEMA_VERSION, readCase, type CaseDoc } from './case-doc'
import * as change from './changes'
import { CASEWORKER, newCase, nextId, TODAY } from '../../../tests/support/cases'

/** A case as schema 3 wrote it: without the parts later schemas add. */
function version3Case(): Automerge.Doc<CaseDoc> {
  const plain = toPlain<Record<string, unknown>>(newCase())
  for (const part of Object.values(PARTS_ADDED).flat()) delete plain[part]
  return Automerge.from(toStored({ ...plain, schemaVersion: 3 })) as unknown as Automerge.Doc<CaseDoc>
}

const partsOf = (doc: Automerge.Doc<CaseDoc>) => doc as unknown as Record<string, Record<string, unknown>>

describe("a schema's new parts", () => {
  it('are made by the same change on every laptop, so two laptops upgrading one case at once write into the same maps', () => {
    const shared = version3Case()
    const [onA, onB] = [Automerge.clone(shared, { actor: 'aa'.repeat(16) }), Automerge.clone(shared, { actor: 'bb'.repeat(16) })]
    const upgradedA = Automerge.change(withAddedParts(onA), (d) => {
      change.addNote(d, { date: TODAY, type: 'phone', text: 'From A.' }, { ...CASEWORKER, id: nextId() })
      ;(d as unknown as Record<string, Record<string, unknown>>).contact!.fromA = toStored('A wrote this')
    })
    const upgradedB = Automerge.change(withAddedParts(onB), (d) => {
      change.addNote(d, { date: TODAY, type: 'phone', text: 'From B.' }, { ...CASEWORKER, id: nextId() })
      ;(d as unknown as Record<string, Record<string, unknown>>).contact!.fromB = toStored('B wrote this')
    })
    const merged = Automerge.merge(upgradedA, upgradedB)
    // Neither map hides the other: one map, holding both laptops' entries.
    expect(Automerge.getConflicts(merged, 'contact' as never)).toBeUndefined()
    expect(toPlain(partsOf(merged).contact as never)).toEqual({ fromA: 'A wrote this', fromB: 'B wrote this' })
    expect(readCase(merged).schemaVersion).toBe(CASE_SCHEMA_VERSION)
    expect(readCase(merged).notes.map((note) => note.text).sort()).toEqual(['From A.', 'From B.'])
  })

  it('made by their own change rather than the shared one would hide one laptop’s writing (why the shared change exists)', () => {
    const shared = version3Case()
    const ownParts = (actor: string, key: string) =>
      Automerge.change(Automerge.clone(shared, { actor }), (d) => {
        ;(d as unknown as Record<string, unknown>).contact = { [key]: 'written' }
      })
    const merged = Automerge.merge(ownParts('aa'.repeat(16), 'fromA'), ownParts('bb'.repeat(16), 'fromB'))
    expect(Object.keys(Automerge.getConflicts(merged, 'contact' as never) ?? {})).toHaveLength(2)
    expect(Object.keys(partsOf(merged).contact!)).toHaveLength(1)
  })

  it('are one change however often applied, and a current case needs none', () => {
    const once = withAddedParts(version3Case())
    const twice = Automerge.applyChanges(once, [partsChange(4)])[0]
    expect(Automerge.getHeads(twice)).toEqual(Automerge.getHeads(once))
    expect(needsAddedParts(once)).toBe(false)
    const current = newCase()
    expect(needsAddedParts(current)).toBe(false)
    expect(withAddedParts(current)).toBe(current)
    expect(Automerge.getHistory(newCase()).every(({ change }) => change.hash !== Automerge.decodeChange(partsChange(4)).hash)).toBe(true)
  })

  it('must be in the document before the change that brings it to schema 4: made in that change they could hide another laptop’s', () => {
    expect(() =>
      Automerge.change(version3Case(), (d) => change.addNote(d, { date: TODAY, type: 'phone', text: 'x' }, { ...CASEWORKER, id: nextId() })),
    ).toThrow(/withAddedParts/)
  })

  it('read as empty parts in a case not yet upgraded', () => {
    const record = readCase(version3Case())
    expect(record.schemaVersion).toBe(CASE_SCHEMA_VERSION)
    for (const part of PARTS_ADDED[4]!) expect(record[part as keyof typeof record]).toEqual({})
  })
})
