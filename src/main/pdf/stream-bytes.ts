import { PDFStream } from '@cantoo/pdf-lib'

const STREAM = new TextEncoder().encode('\nstream\n')
const END_STREAM = new TextEncoder().encode('\nendstream')

/**
 * pdf-lib (@cantoo/pdf-lib 2.11) writes each stream's contents into a saved file one byte at a
 * time, in JavaScript. A pack carries megabytes of scans, and profiling found that loop the
 * costliest step of saving one (more than laying out its letter). This writes the same bytes in
 * the same places, the contents with one `set`. Loaded by the modules that save scans into a PDF
 * (`pack.ts`, `file-check.ts`); `tests/paperwork/stream-bytes.test.ts` checks it writes what
 * pdf-lib's own did, byte for byte.
 */
PDFStream.prototype.copyBytesInto = function copyBytesInto(this: PDFStream, buffer: Uint8Array, offset: number): number {
  this.updateDict()
  const initial = offset
  offset += this.dict.copyBytesInto(buffer, offset)
  buffer.set(STREAM, offset)
  offset += STREAM.length
  const contents = this.getContents()
  buffer.set(contents, offset)
  offset += contents.length
  buffer.set(END_STREAM, offset)
  offset += END_STREAM.length
  return offset - initial
}
