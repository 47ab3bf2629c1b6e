import { describe, expect, it } from 'vitest'
import { caseIn, CASEWORKER, edit, nextId, read } from '../../../tests/support/cases'
import * as change from './changes'
import { consentReviews, withReviewDatesShown } from './consent-reviews'
import { caseFlags } from './flags'
import { nextStep } from './lifecycle'

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

  it('makes a review whose day has come the case’s next step, before the phase’s work, until the consent is withdrawn', () => {
    const record = withConsents({ consentToRecordReviewOn: '2026-11-23' })
    expect(nextStep(record, { today: '2026-11-22' })).not.toMatch(/Review/)
    expect(nextStep(record, { today: '2026-11-24' })).toBe('Review consent to record with the client (due 23/11/2026).')
    const two = withConsents({ consentToRecordReviewOn: '2026-11-23' }, [{ agency: 'Cardiff Council', givenOn: '2025-11-01' }])
    expect(nextStep(two, { today: '2026-11-24' })).toBe('Review 2 consents with the client (due 01/11/2026).')
    const withdrawn = withConsents({ consentToRecordReviewOn: '2026-11-23', consentToRecordWithdrawnOn: '2026-11-20' })
    expect(nextStep(withdrawn, { today: '2026-11-24' })).toMatch(/withdrew consent to record/)
  })

  it('shows an empty review date on the consent forms filled in a year after the day given, as typed; what was typed there stays', () => {
    expect(withReviewDatesShown({ agency: 'Cardiff Council', givenOn: '02/07/2026', how: '', withdrawnOn: '', reviewOn: '' })).toMatchObject({ givenOn: '02/07/2026', reviewOn: '02/07/2027' })
    expect(withReviewDatesShown({ givenOn: '2.7.2026', reviewOn: '' }).reviewOn).toBe('02/07/2027')
    expect(withReviewDatesShown({ givenOn: '02/07/2026', reviewOn: '01/12/2026' }).reviewOn).toBe('01/12/2026')
    // Not a day yet (still being typed), or withdrawn: nothing to show.
    expect(withReviewDatesShown({ givenOn: '02/07/202', reviewOn: '' }).reviewOn).toBe('')
    expect(withReviewDatesShown({ givenOn: '02/07/2026', withdrawnOn: '03/08/2026', reviewOn: '' }).reviewOn).toBe('')
    expect(withReviewDatesShown({ consentToRecord: 'yes', consentToRecordOn: '05/11/2026', consentToRecordWithdrawnOn: '', consentToRecordReviewOn: '' }).consentToRecordReviewOn).toBe('05/11/2027')
    // A form without a review date is left alone.
    expect(withReviewDatesShown({ givenOn: '02/07/2026' })).toEqual({ givenOn: '02/07/2026' })
  })
})
