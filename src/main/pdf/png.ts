import { crc32, inflateSync } from 'node:zlib'

/**
 * Checks a PNG all the way through before it is embedded (pdf-lib can hang on a truncated PNG):
 * the signature, every chunk's checksum, an end chunk, the size in pixels, and image data that
 * decompresses to exactly the size the header promises (and no further: a small file can hold
 * data that would decompress to gigabytes).
 */
export interface PngInfo {
  width: number
  height: number
}

const SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]
/** Channels per pixel by PNG colour type: grey, RGB, palette, grey and alpha, RGBA. */
const CHANNELS: Record<number, number> = { 0: 1, 2: 3, 3: 1, 4: 2, 6: 4 }
/** Adam7 interlacing: each pass's first column and row, and its steps. */
const ADAM7 = [
  [0, 0, 8, 8],
  [4, 0, 8, 8],
  [0, 4, 4, 8],
  [2, 0, 4, 4],
  [0, 2, 2, 4],
  [1, 0, 2, 2],
  [0, 1, 1, 2],
] as const

export function checkPng(bytes: Uint8Array, maxPixels: number): { ok: true; info: PngInfo } | { ok: false; reason: string } {
  if (!SIGNATURE.every((byte, i) => bytes[i] === byte)) return { ok: false, reason: 'not a PNG image' }
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength)
  let offset = 8
  let header: (PngInfo & { bitsPerPixel: number; interlaced: boolean }) | undefined
  const data: Uint8Array[] = []
  while (offset + 12 <= bytes.length) {
    const length = view.getUint32(offset)
    const type = String.fromCharCode(...bytes.subarray(offset + 4, offset + 8))
    if (offset + 12 + length > bytes.length) return { ok: false, reason: 'the image is incomplete (cut short)' }
    const body = bytes.subarray(offset + 8, offset + 8 + length)
    if (crc32(bytes.subarray(offset + 4, offset + 8 + length)) !== view.getUint32(offset + 8 + length)) {
      return { ok: false, reason: 'the image is damaged (a checksum does not match)' }
    }
    if (type === 'IHDR' && length >= 13) {
      const width = view.getUint32(offset + 8)
      const height = view.getUint32(offset + 12)
      const channels = CHANNELS[body[9]!]
      if (!channels || width === 0 || height === 0) return { ok: false, reason: 'the image is damaged (its header is not valid)' }
      if (width * height > maxPixels) return { ok: false, reason: `the image is too large (${width} × ${height} pixels)` }
      header = { width, height, bitsPerPixel: channels * body[8]!, interlaced: body[12] === 1 }
    }
    if (type === 'IDAT') data.push(body)
    if (type === 'IEND') {
      if (!header || data.length === 0) return { ok: false, reason: 'the image has no picture data' }
      const expected = rawSize(header)
      try {
        const raw = inflateSync(Buffer.concat(data), { maxOutputLength: expected })
        if (raw.length !== expected) return { ok: false, reason: 'the image data is incomplete' }
      } catch {
        return { ok: false, reason: 'the image data is damaged' }
      }
      return { ok: true, info: { width: header.width, height: header.height } }
    }
    offset += 12 + length
  }
  return { ok: false, reason: 'the image is incomplete (cut short)' }
}

/** The bytes the image data decompresses to: each row of each pass, with its filter byte. */
function rawSize({ width, height, bitsPerPixel, interlaced }: PngInfo & { bitsPerPixel: number; interlaced: boolean }): number {
  const rows = (w: number, h: number) => (w > 0 && h > 0 ? h * (Math.ceil((w * bitsPerPixel) / 8) + 1) : 0)
  if (!interlaced) return rows(width, height)
  return ADAM7.reduce((sum, [x0, y0, dx, dy]) => sum + rows(Math.ceil((width - x0) / dx), Math.ceil((height - y0) / dy)), 0)
}
