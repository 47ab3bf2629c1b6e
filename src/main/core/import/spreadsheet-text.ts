/**
 * A spreadsheet file's bytes as text. Excel saves "CSV UTF-8" with a byte order mark, and plain
 * "CSV" in Windows-1252 (Zoë, £, curly quotes as single bytes): a BOM means UTF-8, bytes that are
 * valid UTF-8 are UTF-8, anything else is read as Windows-1252, never as broken characters.
 */
export function spreadsheetText(bytes: Uint8Array): string {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return new TextDecoder('utf-8').decode(bytes.subarray(3))
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes)
  } catch {
    return windows1252(bytes)
  }
}

/**
 * Node 20's TextDecoder('windows-1252') reads bytes 0x80 to 0x9F as Latin-1's invisible control
 * characters (nodejs/node#56542), losing the curly quotes, dashes and € Excel writes there; those
 * 27 bytes are put right from the encoding's own table (the WHATWG index). The 5 bytes it leaves
 * undefined stay as they are, as every decoder leaves them.
 */
function windows1252(bytes: Uint8Array): string {
  return new TextDecoder('windows-1252').decode(bytes).replace(/[\u0080-\u009f]/g, (c1) => WINDOWS_1252_C1[c1.charCodeAt(0) - 0x80] || c1)
}

const WINDOWS_1252_C1 = [
  '€', '', '‚', 'ƒ', '„', '…', '†', '‡', 'ˆ', '‰', 'Š', '‹', 'Œ', '', 'Ž', '',
  '', '\u2018', '\u2019', '\u201c', '\u201d', '•', '–', '—', '˜', '™', 'š', '›', 'œ', '', 'ž', 'Ÿ',
]
