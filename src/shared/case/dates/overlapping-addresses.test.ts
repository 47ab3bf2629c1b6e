import { describe, expect, it } from 'vitest'
import { overlappingAddresses } from './overlapping-addresses'

const TODAY = '2026-11-23'

describe('overlapping addresses', () => {
  it('warns of two addresses at once, naming both with their dates', () => {
    expect(
      overlappingAddresses(
        {
          b: { address: '3 Mill Lane, Leeds', from: '2021-01-01' },
          a: { address: '12 High Street, Bradford', from: '2020-01-01', to: '2021-06-01' },
        },
        TODAY,
      ),
    ).toEqual([
      '12 High Street, Bradford (from 01/01/2020 until 01/06/2021) and 3 Mill Lane, Leeds (from 01/01/2021) overlap: check the dates (two places at once is rare)',
    ])
  })

  it('counts an address with no end as lived at until today', () => {
    expect(overlappingAddresses({ a: { address: 'A', from: '2020-01-01' }, b: { address: 'B', from: '2026-01-01' } }, TODAY)).toHaveLength(1)
  })

  it('does not warn of a move on the day the last stay ended, or of stays apart', () => {
    const apart = {
      a: { address: 'A', from: '2020-01-01', to: '2021-01-01' },
      b: { address: 'B', from: '2021-01-01', to: '2022-01-01' },
      c: { address: 'C', from: '2023-01-01' },
    }
    expect(overlappingAddresses(apart, TODAY)).toEqual([])
  })
})
