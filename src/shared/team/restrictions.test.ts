import * as Automerge from '@automerge/automerge/slim'
import { describe, expect, it } from 'vitest'
import { toStored } from '../automerge/registers'
import { heldCaseIds, laptopMayHold, mayHold, mayRestrict, restrictedTo, restrictions, withheldScanIds } from './restrictions'
import { newTeamDoc, type TeamDoc } from './team-doc'

/** A team document with two cases, a scan of each, and the first case restricted to Amina and Derek. */
function team(restricted: unknown = { 'case-1': toStored({ to: ['amina', 'derek'], by: 'amina', at: '2026-11-23T10:00:00.000Z' }) }): TeamDoc {
  return Automerge.change(Automerge.from(newTeamDoc() as unknown as Record<string, unknown>) as unknown as Automerge.Doc<TeamDoc>, (doc) => {
    doc.cases['case-1'] = toStored({ addedAt: '2026-11-01' })
    doc.cases['case-2'] = toStored({ addedAt: '2026-11-01' })
    doc.attachments['scan-1'] = toStored({ caseId: 'case-1', addedAt: '2026-11-01' })
    doc.attachments['scan-2'] = toStored({ caseId: 'case-2', addedAt: '2026-11-01' })
    ;(doc as unknown as Record<string, unknown>).restricted = restricted
  })
}

describe('restricted cases', () => {
  it('are held only by the people named: others hold every other case, and none of its scans', () => {
    const doc = team()
    expect(heldCaseIds(doc, ['amina']).sort()).toEqual(['case-1', 'case-2'])
    expect(heldCaseIds(doc, ['jo'])).toEqual(['case-2'])
    expect(withheldScanIds(doc, ['jo'])).toEqual(['scan-1'])
    expect(withheldScanIds(doc, ['derek'])).toEqual([])
    // A laptop whose person is not known (from before people were the server's) holds none.
    expect(heldCaseIds(doc, [])).toEqual(['case-2'])
    expect(mayHold(undefined, undefined)).toBe(true)
  })

  it('are held on a laptop several people share only if every one of them may hold it: whoever signs in there sees what it holds', () => {
    const doc = team()
    expect(heldCaseIds(doc, ['amina', 'derek']).sort()).toEqual(['case-1', 'case-2'])
    expect(heldCaseIds(doc, ['amina', 'jo'])).toEqual(['case-2'])
    expect(withheldScanIds(doc, ['amina', 'jo'])).toEqual(['scan-1'])
    expect(laptopMayHold(undefined, ['amina', 'jo'])).toBe(true)
    expect(laptopMayHold({ to: ['jo'], by: 'jo', at: '2026-11-23T10:00:00.000Z' }, ['amina', 'jo'])).toBe(false)
  })

  it('always include the one restricting, once', () => {
    expect(restrictedTo(['jo', 'amina'], 'amina')).toEqual(['amina', 'jo'])
    expect(restrictedTo([], 'derek')).toEqual(['derek'])
  })

  it('may be made or cleared by a manager or the case’s lead caseworker, no one else', () => {
    expect(mayRestrict({ id: 'derek', role: 'manager' }, 'amina')).toBe(true)
    expect(mayRestrict({ id: 'amina', role: 'caseworker' }, 'amina')).toBe(true)
    expect(mayRestrict({ id: 'jo', role: 'caseworker' }, 'amina')).toBe(false)
    expect(mayRestrict({ id: 'jo', role: 'caseworker' }, undefined)).toBe(false)
  })

  it('read a bad write (not a map, an entry without people) as no restriction, never a failure', () => {
    expect(restrictions(team('nonsense'))).toEqual({})
    expect(restrictions(team({ 'case-1': toStored({ by: 'amina' }) }))).toEqual({})
  })
})
