import { describe, expect, it } from 'vitest'
import { columnLetters, mapColumns, MappingError } from './column-mapping'

describe('which field each column of a spreadsheet fills', () => {
  it("maps a column headed as a field's name or label by itself, whatever its case, spacing or punctuation", () => {
    const { columns, unknown } = mapColumns(['Client name', 'DATE_OF_BIRTH', 'chain number', "Referrer's name", 'referring organisation', 'Key worker'])
    expect(columns.map(({ field }) => field)).toEqual(['clientName', 'dateOfBirth', 'chainNumber', 'referrerName', 'outreachTeam', null])
    expect(unknown).toEqual(['Key worker'])
  })

  it("takes the person's choice of field, by name or label, and leaves out a column chosen as null without listing it", () => {
    const { columns, unknown } = mapColumns(['Name', 'DOB', 'Notes'], { Name: 'clientName', DOB: 'Date of birth', Notes: null })
    expect(columns).toEqual([
      { column: 'Name', field: 'clientName', by: 'chosen' },
      { column: 'DOB', field: 'dateOfBirth', by: 'chosen' },
      { column: 'Notes', field: null, by: 'chosen' },
    ])
    expect(unknown).toEqual([])
  })

  it('names a column with no heading by its letters, so its words are not lost unseen', () => {
    expect(mapColumns(['Client name', '', ' ']).unknown).toEqual(['column B', 'column C'])
    expect([0, 25, 26, 27, 701, 702].map(columnLetters)).toEqual(['A', 'Z', 'AA', 'AB', 'ZZ', 'AAA'])
  })

  it('refuses, in one line, a mapping that names no field or no column, and two columns for one field', () => {
    expect(() => mapColumns(['Name'], { Name: 'Shoe size' })).toThrow(new MappingError('the mapping puts "Name" into "Shoe size", which is not a field of the referral'))
    expect(() => mapColumns(['Name'], { Nom: 'clientName' })).toThrow('the mapping names a column "Nom" that is not in the file')
    expect(() => mapColumns(['Client name', 'Name'], { Name: 'clientName' })).toThrow('"Client name" and "Name" would both fill "Client name": choose one')
    expect(() => mapColumns(['Notes', 'Notes'])).toThrow('the file has two columns headed "Notes"')
  })
})
