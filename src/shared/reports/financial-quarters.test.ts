import { describe, expect, it } from 'vitest'
import { financialQuarters } from './financial-quarters'

describe('financial quarters', () => {
  it('splits a financial year into April to June, July to September, October to December and January to March', () => {
    expect(financialQuarters({ from: '2026-04-01', to: '2027-03-31' })).toEqual([
      { label: 'Q1 2026–27 (Apr–Jun 2026)', from: '2026-04-01', to: '2026-06-30' },
      { label: 'Q2 2026–27 (Jul–Sep 2026)', from: '2026-07-01', to: '2026-09-30' },
      { label: 'Q3 2026–27 (Oct–Dec 2026)', from: '2026-10-01', to: '2026-12-31' },
      { label: 'Q4 2026–27 (Jan–Mar 2027)', from: '2027-01-01', to: '2027-03-31' },
    ])
  })

  it('puts 31 March in the old year’s Q4 and 1 April in the new year’s Q1', () => {
    expect(financialQuarters({ from: '2027-03-31', to: '2027-04-01' }).map((q) => q.label)).toEqual([
      'Q4 2026–27 (Jan–Mar 2027, from 31/03)',
      'Q1 2027–28 (Apr–Jun 2027, to 01/04)',
    ])
  })

  it('says when the range covers only part of a quarter, and gives a one-day range its quarter', () => {
    expect(financialQuarters({ from: '2026-05-15', to: '2026-08-20' })).toEqual([
      { label: 'Q1 2026–27 (Apr–Jun 2026, from 15/05)', from: '2026-05-15', to: '2026-06-30' },
      { label: 'Q2 2026–27 (Jul–Sep 2026, to 20/08)', from: '2026-07-01', to: '2026-08-20' },
    ])
    expect(financialQuarters({ from: '2028-02-29', to: '2028-02-29' })).toEqual([{ label: 'Q4 2027–28 (Jan–Mar 2028, from 29/02 to 29/02)', from: '2028-02-29', to: '2028-02-29' }])
  })
})
