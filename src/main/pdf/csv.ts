/** The byte order mark that tells Excel a CSV file is UTF-8 (without it, "Zoë" arrives as "ZoÃ«"). */
const BOM = '\uFEFF'

/**
 * A CSV file that opens cleanly in Excel: UTF-8 with a byte order mark, CRLF line ends, every cell
 * quoted where it must be. A cell a spreadsheet would run as a formula (starting =, +, -, @, a tab
 * or a carriage return: CSV injection) is prefixed with an apostrophe, which shows it as typed.
 * Numbers are left as numbers.
 */
export function csvFile(rows: readonly (readonly (string | number)[])[]): Uint8Array {
  const text = rows.map((row) => row.map(cell).join(',')).join('\r\n')
  return new TextEncoder().encode(`${BOM}${text}\r\n`)
}

function cell(value: string | number): string {
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : ''
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value
  return /[",\r\n]/.test(safe) || safe !== safe.trim() ? `"${safe.replaceAll('"', '""')}"` : safe
}
