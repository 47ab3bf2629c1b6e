import { describe, expect, it } from 'vitest'
import { caseIn, CASEWORKER, edit, nextId, read } from '../../../tests/support/cases'
import * as change from './changes'
import { consentReviews } from './consent-reviews'
import { caseFlags } from './flags'

/** A case past Engage (consent to record given on 05/11/2026), with sharing consents added. */
function withConsents(engagement: Record<string, unknown>, sharing: Record<string, string>[] = []) {
  let doc = edit(caseIn('reconnection-planning'), (d) => change.updateSection(d, 'engagement', engagement, CASEWORKER))
  for (const consent of sharing) doc = edit(doc, (d) => change.addItem(d, 'sharingConsents', nextId(), { how: 'written', ...consent }, CASEWORKER))
  return read(doc)
}

describe('consent reviews', () => {
  it('reviews each consent in force a year after it was given, unless a review date is set; withdrawn ones not at all', () => {
    const record = withConsents({}, [
      { agency: 'Cardiff Council', givenOn: '2026-07-02' },
      { agency: 'Shelter Cymru', givenOn: '2026-07-02', reviewOn: '2026-12-01' },
      { agency: 'Wallich', givenOn: '2026-07-02', withdrawnOn: '2026-08-01' },
    ])
    expect(consentReviews(record)).toEqual([
      { consent: 'consent to share with Shelter Cymru', due: '2026-12-01' },
      { consent: 'consent to share with Cardiff Council', due: '2027-07-02' },
      { consent: 'consent to record', due: '2027-11-05' },
    ])
  })

  it('puts a review whose day has come on the board, as one of the caseworker’s things to do', () => {
    const record = withConsents({ consentToRecordReviewOn: '2026-11-23' })
    expect(caseFlags(record, '2026-11-22')).toEqual([])
    expect(caseFlags(record, '2026-11-23')).toEqual([{ kind: 'consent-review', message: 'Review consent to record with the client' }])
    const two = withConsents({ consentToRecordReviewOn: '2026-11-23' }, [{ agency: 'Cardiff Council', givenOn: '2025-11-01' }])
    expect(caseFlags(two, '2026-11-23')).toEqual([{ kind: 'consent-review', message: 'Review 2 consents with the client' }])
  })
})
