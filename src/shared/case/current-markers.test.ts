import { describe, expect, it } from 'vitest'
import { boardFacts, boardRow } from '../board/board'
import * as change from './changes'
import { isCurrentMarker, markerFacts, markerTags, markerTagText, type MarkerFacts } from './current-markers'
import { summariseCase } from './summary'
import { caseIn, CASEWORKER, edit, read, TODAY } from '../../../tests/support/cases'

const marker = (kind: MarkerFacts['kind'], more: Partial<MarkerFacts> = {}): MarkerFacts => ({ kind, reviewOn: null, endedOn: null, ...more })

describe('which warning markers are current', () => {
  it('is every marker not ended by today: one ending later is still current', () => {
    expect(isCurrentMarker(marker('mappa'), TODAY)).toBe(true)
    expect(isCurrentMarker(marker('mappa', { endedOn: TODAY }), TODAY)).toBe(false)
    expect(isCurrentMarker(marker('mappa', { endedOn: '2026-11-24' }), TODAY)).toBe(true)
  })

  it('keeps a marker whose review is overdue, and says the review is overdue', () => {
    expect(markerTags([marker('risk-to-staff', { reviewOn: '2026-11-22' })], TODAY)).toEqual([
      { kind: 'risk-to-staff', label: 'Risk to staff', reviewOverdue: true },
    ])
    // Due today is not yet overdue.
    expect(markerTags([marker('risk-to-staff', { reviewOn: TODAY })], TODAY)[0]!.reviewOverdue).toBe(false)
  })

  it('shows one tag a kind, in the kinds’ order, leaving out the ended, and names "Other" as a warning marker', () => {
    const tags = markerTags(
      [
        marker('other'),
        marker('domestic-abuse', { endedOn: '2026-10-01' }),
        marker('marac'),
        marker('risk-to-staff'),
        marker('risk-to-staff', { reviewOn: '2026-11-01' }),
      ],
      TODAY,
    )
    expect(tags.map(markerTagText)).toEqual(['Risk to staff (review overdue)', 'MARAC involvement', 'Warning marker'])
  })
})

describe('what the case and the board show of the markers', () => {
  const withMarkers = () =>
    edit(caseIn('intensive-support'), (d) => {
      change.addItem(d, 'markers', 'm1', { kind: 'risk-to-staff', details: 'Threatened a worker at the day centre.', raisedOn: '2026-09-01', reviewOn: '2026-12-01' }, CASEWORKER)
      change.addItem(d, 'markers', 'm2', { kind: 'marac', raisedOn: '2026-06-01', endedOn: '2026-10-01' }, CASEWORKER)
    })

  it('puts every marker in the index’s facts, and only the current ones on the board’s row', () => {
    const record = read(withMarkers())
    expect(markerFacts(record.markers)).toHaveLength(2)
    const row = boardRow(summariseCase('case-1', record), boardFacts(record), TODAY)
    expect(row.markers).toEqual([{ kind: 'risk-to-staff', label: 'Risk to staff', reviewOverdue: false }])
    expect(boardRow(summariseCase('case-1', record), boardFacts(record), '2026-12-02').markers[0]!.reviewOverdue).toBe(true)
  })

  it('takes a marker off the board once it is ended', () => {
    const ended = edit(withMarkers(), (d) => change.updateItem(d, 'markers', 'm1', { endedOn: TODAY }, CASEWORKER))
    const record = read(ended)
    expect(boardRow(summariseCase('case-1', record), boardFacts(record), TODAY).markers).toEqual([])
  })

  it('refuses a marker without its type or the day it was raised, by name', () => {
    expect(() => edit(caseIn('engage'), (d) => change.addItem(d, 'markers', 'm3', { details: 'No type' }, CASEWORKER))).toThrow(
      /Choose the type of marker.*Enter raised on|Enter raised on.*Choose the type of marker/,
    )
  })
})
