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

/**
 * The JPEG with only what drawing it needs. pdf-lib puts a JPEG's bytes into the PDF as they are,
 * so without this a phone photo's EXIF (where it was taken, the camera, the owner's name, a
 * thumbnail of the original picture), its XMP and IPTC, comments and whatever the phone appended
 * after the image would all travel to the council. Kept: the tables, frame and scans, restart
 * markers, and the JFIF APP0 and Adobe APP14 segments (they say how the colours are coded, which
 * decoding needs), JFIF's without the thumbnail it can carry. Dropped: every other APPn segment
 * (APP2 can hold a second picture), COM segments, and anything after the end marker. Read the orientation (`readJpeg`) before stripping:
 * EXIF is where it is recorded. Throws on a JPEG it cannot follow to its end marker, rather than
 * pass on bytes it has not cleaned.
 */
export function stripJpegMetadata(bytes: Uint8Array): Uint8Array {
  if (bytes[0] !== 0xff || bytes[1] !== 0xd8) throw new Error('Not a JPEG')
  const kept: Uint8Array[] = [bytes.subarray(0, 2)]
  let offset = 2
  while (offset + 2 <= bytes.length) {
    if (bytes[offset] !== 0xff) throw new Error('JPEG marker expected')
    const marker = bytes[offset + 1]!
    if (marker === 0xff) {
      offset++ // fill byte
      continue
    }
    if (marker === 0xd9) {
      kept.push(bytes.subarray(offset, offset + 2))
      return joined(bytes, kept)
    }
    if ((marker >= 0xd0 && marker <= 0xd7) || marker === 0x01) {
      kept.push(bytes.subarray(offset, offset + 2)) // restart markers and TEM stand alone
      offset += 2
      continue
    }
    if (offset + 4 > bytes.length) break
    const end = offset + 2 + ((bytes[offset + 2]! << 8) | bytes[offset + 3]!)
    if (end > bytes.length) break
    const isApp = marker >= 0xe0 && marker <= 0xef
    const isAdobe = marker === 0xee && ascii(bytes, offset + 4, 5) === 'Adobe'
    if (marker === 0xe0 && end - offset >= 18 && ascii(bytes, offset + 4, 5) === 'JFIF\0') {
      // Length 16: the identifier, version, units and density, then a thumbnail of 0 × 0 (as it is, if it is so already).
      const bare = end - offset === 18 && bytes[offset + 16] === 0 && bytes[offset + 17] === 0
      kept.push(bare ? bytes.subarray(offset, end) : new Uint8Array([0xff, 0xe0, 0, 16, ...bytes.subarray(offset + 4, offset + 16), 0, 0]))
    } else if ((!isApp || isAdobe) && marker !== 0xfe) {
      kept.push(bytes.subarray(offset, end))
    }
    offset = end
    if (marker === 0xda) {
      // The scan's entropy-coded data runs to the next marker that is not a stuffed 00 or a restart.
      // Found by looking only at each 0xFF (Buffer's indexOf, memchr): a photo's scan is megabytes.
      const scan = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)
      let next = scan.indexOf(0xff, offset)
      while (next !== -1 && next + 1 < bytes.length && (bytes[next + 1] === 0x00 || (bytes[next + 1]! >= 0xd0 && bytes[next + 1]! <= 0xd7))) next = scan.indexOf(0xff, next + 1)
      if (next === -1 || next + 1 >= bytes.length) next = bytes.length - 1
      kept.push(bytes.subarray(offset, next))
      offset = next
    }
  }
  throw new Error('The JPEG ends before its end marker')
}

/**
 * The parts as one array, copied once; or, when they are the whole of `source` in order (a JPEG
 * with nothing to strip, as a scanner's or pdf-lib's usually is), `source` itself, uncopied.
 */
function joined(source: Uint8Array, parts: Uint8Array[]): Uint8Array {
  let next = source.byteOffset
  const whole = parts.every((part) => {
    const follows = part.buffer === source.buffer && part.byteOffset === next
    next += part.length
    return follows
  })
  if (whole && next === source.byteOffset + source.length) return source
  const out = new Uint8Array(parts.reduce((sum, part) => sum + part.length, 0))
  let at = 0
  for (const part of parts) {
    out.set(part, at)
    at += part.length
  }
  return out
}
