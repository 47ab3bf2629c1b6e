import { crc32, deflateSync } from 'node:zlib'
import type { TeamImage } from '../../../shared/team/settings'

const WIDTH = 320
const HEIGHT = 96
const INK = [0x1b, 0x2a, 0x4a] as const
const PEN = 1.7

/**
 * A made-up signature for a sample person, drawn from their name: a hump of the pen for each
 * letter (tall for a capital or a letter with an ascender, dipping for one with a descender), a
 * lift between words. Each sample person signs differently, as people do: one image for everyone
 * would make a letter look signed by someone who did not sign it. A PNG with a transparent ground.
 */
export function sampleSignature(name: string): TeamImage {
  const words = name.split(/\s+/).filter(Boolean)
  const strokes = words.map((word) => [...word].map((letter) => ({ height: letterHeight(letter), width: 9 + (letter.codePointAt(0)! % 7) })))
  const length = strokes.flat().reduce((sum, letter) => sum + letter.width, 0) + (strokes.length - 1) * 14
  const scale = Math.min(1.5, (WIDTH - 40) / length)
  const alpha = new Float32Array(WIDTH * HEIGHT)
  const baseline = HEIGHT * 0.68
  let x = 16
  for (const word of strokes) {
    for (const letter of word) {
      const width = letter.width * scale
      for (let t = 0; t <= 1; t += 0.25 / (width + 3 * Math.abs(letter.height))) {
        const y = baseline - letter.height * Math.sin(Math.PI * t)
        // A forward slant, as handwriting leans.
        dot(alpha, x + width * t + (baseline - y) * 0.3, y)
      }
      x += width
    }
    x += 14 * scale
  }
  // The underline most signatures end with.
  for (let u = 12; u < x; u += 0.5) dot(alpha, u, baseline + 8 - (u / x) * 4)
  return { mediaType: 'image/png', bytes: png(alpha) }
}

/** How far the pen rises (or, below the line, falls) for a letter, in pixels. */
function letterHeight(letter: string): number {
  if (/\p{Lu}/u.test(letter)) return 40
  if (/[bdfhklt]/.test(letter)) return 32
  if (/[gjpqy]/.test(letter)) return -18
  return 16
}

/** Inks a round pen's width around a point, its edge softened. */
function dot(alpha: Float32Array, cx: number, cy: number): void {
  for (let y = Math.floor(cy - PEN - 1); y <= Math.ceil(cy + PEN + 1); y++) {
    for (let x = Math.floor(cx - PEN - 1); x <= Math.ceil(cx + PEN + 1); x++) {
      if (x < 0 || y < 0 || x >= WIDTH || y >= HEIGHT) continue
      const cover = Math.min(1, Math.max(0, PEN + 0.5 - Math.hypot(x - cx, y - cy)))
      alpha[y * WIDTH + x] = Math.max(alpha[y * WIDTH + x]!, cover)
    }
  }
}

/** An 8-bit RGBA PNG of the ink. */
function png(alpha: Float32Array): Uint8Array {
  const rows = Buffer.alloc(HEIGHT * (1 + WIDTH * 4))
  for (let y = 0; y < HEIGHT; y++) {
    const row = y * (1 + WIDTH * 4)
    for (let x = 0; x < WIDTH; x++) {
      rows.set([...INK, Math.round(alpha[y * WIDTH + x]! * 255)], row + 1 + x * 4)
    }
  }
  const header = Buffer.alloc(13)
  header.writeUInt32BE(WIDTH, 0)
  header.writeUInt32BE(HEIGHT, 4)
  header.set([8, 6, 0, 0, 0], 8)
  return new Uint8Array(Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', header), chunk('IDAT', deflateSync(rows)), chunk('IEND', Buffer.alloc(0))]))
}

function chunk(type: string, body: Buffer): Buffer {
  const head = Buffer.alloc(8)
  head.writeUInt32BE(body.length, 0)
  head.write(type, 4, 'latin1')
  const crc = Buffer.alloc(4)
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), body])), 0)
  return Buffer.concat([head, body, crc])
}
