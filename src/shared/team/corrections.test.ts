import { describe, expect, it } from 'vitest'
import { toStored } from '../automerge/registers'
import { correctionMaking, corrections, currentCaseId, idsLeadingTo } from './corrections'
import type { TeamDoc } from './team-doc'

const entry = (replacedBy: string) => ({ replacedBy, heads: ['abc'], by: 'member-derek', at: '2026-11-30T10:00:00.000Z', field: 'referral.clientName' })
const team = (corrected: Record<string, unknown>) => ({ corrected: toStored(corrected) }) as unknown as TeamDoc

describe('the team’s record of corrected cases', () => {
  it('leads every reference to the document that replaced it, through more than one correction', () => {
    const doc = team({ old: entry('middle'), middle: entry('new') })
    expect(currentCaseId(doc, 'old')).toBe('new')
    expect(currentCaseId(doc, 'middle')).toBe('new')
    expect(currentCaseId(doc, 'other')).toBe('other')
    expect(correctionMaking(doc, 'new')).toMatchObject({ oldId: 'middle', field: 'referral.clientName' })
  })

  it('skips an entry that is not one, and ends a loop where it began', () => {
    expect(Object.keys(corrections(team({ bad: { replacedBy: 3 }, good: entry('x') })))).toEqual(['good'])
    expect(currentCaseId(team({ a: entry('b'), b: entry('a') }), 'a')).toBe('a')
  })

  it('gives every id a case has had, back through each correction, and ends a loop', () => {
    const doc = team({ first: entry('middle'), middle: entry('new'), elsewhere: entry('other') })
    expect(idsLeadingTo(doc, 'new')).toEqual(['new', 'middle', 'first'])
    expect(idsLeadingTo(doc, 'other')).toEqual(['other', 'elsewhere'])
    expect(idsLeadingTo(doc, 'unknown')).toEqual(['unknown'])
    expect(idsLeadingTo(team({ a: entry('b'), b: entry('a') }), 'a')).toEqual(['a', 'b'])
  })
})
