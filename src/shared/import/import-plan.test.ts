import { describe, expect, it } from 'vitest'
import { mapColumns } from './column-mapping'
import { planImport, rowValues, type ExistingCase } from './import-plan'

const TODAY = '2026-11-30'
const HEADINGS = ['Client name', 'Date of birth', 'CHAIN number', "Referrer's name", 'Referring organisation', 'Do they have ID?', 'Why referred']
const mapping = mapColumns(HEADINGS, { 'Why referred': 'whyReferred' })
const nobody = (): ExistingCase[] => []

describe('checking a spreadsheet of referrals as the referral form checks one', () => {
  it('takes dates as DD/MM/YYYY or YYYY-MM-DD and an answer by its label, and keeps a formula-looking cell as text', () => {
    const plan = planImport(
      [
        { row: 2, cells: ['Zoë Adams', '27/03/1985', '1001', 'Sam Reed', 'Camden Outreach', 'Not known', '=HYPERLINK("http://x","y")'] },
        { row: 3, cells: ['Dan Lee', '1990-01-02', '', 'Sam Reed', 'Camden Outreach', 'yes', ''] },
      ],
      mapping,
      TODAY,
      nobody,
    )
    expect(plan.refused).toEqual([])
    expect(plan.referrals.map(({ row, clientName }) => [row, clientName])).toEqual([
      [2, 'Zoë Adams'],
      [3, 'Dan Lee'],
    ])
    expect(plan.referrals[0]!.values).toMatchObject({ dateOfBirth: '27/03/1985', hasId: 'unknown', whyReferred: '=HYPERLINK("http://x","y")' })
  })

  it("refuses a row by its number with the form's own words, naming the file's column", () => {
    const plan = planImport(
      [
        { row: 2, cells: ['', '31/02/1985', 'ABC', 'Sam Reed', 'Camden Outreach', 'perhaps', ''] },
        { row: 4, cells: ['Ann Bell', '01/01/2099', '', 'Sam Reed', 'Camden Outreach', '', ''] },
      ],
      mapping,
      TODAY,
      nobody,
    )
    expect(plan.referrals).toEqual([])
    expect(plan.refused).toEqual([
      {
        row: 2,
        reason:
          "Client name: Enter the client's name; Date of birth: 31/02/1985 is not a real date; CHAIN number: CHAIN number must be digits only, for example 123456; Do they have ID?: Choose do they have ID?",
      },
      { row: 4, reason: 'Date of birth: "Date of birth" (01/01/2099) cannot be in the future' },
    ])
  })

  it('refuses a row whose dates a case could not hold, in the words of the case file rules', () => {
    const withDate = mapColumns(['Client name', 'Date of birth', "Referrer's name", 'Referring organisation', 'Date of referral'])
    const plan = planImport([{ row: 2, cells: ['Ann Bell', '01/01/1990', 'Sam Reed', 'Camden Outreach', '01/01/1980'] }], withDate, TODAY, nobody)
    expect(plan.refused).toEqual([{ row: 2, reason: '"Date of referral" (01/01/1980) cannot be before Ann\'s date of birth (01/01/1990)' }])
  })

  it('flags a row that may be a case already, or an earlier row of the file, instead of adding it', () => {
    const existing = (identity: { chainNumber?: string | null }): ExistingCase[] => (identity.chainNumber === '1001' ? [{ id: 'case-1', clientName: 'Zoe Adams' }] : [])
    const plan = planImport(
      [
        { row: 2, cells: ['Zoë Adams', '27/03/1985', '1001', 'Sam Reed', 'Camden Outreach', '', ''] },
        { row: 3, cells: ['Dan Lee', '02/01/1990', '', 'Sam Reed', 'Camden Outreach', '', ''] },
        { row: 5, cells: ['DAN LEE', '1990-01-02', '', 'Jo Price', 'Camden Outreach', '', ''] },
      ],
      mapping,
      TODAY,
      existing,
    )
    expect(plan.referrals.map(({ row }) => row)).toEqual([3])
    expect(plan.duplicates).toEqual([
      { row: 2, clientName: 'Zoe Adams', caseId: 'case-1' },
      { row: 5, clientName: 'DAN LEE', sameAsRow: 3 },
    ])
  })

  it('skips blank rows and lists the unknown columns that hold something', () => {
    const withExtra = mapColumns([...HEADINGS, 'Key worker', 'Spare'], { 'Why referred': 'whyReferred' })
    const plan = planImport(
      [
        { row: 2, cells: ['Dan Lee', '02/01/1990', '', 'Sam Reed', 'Camden Outreach', '', '', 'Priya', ''] },
        { row: 3, cells: ['', '', '', '', '', '', '', '', ''] },
      ],
      withExtra,
      TODAY,
      nobody,
    )
    expect(plan.refused).toEqual([])
    expect(plan.unknownColumns).toEqual(['Key worker'])
    expect(rowValues(['Dan Lee', '02/01/1990'], withExtra)).toEqual({ clientName: 'Dan Lee', dateOfBirth: '02/01/1990' })
  })
})
