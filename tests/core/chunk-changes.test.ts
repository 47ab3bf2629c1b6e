import * as Automerge from '@automerge/automerge'
import { describe, expect, it } from 'vitest'
import { changesInChunk, isWholeChunk } from '../../src/node/chunk-changes'
import { compress } from '../support/raw-sync'

function twoLaptops() {
  const base = Automerge.from<Record<string, unknown>>({ notes: 'first' })
  const before = Automerge.getHeads(base)
  let doc = Automerge.clone(base)
  doc = Automerge.change(doc, { message: 'a note' }, (d) => {
    d.notes = 'x'.repeat(5000)
  })
  // A second laptop's concurrent change: a document with two heads.
  const other = Automerge.change(Automerge.clone(doc), (d) => {
    d.other = true
  })
  doc = Automerge.merge(
    Automerge.change(doc, (d) => {
      d.mine = true
    }),
    other,
  )
  return { base, doc, before }
}

describe('changesInChunk', () => {
  it('names each change of an incremental chunk by its Automerge hash, without decoding it', () => {
    const { doc, before } = twoLaptops()
    const incremental = Automerge.saveSince(doc, before)
    const expected = Automerge.getChangesMetaSince(doc, before).map((change) => change.hash)
    expect(changesInChunk(incremental)).toEqual(expected.map((hash) => ({ hash, andBefore: false })))
    expect(expected).toHaveLength(3)
  })

  it('names a whole document by its heads, each standing for every change before it', () => {
    const { doc } = twoLaptops()
    const found = changesInChunk(Automerge.save(doc))
    expect(found.map((change) => change.hash).sort()).toEqual([...Automerge.getHeads(doc)].sort())
    expect(found.every((change) => change.andBefore)).toBe(true)
  })

  it('reads a document followed by changes in one chunk', () => {
    const { base, doc, before } = twoLaptops()
    const found = changesInChunk(Buffer.concat([Automerge.save(base), Automerge.saveSince(doc, before)]))
    expect(found[0]).toEqual({ hash: before[0], andBefore: true })
    expect(found.slice(1).map((change) => change.hash)).toEqual(Automerge.getChangesMetaSince(doc, before).map((change) => change.hash))
  })

  it('gives nothing for bytes that are not Automerge, and never throws', () => {
    for (const garbage of [new Uint8Array(), new Uint8Array([0x85, 0x6f, 0x4a, 0x83]), new Uint8Array(1000).fill(0xff), new TextEncoder().encode('not a change')]) {
      expect(changesInChunk(garbage)).toEqual([])
    }
  })

  it('stops at a damaged or cut-off change: what came before it is still read, nothing after', () => {
    const { doc, before } = twoLaptops()
    const incremental = Automerge.saveSince(doc, before)
    const [first] = changesInChunk(incremental)
    // The second change starts where the magic bytes come again.
    const second = incremental.findIndex((byte, i) => i > 0 && byte === 0x85 && incremental[i + 1] === 0x6f && incremental[i + 2] === 0x4a && incremental[i + 3] === 0x83)
    const damaged = incremental.slice()
    damaged[second + 20] = damaged[second + 20]! ^ 0xff
    expect(changesInChunk(damaged)).toEqual([first])
    expect(changesInChunk(incremental.subarray(0, incremental.length - 1))).toHaveLength(2)
    expect(changesInChunk(Automerge.save(doc).subarray(0, 60))).toEqual([])
  })

  it('reads no further than a compressed change, which Automerge never saves', () => {
    const { doc, before } = twoLaptops()
    const [first, second] = Automerge.getChangesSince(doc, before)
    expect(changesInChunk(Buffer.concat([first!, compress(second!)]))).toEqual([{ hash: Automerge.decodeChange(first!).hash, andBefore: false }])
  })

  it('tells whole chunks from bytes with anything after them, or cut short', () => {
    const { doc, before } = twoLaptops()
    const incremental = Automerge.saveSince(doc, before)
    expect(isWholeChunk(incremental)).toBe(true)
    expect(isWholeChunk(Automerge.save(doc))).toBe(true)
    // Automerge reads a compressed change; the server keeps none (no laptop saves one).
    expect(isWholeChunk(compress(Automerge.getChangesSince(doc, before)[0]!))).toBe(false)
    expect(isWholeChunk(Buffer.concat([incremental, Buffer.from('hidden bytes')]))).toBe(false)
    expect(isWholeChunk(incremental.subarray(0, incremental.length - 1))).toBe(false)
    expect(isWholeChunk(new Uint8Array())).toBe(false)
  })
})
