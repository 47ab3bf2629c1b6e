import * as Automerge from '@automerge/automerge/slim'
import { describe, expect, it } from 'vitest'
import { ValidationError } from '../validation'
import { DEFAULT_RETENTION, dueForRetention, retentionOf, setRetention } from './retention'
import { newTeamDoc, type TeamDoc } from './team-doc'

const cases = [
  { id: 'closed-long-ago', clientName: 'A', status: 'closed', closedOn: '2019-03-01' },
  { id: 'closed-six-years-today', clientName: 'B', status: 'closed', closedOn: '2020-11-23' },
  { id: 'closed-a-day-short', clientName: 'C', status: 'closed', closedOn: '2020-11-24' },
  { id: 'open', clientName: 'D', status: 'open' },
  { id: 'reopened', clientName: 'E', status: 'open', closedOn: '2010-01-01' },
]

describe('retention', () => {
  it('by default erases closed cases 6 years after closure: due on the day, oldest first, never an open case', () => {
    expect(dueForRetention(cases, DEFAULT_RETENTION, '2026-11-23')).toEqual([
      { id: 'closed-long-ago', clientName: 'A', closedOn: '2019-03-01', dueOn: '2025-03-01', action: 'erase' },
      { id: 'closed-six-years-today', clientName: 'B', closedOn: '2020-11-23', dueOn: '2026-11-23', action: 'erase' },
    ])
  })

  it('follows the team’s setting, and refuses one that is not a period in whole years', () => {
    let doc = Automerge.from(newTeamDoc()) as Automerge.Doc<TeamDoc>
    expect(retentionOf(doc)).toEqual(DEFAULT_RETENTION)
    doc = Automerge.change(doc, (d) => setRetention(d, { action: 'anonymise', years: 2 }))
    expect(retentionOf(doc)).toEqual({ action: 'anonymise', years: 2 })
    expect(dueForRetention(cases, retentionOf(doc), '2026-11-23').map((c) => [c.id, c.action])).toEqual([
      ['closed-long-ago', 'anonymise'],
      ['closed-six-years-today', 'anonymise'],
      ['closed-a-day-short', 'anonymise'],
    ])
    expect(() => Automerge.change(doc, (d) => setRetention(d, { action: 'erase', years: 0 }))).toThrow(ValidationError)
    expect(() => Automerge.change(doc, (d) => setRetention(d, { action: 'shred', years: 6 }))).toThrow(ValidationError)
  })
})
