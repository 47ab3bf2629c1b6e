import { sha256Hex } from './crypto'

/** A change a chunk holds, by its hash. */
export interface ChunkChange {
  hash: string
  /** A document's head: stands for itself and every change before it. */
  andBefore: boolean
}

const MAGIC = [0x85, 0x6f, 0x4a, 0x83]
const HEAD_BYTES = 32

/**
 * Which changes a chunk from the team's server holds, read from its framing alone: no change is
 * decoded and no document loaded, because every chunk a laptop receives passes through here.
 *
 * A chunk is one or more Automerge chunks, one after another, each: the magic bytes 85 6f 4a 83,
 * a 4-byte checksum (the first 4 bytes of the SHA-256 of what follows it), a type byte (0 a whole
 * document, 1 a change, 2 a compressed change), the body's length (uLEB128), the body.
 * - A change's hash is the SHA-256 of its type, length and body: computed here, not decoded.
 * - A document's body starts with its actors (a count, then each a length and bytes) and then its
 *   heads (a count, then 32 bytes each). A document holds its heads and every change before them.
 * Automerge never saves a change compressed, and the server keeps no upload holding one (see
 * `isWholeChunk`), so reading stops there, as at anything that does not read as a chunk: what
 * follows is left unattested, never attested wrongly. Nothing here throws.
 */
export function changesInChunk(data: Uint8Array): ChunkChange[] {
  return scan(data).changes
}

/**
 * Whether bytes are Automerge chunks as Automerge saves them and nothing else: every one whole,
 * its checksum right, none compressed. The server keeps only such uploads: Automerge itself passes
 * over bytes after a good chunk (they would reach every laptop unread), and a compressed change is
 * never what a laptop saves (inflating one to check it would let a small upload cost the server
 * minutes).
 */
export function isWholeChunk(data: Uint8Array): boolean {
  return data.length > 0 && scan(data).complete
}

function scan(data: Uint8Array): { changes: ChunkChange[]; complete: boolean } {
  const found: ChunkChange[] = []
  let at = 0
  while (at < data.length) {
    if (!MAGIC.every((byte, i) => data[at + i] === byte)) break
    const type = data[at + 8]
    const length = uleb(data, at + 9)
    if ((type !== 0 && type !== 1) || !length || length.next + length.value > data.length) break
    const end = length.next + length.value
    const hash = sha256Hex(data.subarray(at + 8, end))
    if (hash.slice(0, 8) !== hex(data.subarray(at + 4, at + 8))) break
    if (type === 1) found.push({ hash, andBefore: false })
    else found.push(...headsOf(data, length.next, end).map((head) => ({ hash: head, andBefore: true })))
    at = end
  }
  return { changes: found, complete: at === data.length }
}

/** A document's heads, from its body (`start` to `end`). */
function headsOf(data: Uint8Array, start: number, end: number): string[] {
  const actors = uleb(data, start)
  if (!actors) return []
  let at = actors.next
  for (let i = 0; i < actors.value; i++) {
    const length = uleb(data, at)
    if (!length || length.next + length.value > end) return []
    at = length.next + length.value
  }
  const count = uleb(data, at)
  if (!count || count.next + count.value * HEAD_BYTES > end) return []
  return Array.from({ length: count.value }, (_, i) => hex(data.subarray(count.next + i * HEAD_BYTES, count.next + (i + 1) * HEAD_BYTES)))
}

/** An unsigned LEB128 number at `at`, and where the next field starts; undefined if it runs off the end. */
function uleb(data: Uint8Array, at: number): { value: number; next: number } | undefined {
  let value = 0
  for (let shift = 0; at < data.length && shift < 49; shift += 7) {
    const byte = data[at++]!
    value += (byte & 0x7f) * 2 ** shift
    if ((byte & 0x80) === 0) return { value, next: at }
  }
  return undefined
}

function hex(bytes: Uint8Array): string {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('hex')
}
