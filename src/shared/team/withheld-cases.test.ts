import * as Automerge from '@automerge/automerge/slim'
import { describe, expect, it } from 'vitest'
import { toStored } from '../automerge/registers'
import { newTeamDoc, type TeamDoc } from './team-doc'
import { withheldCases } from './withheld-cases'

const RECORD = { phase: 'identify', status: 'open', receivedOn: '2026-11-01', referralStatus: 'received', expenses: [] }

/** Three listed cases (the first restricted to Amina), and one erased, no longer listed. */
function team(): TeamDoc {
  return Automerge.change(Automerge.from(newTeamDoc() as unknown as Record<string, unknown>) as unknown as Automerge.Doc<TeamDoc>, (doc) => {
    for (const id of ['case-1', 'case-2', 'case-3']) doc.cases[id] = toStored({ addedAt: '2026-11-01' })
    const plain = doc as unknown as Record<string, unknown>
    plain.restricted = { 'case-1': toStored({ to: ['amina'], by: 'amina', at: '2026-11-23T10:00:00.000Z' }) }
    plain.erased = { 'case-9': toStored({ at: '2026-11-24T10:00:00.000Z', by: 'derek', reason: 'Asked to be forgotten', documents: [], record: RECORD }) }
  })
}

describe('the cases a laptop may not hold', () => {
  it('are those restricted to others and those erased, never one merely listed', () => {
    expect(withheldCases(team(), ['jo'])).toEqual({ restricted: ['case-1'], erased: ['case-9'] })
    expect(withheldCases(team(), ['amina'])).toEqual({ restricted: [], erased: ['case-9'] })
  })

  it('on a laptop several people share, include a case restricted to only some of them', () => {
    expect(withheldCases(team(), ['amina', 'jo'])).toEqual({ restricted: ['case-1'], erased: ['case-9'] })
  })

  it('are none in a team document with no restriction or erasure', () => {
    expect(withheldCases(newTeamDoc(), ['jo'])).toEqual({ restricted: [], erased: [] })
  })

  it('name an erased case once, as erased, even while a laptop still lists it', () => {
    const doc = Automerge.change(team(), (doc) => {
      const plain = doc as unknown as Record<string, Record<string, unknown>>
      plain.erased!['case-1'] = toStored({ at: '2026-11-24T10:00:00.000Z', by: 'derek', reason: 'Asked to be forgotten', documents: [], record: RECORD })
    })
    expect(withheldCases(doc, ['jo'])).toEqual({ restricted: [], erased: ['case-9', 'case-1'] })
  })
})
