import { describe, expect, it } from 'vitest'
import { csvFile } from './csv'

describe('CSV for Excel', () => {
  it('starts with a byte order mark, ends lines with CRLF, and quotes what needs quoting', () => {
    const bytes = csvFile([
      ['Client', 'Notes', 'Amount'],
      ['Zoë O’Brien', 'Said "yes", then\nleft', 42.5],
    ])
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf])
    expect(new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes)).toBe('\uFEFFClient,Notes,Amount\r\nZoë O’Brien,"Said ""yes"", then\nleft",42.5\r\n')
  })

  it('never leaves a cell a spreadsheet would run as a formula', () => {
    const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(csvFile([['=HYPERLINK("http://x","y")', '+44 20', '-1', '@SUM(A1)', '\tTab', 'Plain', -3]]))
    expect(text).toBe('\uFEFF"\'=HYPERLINK(""http://x"",""y"")",\'+44 20,\'-1,\'@SUM(A1),\'\tTab,Plain,-3\r\n')
  })
})
