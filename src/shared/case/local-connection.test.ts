import { describe, expect, it } from 'vitest'
import { localConnectionSentence, residenceDays, testLocalConnection, type AddressPeriod, type ConnectionEvidence } from './local-connection'

const BRADFORD = 'E08000032'
const LEEDS = 'E08000035'
const TOWER_HAMLETS = 'E09000030'

function stay(localAuthority: string, from: string, to?: string, extra: Partial<AddressPeriod> = {}): AddressPeriod {
  return { address: '1 High Street', localAuthority, kind: 'own-tenancy', from, ...(to ? { to } : {}), ...extra }
}
const evidence = (parts: Partial<ConnectionEvidence>): ConnectionEvidence => ({ addresses: [], employment: [], family: [], special: [], ...parts })
const area = (result: ReturnType<typeof testLocalConnection>, code: string) => result.find((a) => a.localAuthority === code)!

describe('the residence test: 6 of the last 12 months', () => {
  it('passes at exactly six months, and fails a day short', () => {
    // As at 23/11/2026, six months back is 23/05/2026: 184 days.
    expect(area(testLocalConnection(evidence({ addresses: [stay(BRADFORD, '2026-05-23')] }), '2026-11-23'), BRADFORD).residence.holds).toBe(
      '6 of 12 months',
    )
    expect(area(testLocalConnection(evidence({ addresses: [stay(BRADFORD, '2026-05-24')] }), '2026-11-23'), BRADFORD).residence.holds).toBe(false)
  })

  it('counts from 29 February in a leap year', () => {
    // As at 31/08/2024, six months back is 29/02/2024 (there is no 31st).
    expect(area(testLocalConnection(evidence({ addresses: [stay(LEEDS, '2024-02-29')] }), '2024-08-31'), LEEDS).residence.holds).toBe('6 of 12 months')
    expect(area(testLocalConnection(evidence({ addresses: [stay(LEEDS, '2024-03-01')] }), '2024-08-31'), LEEDS).residence.holds).toBe(false)
  })

  it('counts a stay still open today up to today', () => {
    const result = area(testLocalConnection(evidence({ addresses: [stay(BRADFORD, '2026-08-23')] }), '2026-11-23'), BRADFORD)
    expect(result.residence.daysInLastYear).toBe(92)
    expect(result.residence.holds).toBe(false)
  })

  it('counts overlapping stays in one area once, and stays in two areas at once for each', () => {
    const addresses = [
      stay(BRADFORD, '2026-01-01', '2026-05-01'),
      stay(BRADFORD, '2026-03-01', '2026-08-01'), // overlaps the first by two months
      stay(LEEDS, '2026-02-01', '2026-09-01'), // at the same time, in another area
    ]
    const result = testLocalConnection(evidence({ addresses }), '2026-11-23')
    expect(area(result, BRADFORD).residence.daysInLastYear).toBe(212) // 1 January to 1 August
    expect(area(result, BRADFORD).residence.holds).toBe('6 of 12 months')
    expect(area(result, LEEDS).residence.daysInLastYear).toBe(212)
    expect(area(result, LEEDS).residence.holds).toBe('6 of 12 months')
  })

  it('does not count sleeping rough, which is not normal residence', () => {
    const addresses = [stay(TOWER_HAMLETS, '2025-01-01', undefined, { kind: 'rough-sleeping' })]
    expect(area(testLocalConnection(evidence({ addresses }), '2026-11-23'), TOWER_HAMLETS)).toMatchObject({ connected: false, residence: { daysInLastYear: 0 } })
  })

  it('does not count time in prison or hospital, which is not of their own choice', () => {
    const addresses = [stay(TOWER_HAMLETS, '2025-01-01', undefined, { kind: 'prison' })]
    expect(area(testLocalConnection(evidence({ addresses }), '2026-11-23'), TOWER_HAMLETS).connected).toBe(false)
    const chosen = [stay(TOWER_HAMLETS, '2025-01-01', undefined, { kind: 'prison', ofOwnChoice: 'yes' })]
    expect(area(testLocalConnection(evidence({ addresses: chosen }), '2026-11-23'), TOWER_HAMLETS).connected).toBe(true)
  })
})

describe('the residence test: 3 of the last 5 years', () => {
  it('adds up separate stays within the five years', () => {
    // Three years before 23/11/2026 is 1,096 days (it includes 29/02/2024).
    const enough = [stay(LEEDS, '2021-12-01', '2023-06-01'), stay(LEEDS, '2024-01-01', '2025-07-03')]
    const result = area(testLocalConnection(evidence({ addresses: enough }), '2026-11-23'), LEEDS)
    expect(result.residence.daysInLastYear).toBe(0)
    expect(result.residence.daysInLastFiveYears).toBe(1096)
    expect(result.residence.holds).toBe('3 of 5 years')
    const dayShort = [stay(LEEDS, '2021-12-01', '2023-06-01'), stay(LEEDS, '2024-01-01', '2025-07-02')]
    expect(area(testLocalConnection(evidence({ addresses: dayShort }), '2026-11-23'), LEEDS).residence.holds).toBe(false)
  })

  it('ignores what lies before the five years', () => {
    const addresses = [stay(LEEDS, '2015-01-01', '2022-06-01')]
    const result = area(testLocalConnection(evidence({ addresses }), '2026-11-23'), LEEDS)
    expect(result.residence.daysInLastFiveYears).toBe(190) // 23/11/2021 to 01/06/2022
    expect(result.residence.holds).toBe(false)
  })
})

describe('employment, family and special circumstances', () => {
  it('counts employment only while it lasts', () => {
    const current = evidence({ employment: [{ employer: 'Mill Lane Bakery', localAuthority: BRADFORD, from: '2026-01-05' }] })
    expect(area(testLocalConnection(current, '2026-11-23'), BRADFORD).connected).toBe(true)
    const ended = evidence({ employment: [{ employer: 'Mill Lane Bakery', localAuthority: BRADFORD, from: '2026-01-05', to: '2026-06-30' }] })
    expect(area(testLocalConnection(ended, '2026-11-23'), BRADFORD).connected).toBe(false)
  })

  it('counts close family who have lived there five years or more', () => {
    const family = evidence({ family: [{ relationship: 'sister', name: 'Marta', localAuthority: BRADFORD, years: 12 }] })
    expect(area(testLocalConnection(family, '2026-11-23'), BRADFORD).connected).toBe(true)
    const recent = evidence({ family: [{ relationship: 'sister', localAuthority: BRADFORD, years: 4 }] })
    expect(area(testLocalConnection(recent, '2026-11-23'), BRADFORD).connected).toBe(false)
    const distant = evidence({ family: [{ relationship: 'other', localAuthority: BRADFORD, years: 30 }] })
    expect(area(testLocalConnection(distant, '2026-11-23'), BRADFORD).connected).toBe(false)
  })

  it('counts special circumstances as recorded', () => {
    const special = evidence({ special: [{ localAuthority: LEEDS, description: 'treated for 20 years at the Leeds gender clinic' }] })
    expect(area(testLocalConnection(special, '2026-11-23'), LEEDS).connected).toBe(true)
  })
})

describe('the sentence for the covering letter', () => {
  it('states the basis of the connection in the terms of section 199', () => {
    const result = testLocalConnection(
      evidence({
        addresses: [stay(BRADFORD, '2026-01-02')],
        family: [{ relationship: 'sister', name: 'Marta', localAuthority: BRADFORD, years: 12 }],
      }),
      '2026-11-23',
    )
    expect(localConnectionSentence('Łukasz Wiśniewski', area(result, BRADFORD), '2026-11-23')).toBe(
      'Łukasz Wiśniewski has a local connection with Bradford under section 199 of the Housing Act 1996: they have lived there of their own choice for 10 months of the last 12 months; and their sister, Marta, has lived there for 12 years.',
    )
  })

  it('gives each reason its own subject, so the words after the colon read as a sentence', () => {
    const result = testLocalConnection(
      evidence({
        addresses: [stay(BRADFORD, '2021-06-01')],
        employment: [{ employer: 'Bradford Royal Infirmary', localAuthority: BRADFORD, from: '2025-03-01' }],
      }),
      '2026-11-23',
    )
    expect(localConnectionSentence('Emma Brown', area(result, BRADFORD), '2026-11-23')).toBe(
      'Emma Brown has a local connection with Bradford under section 199 of the Housing Act 1996: they have lived there of their own choice for 11 months of the last 12 months; and they work there, for Bradford Royal Infirmary, since 01/03/2025.',
    )
  })

  it('says plainly when there is none', () => {
    const result = testLocalConnection(evidence({ addresses: [stay(LEEDS, '2026-10-01')] }), '2026-11-23')
    expect(localConnectionSentence('Ana Pereira', area(result, LEEDS), '2026-11-23')).toBe(
      'On the evidence recorded as at 23/11/2026, Ana Pereira does not meet the local connection test for Leeds.',
    )
  })
})

describe('residenceDays', () => {
  it('clips periods to the window and merges overlaps', () => {
    expect(residenceDays([{ from: '2026-01-01', to: '2026-01-11' }, { from: '2026-01-05', to: '2026-01-21' }], '2026-01-01', '2026-12-31')).toBe(20)
    expect(residenceDays([{ from: '2025-12-01', to: '2026-01-11' }], '2026-01-01', '2026-12-31')).toBe(10)
    expect(residenceDays([{ from: '2026-02-01', to: '2026-01-01' }], '2026-01-01', '2026-12-31')).toBe(0)
  })
})
