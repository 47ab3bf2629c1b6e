/**
 * What the pack needs from a JPEG without decoding it: its size, whether it is complete, and the
 * EXIF orientation phones record instead of turning the pixels (1 upright; 3 upside down; 6 and 8
 * turned; 2, 4, 5 and 7 mirrored).
 */
export interface JpegInfo {
  width: number
  height: number
  orientation: number
  complete: boolean
}

export function readJpeg(bytes: Uint8Array): JpegInfo | undefined {
  if (bytes[0] !== 0xff || bytes[1] !== 0xd8) return undefined
  let width = 0
  let height = 0
  let orientation = 1
  let offset = 2
  while (offset + 4 <= bytes.length) {
    if (bytes[offset] !== 0xff) return undefined
    const marker = bytes[offset + 1]!
    if (marker === 0xff) {
      offset++ // fill byte
      continue
    }
    if (marker === 0xd9) break
    const length = (bytes[offset + 2]! << 8) | bytes[offset + 3]!
    const segment = offset + 4
    if (marker === 0xe1 && length > 8 && ascii(bytes, segment, 6) === 'Exif\0\0') {
      orientation = exifOrientation(bytes, segment + 6, offset + 2 + length) ?? 1
    }
    // SOF0 to SOF15, except DHT (C4), JPG (C8) and DAC (CC), carry the frame size.
    if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc) {
      height = (bytes[segment + 1]! << 8) | bytes[segment + 2]!
      width = (bytes[segment + 3]! << 8) | bytes[segment + 4]!
    }
    if (marker === 0xda) {
      // Entropy-coded data follows; the image is complete if an end marker comes after it.
      return { width, height, orientation, complete: hasEndMarker(bytes, segment + length - 2) }
    }
    offset += 2 + length
  }
  return { width, height, orientation, complete: false }
}

function hasEndMarker(bytes: Uint8Array, from: number): boolean {
  // Phones sometimes append data after the image; the end marker is then not the last bytes.
  for (let i = bytes.length - 2; i >= from; i--) if (bytes[i] === 0xff && bytes[i + 1] === 0xd9) return true
  return false
}

function ascii(bytes: Uint8Array, start: number, length: number): string {
  return String.fromCharCode(...bytes.subarray(start, start + length))
}

/** Tag 0x0112 of the first image directory, in either byte order. */
function exifOrientation(bytes: Uint8Array, tiff: number, end: number): number | undefined {
  if (tiff + 8 > end) return undefined
  const little = ascii(bytes, tiff, 2) === 'II'
  const u16 = (at: number) => (little ? bytes[at]! | (bytes[at + 1]! << 8) : (bytes[at]! << 8) | bytes[at + 1]!)
  const u32 = (at: number) => (little ? u16(at) + u16(at + 2) * 65536 : u16(at) * 65536 + u16(at + 2))
  const directory = tiff + u32(tiff + 4)
  if (directory + 2 > end) return undefined
  const entries = u16(directory)
  for (let i = 0; i < entries; i++) {
    const entry = directory + 2 + i * 12
    if (entry + 12 > end) return undefined
    if (u16(entry) === 0x0112) {
      const value = u16(entry + 8)
      return value >= 1 && value <= 8 ? value : undefined
    }
  }
  return undefined
}

/** Orientations 5 to 8 turn the picture a quarter: its width and height swap on the page. */
export function isQuarterTurn(orientation: number): boolean {
  return orientation >= 5 && orientation <= 8
}
