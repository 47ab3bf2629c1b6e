import { describe, expect, it } from 'vitest'
import type { CaseRecord } from '../case/record'
import { newCase, read } from '../../../tests/support/cases'
import { demographics } from './demographics'

const base = read(newCase())
const make = (id: string, dateOfBirth: string | undefined, equality: Partial<CaseRecord['equality']>) => {
  const record = JSON.parse(JSON.stringify(base)) as CaseRecord
  if (dateOfBirth) record.referral.dateOfBirth = dateOfBirth
  else delete (record.referral as { dateOfBirth?: string }).dateOfBirth
  record.equality = equality as CaseRecord['equality']
  return { id, record }
}

describe('demographics from the equality monitoring answers', () => {
  const cases = [
    make('A', '2002-06-01', { gender: 'man', ethnicity: 'white-irish', disability: 'prefer-not-to-say' }),
    make('B', '1980-01-01', { gender: 'woman', ethnicity: 'prefer-not-to-say', disability: 'yes' }),
    make('C', undefined, { gender: 'prefer-not-to-say', ageBand: '45-54', disability: 'not-asked' }),
    make('D', undefined, { gender: 'man' }),
  ]
  const found = demographics(cases, () => '2026-05-31')
  const question = (name: string) => found.find((d) => d.question === name)!.answers.map((a) => [a.label, a.caseIds])

  it('counts "Prefer not to say" as its own row and a blank or "Not asked" as "Not asked", both last', () => {
    expect(question('Gender')).toEqual([
      ['Woman', ['B']],
      ['Man', ['A', 'D']],
      ['Prefer not to say', ['C']],
    ])
    expect(question('Disability or long-term health condition')).toEqual([
      ['Yes', ['B']],
      ['Prefer not to say', ['A']],
      ['Not asked', ['C', 'D']],
    ])
    expect(question('Ethnic group')).toEqual([
      ['White: Irish', ['A']],
      ['Prefer not to say', ['B']],
      ['Not asked', ['C', 'D']],
    ])
  })

  it('takes the age band from the date of birth on the day given, else as recorded', () => {
    // A is 23 on the day (24 the day after); B's band comes from the date of birth, C's as recorded.
    expect(question('Age band at referral')).toEqual([
      ['18 to 24', ['A']],
      ['45 to 54', ['B', 'C']],
      ['Not asked', ['D']],
    ])
  })
})
