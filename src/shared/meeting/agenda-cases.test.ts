import * as Automerge from '@automerge/automerge/slim'
import { describe, expect, it } from 'vitest'
import { toStored } from '../automerge/registers'
import { newTeamDoc, type TeamDoc } from '../team/team-doc'
import { casesForAgenda, keptOffAgenda } from './agenda-cases'

const RECORD = { phase: 'identify', status: 'open', receivedOn: '2026-11-01', referralStatus: 'received', expenses: [] }

/** A team with case-1 restricted to Amina (so held on her laptop), case-2 erased, case-3 neither. */
function team(): Automerge.Doc<TeamDoc> {
  return Automerge.change(Automerge.from(newTeamDoc() as unknown as Record<string, unknown>) as unknown as Automerge.Doc<TeamDoc>, (doc) => {
    for (const id of ['case-1', 'case-3']) doc.cases[id] = toStored({ addedAt: '2026-11-01' })
    const parts = doc as unknown as Record<string, unknown>
    parts.restricted = { 'case-1': toStored({ to: ['amina'], by: 'amina', at: '2026-11-24T10:00:00.000Z' }) }
    parts.erased = { 'case-2': toStored({ by: 'derek', at: '2026-11-24T10:00:00.000Z', reason: 'Asked', kind: 'erased', documents: ['case-2'], record: RECORD }) }
  })
}

describe('the cases a team meeting’s agenda may have', () => {
  it('never a restricted case, even where the laptop holds it, nor an erased one', () => {
    expect([...keptOffAgenda(team())].sort()).toEqual(['case-1', 'case-2'])
    const rows = [{ id: 'case-1', clientName: 'Zofia Wiśniewska' }, { id: 'case-3', clientName: 'Dylan Price' }]
    expect(casesForAgenda(rows, team())).toEqual([{ id: 'case-3', clientName: 'Dylan Price' }])
  })
})
