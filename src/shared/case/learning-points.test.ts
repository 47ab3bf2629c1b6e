import * as Automerge from '@automerge/automerge/slim'
import { describe, expect, it } from 'vitest'
import { toPlain, toStored } from '../automerge/registers'
import { PARTS_ADDED, withAddedParts } from './added-parts'
import { CASE_SCHEMA_VERSION, readCase, type CaseDoc } from './case-doc'
import { addLearningPoint, markLearningPointsReviewed, moveLearningPoints } from './learning-points'
import { CASEWORKER, MANAGER, newCase } from '../../../tests/support/cases'

const AMINA = CASEWORKER.author
const POINT = { text: 'Her sister in Leeds was the key', by: AMINA, at: '2026-11-20T10:00:00.000Z' }
/** The team document's points about this case, as a version before schema 5 wrote them. */
const FROM_TEAM = {
  'lp-1': { caseId: 'case-1', ...POINT },
  'lp-2': { caseId: 'case-1', text: 'Ask for a second number at referral', by: AMINA, at: '2026-11-21T10:00:00.000Z', reviewedAt: '2026-11-22T10:00:00.000Z' },
}

/** A case as schema 4 wrote it: no learning points of its own. */
function version4Case(): Automerge.Doc<CaseDoc> {
  const plain = toPlain<Record<string, unknown>>(newCase())
  for (const part of [...PARTS_ADDED[5]!, ...PARTS_ADDED[6]!]) delete plain[part]
  return Automerge.from(toStored({ ...plain, schemaVersion: 4 })) as unknown as Automerge.Doc<CaseDoc>
}

const onLaptop = (doc: Automerge.Doc<CaseDoc>, actor: string) => Automerge.clone(doc, { actor: actor.repeat(32) })

describe("a case's learning points", () => {
  it('are kept in the case, and points two laptops add at once are both kept', () => {
    const shared = newCase()
    const a = Automerge.change(onLaptop(shared, 'a'), (d) => addLearningPoint(d, 'from-a', POINT, CASEWORKER))
    const b = Automerge.change(onLaptop(shared, 'b'), (d) => addLearningPoint(d, 'from-b', { ...POINT, text: 'Book the coach earlier', by: MANAGER.author }, MANAGER))
    const merged = readCase(Automerge.merge(a, b))
    expect(merged.learningPoints).toEqual({ 'from-a': POINT, 'from-b': { ...POINT, text: 'Book the coach earlier', by: MANAGER.author } })
  })

  it('are marked reviewed by a meeting, only those of this case and only once', () => {
    let doc = Automerge.change(newCase(), (d) => addLearningPoint(d, 'lp-1', POINT, CASEWORKER))
    doc = Automerge.change(doc, (d) => markLearningPointsReviewed(d, ['lp-1', 'another-case-point'], MANAGER))
    expect(readCase(doc).learningPoints['lp-1']!.reviewedAt).toBe(MANAGER.now.toISOString())
    const heads = Automerge.getHeads(doc)
    doc = Automerge.change(doc, (d) => markLearningPointsReviewed(d, ['lp-1'], { ...MANAGER, now: new Date('2026-12-01T10:00:00Z') }))
    expect(Automerge.getHeads(doc)).toEqual(heads)
  })

  it('read as none in a case from schema 4', () => {
    const record = readCase(version4Case())
    expect(record.schemaVersion).toBe(CASE_SCHEMA_VERSION)
    expect(record.learningPoints).toEqual({})
  })
})

describe("moving the team document's learning points into their case", () => {
  it('brings each point across with its review, once however often it is done', () => {
    let doc = Automerge.change(withAddedParts(version4Case()), (d) => moveLearningPoints(d, FROM_TEAM, CASEWORKER))
    const { caseId: _one, ...first } = FROM_TEAM['lp-1']
    const { caseId: _two, ...second } = FROM_TEAM['lp-2']
    expect(readCase(doc).learningPoints).toEqual({ 'lp-1': first, 'lp-2': second })
    expect(Number(doc.schemaVersion)).toBe(CASE_SCHEMA_VERSION)
    doc = Automerge.change(doc, (d) => moveLearningPoints(d, FROM_TEAM, CASEWORKER))
    expect(readCase(doc).learningPoints).toEqual({ 'lp-1': first, 'lp-2': second })
  })

  it('done by two laptops at once, leaves one copy of each point and no hidden map', () => {
    const shared = version4Case()
    const movedOn = (actor: string) => Automerge.change(withAddedParts(onLaptop(shared, actor)), (d) => moveLearningPoints(d, FROM_TEAM, CASEWORKER))
    const merged = Automerge.merge(movedOn('a'), movedOn('b'))
    // The list itself is the schema's one shared map, not one map from each laptop.
    expect(Automerge.getConflicts(merged, 'learningPoints' as never)).toBeUndefined()
    expect(Object.keys(readCase(merged).learningPoints).sort()).toEqual(['lp-1', 'lp-2'])
    expect(Object.values(readCase(merged).learningPoints).map((point) => point.text).sort()).toEqual([FROM_TEAM['lp-2'].text, POINT.text].sort())
  })

  it('keeps the review a meeting gave one laptop’s copy, whichever copy the merge shows', () => {
    const shared = version4Case()
    const movedOn = (actor: string) => Automerge.change(withAddedParts(onLaptop(shared, actor)), (d) => moveLearningPoints(d, FROM_TEAM, CASEWORKER))
    for (const [reviewing, other] of [['a', 'b'], ['b', 'a']] as const) {
      const reviewed = Automerge.change(movedOn(reviewing), (d) => markLearningPointsReviewed(d, ['lp-1'], MANAGER))
      for (const merged of [Automerge.merge(reviewed, movedOn(other)), Automerge.merge(movedOn(other), reviewed)]) {
        expect(Object.keys(Automerge.getConflicts(merged.learningPoints, 'lp-1') ?? {})).toHaveLength(2)
        expect(readCase(merged).learningPoints['lp-1']!.reviewedAt).toBe(MANAGER.now.toISOString())
        // A review the team document carried stays as it was.
        expect(readCase(merged).learningPoints['lp-2']!.reviewedAt).toBe(FROM_TEAM['lp-2'].reviewedAt)
      }
    }
  })

  it('keeps a point written in the case while another laptop moves the old ones', () => {
    const shared = version4Case()
    const moved = Automerge.change(withAddedParts(onLaptop(shared, 'a')), (d) => moveLearningPoints(d, FROM_TEAM, CASEWORKER))
    const added = Automerge.change(withAddedParts(onLaptop(shared, 'b')), (d) => addLearningPoint(d, 'new', POINT, CASEWORKER))
    expect(Object.keys(readCase(Automerge.merge(moved, added)).learningPoints).sort()).toEqual(['lp-1', 'lp-2', 'new'])
  })
})
