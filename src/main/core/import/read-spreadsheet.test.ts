import { describe, expect, it } from 'vitest'
import { MAX_IMPORT_BYTES, MAX_IMPORT_ROWS } from '../../../shared/import/limits'
import { readSpreadsheet } from './read-spreadsheet'

const utf8 = (text: string) => new TextEncoder().encode(text)

describe("reading a spreadsheet's rows from a CSV file's bytes", () => {
  it('reads Excel\'s "CSV UTF-8", byte order mark and all, numbering rows as the spreadsheet does', () => {
    const bytes = new Uint8Array([0xef, 0xbb, 0xbf, ...utf8('Client name,Notes\r\nZoë,"paid £5, said \u201cthanks\u201d"\r\n')])
    expect(readSpreadsheet('caseload.csv', bytes)).toEqual({
      headings: ['Client name', 'Notes'],
      rows: [{ row: 2, cells: ['Zoë', 'paid £5, said \u201cthanks\u201d'] }],
    })
  })

  it('reads a Windows-1252 file (Excel\'s plain "CSV"): ë, £, €, a dash and curly quotes as single bytes', () => {
    // "Client name,Notes\r\nZoë,£5 “thanks” – €3\r\n" as Windows-1252 writes it.
    const notes = [0xa3, ...utf8('5 '), 0x93, ...utf8('thanks'), 0x94, 0x20, 0x96, 0x20, 0x80, 0x33]
    const bytes = new Uint8Array([...utf8('Client name,Notes\r\nZo'), 0xeb, 0x2c, ...notes, 0x0d, 0x0a])
    expect(readSpreadsheet('caseload.csv', bytes).rows).toEqual([{ row: 2, cells: ['Zoë', '£5 \u201cthanks\u201d \u2013 €3'] }])
  })

  it('keeps a cell with a line break in one row, and a formula-looking cell as its characters', () => {
    const { rows } = readSpreadsheet('caseload.csv', utf8('Client name,Notes\n"Ann","line one\nline two"\nBob,"=HYPERLINK(""http://x"",""y"")"\n'))
    expect(rows).toEqual([
      { row: 2, cells: ['Ann', 'line one\nline two'] },
      { row: 3, cells: ['Bob', '=HYPERLINK("http://x","y")'] },
    ])
  })

  it('refuses in one line a file too big, too many rows, a workbook, an empty file, or one that is not CSV', () => {
    expect(() => readSpreadsheet('big.csv', new Uint8Array(MAX_IMPORT_BYTES + 1))).toThrow('big.csv: the file is 5 MB; a spreadsheet to import can be at most 5 MB')
    const many = utf8(`Client name\n${'Ann\n'.repeat(MAX_IMPORT_ROWS + 1)}`)
    expect(() => readSpreadsheet('many.csv', many)).toThrow('many.csv: the file has more than 5,000 rows; import it in parts of up to 5,000')
    expect(readSpreadsheet('just.csv', utf8(`Client name\n${'Ann\n'.repeat(MAX_IMPORT_ROWS)}`)).rows).toHaveLength(MAX_IMPORT_ROWS)
    expect(() => readSpreadsheet('book.xlsx', new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0]))).toThrow('book.xlsx: this is an Excel workbook, not a CSV file')
    expect(() => readSpreadsheet('empty.csv', new Uint8Array())).toThrow('empty.csv: the file is empty: the first row should hold the column headings')
    expect(() => readSpreadsheet('broken.csv', utf8('Client name\n"Ann\n'))).toThrow(/^broken\.csv: this is not a CSV file Homeward can read \(.+\)$/)
  })
})
