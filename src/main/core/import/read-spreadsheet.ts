import { CsvError, parse } from 'csv-parse/sync'
import type { SheetRow } from '../../../shared/import/import-plan'
import { MAX_IMPORT_BYTES, MAX_IMPORT_ROWS } from '../../../shared/import/limits'
import { FileRefusedError } from '../errors'
import { spreadsheetText } from './spreadsheet-text'

export interface Spreadsheet {
  headings: string[]
  rows: SheetRow[]
}

/**
 * A CSV file's headings and rows, each row numbered as the spreadsheet shows it (the headings are
 * row 1; a cell with a line break in it is still one row). Every cell is text: nothing is worked
 * out, so a cell "=HYPERLINK(…)" is those characters. A file too big, or not a CSV file, is
 * refused whole in one line before anything is imported.
 */
export function readSpreadsheet(fileName: string, bytes: Uint8Array): Spreadsheet {
  if (bytes.length > MAX_IMPORT_BYTES) {
    throw new FileRefusedError(fileName, `the file is ${megabytes(bytes.length)}; a spreadsheet to import can be at most ${megabytes(MAX_IMPORT_BYTES)}`)
  }
  // An .xlsx file is a ZIP archive: said in words, rather than as a CSV of nonsense.
  if (bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04) {
    throw new FileRefusedError(fileName, 'this is an Excel workbook, not a CSV file: in Excel choose File, Save As, "CSV UTF-8", and import that')
  }
  let records: string[][]
  try {
    // One more than allowed is read, to know the file has too many without reading all of it.
    records = parse(spreadsheetText(bytes), { relax_column_count: true, to: MAX_IMPORT_ROWS + 2 })
  } catch (error) {
    if (error instanceof CsvError) throw new FileRefusedError(fileName, `this is not a CSV file Homeward can read (${error.message.replace(/^Invalid \w+ /, '')})`)
    throw error
  }
  const [headings, ...rest] = records
  if (!headings) throw new FileRefusedError(fileName, 'the file is empty: the first row should hold the column headings')
  if (rest.length > MAX_IMPORT_ROWS) {
    throw new FileRefusedError(fileName, `the file has more than ${MAX_IMPORT_ROWS.toLocaleString('en-GB')} rows; import it in parts of up to ${MAX_IMPORT_ROWS.toLocaleString('en-GB')}`)
  }
  return { headings, rows: rest.map((cells, index) => ({ row: index + 2, cells })) }
}

function megabytes(bytes: number): string {
  return `${(bytes / (1024 * 1024)).toLocaleString('en-GB', { maximumFractionDigits: 1 })} MB`
}
