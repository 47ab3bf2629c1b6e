import { crc32, inflateSync } from 'node:zlib'

/**
 * Checks a PNG all the way through before it is embedded (pdf-lib can hang on a truncated PNG):
 * the signature, every chunk's checksum, an end chunk, and image data that decompresses whole.
 */
export interface PngInfo {
  width: number
  height: number
}

const SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]

export function checkPng(bytes: Uint8Array): { ok: true; info: PngInfo } | { ok: false; reason: string } {
  if (!SIGNATURE.every((byte, i) => bytes[i] === byte)) return { ok: false, reason: 'not a PNG image' }
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength)
  let offset = 8
  let info: PngInfo | undefined
  const data: Uint8Array[] = []
  while (offset + 12 <= bytes.length) {
    const length = view.getUint32(offset)
    const type = String.fromCharCode(...bytes.subarray(offset + 4, offset + 8))
    if (offset + 12 + length > bytes.length) return { ok: false, reason: 'the image is incomplete (cut short)' }
    const body = bytes.subarray(offset + 8, offset + 8 + length)
    if (crc32(bytes.subarray(offset + 4, offset + 8 + length)) !== view.getUint32(offset + 8 + length)) {
      return { ok: false, reason: 'the image is damaged (a checksum does not match)' }
    }
    if (type === 'IHDR') info = { width: view.getUint32(offset + 8), height: view.getUint32(offset + 12) }
    if (type === 'IDAT') data.push(body)
    if (type === 'IEND') {
      if (!info || data.length === 0) return { ok: false, reason: 'the image has no picture data' }
      try {
        inflateSync(Buffer.concat(data))
      } catch {
        return { ok: false, reason: 'the image data is damaged' }
      }
      return { ok: true, info }
    }
    offset += 12 + length
  }
  return { ok: false, reason: 'the image is incomplete (cut short)' }
}
