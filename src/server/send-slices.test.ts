import { describe, expect, it } from 'vitest'
import { SendSlices, SLICE_BYTES, SLICE_CHUNKS } from './send-slices'

/** Whether something queued for the event loop before `read` ran before `read` resolved. */
async function otherWorkRan(read: () => Promise<void>): Promise<boolean> {
  let ran = false
  setImmediate(() => (ran = true))
  await read()
  return ran
}

describe('a connection’s reads, in slices', () => {
  it('lets other work run once every SLICE_CHUNKS chunks read, and not before', async () => {
    const slices = new SendSlices()
    for (let i = 1; i < SLICE_CHUNKS; i++) expect(await otherWorkRan(() => slices.read(100))).toBe(false)
    expect(await otherWorkRan(() => slices.read(100))).toBe(true)
    // A new slice begins.
    expect(await otherWorkRan(() => slices.read(100))).toBe(false)
  })

  it('lets other work run after SLICE_BYTES, however few the chunks', async () => {
    const slices = new SendSlices()
    expect(await otherWorkRan(() => slices.read(SLICE_BYTES / 2))).toBe(false)
    expect(await otherWorkRan(() => slices.read(SLICE_BYTES / 2))).toBe(true)
    // One chunk larger than a slice (a scan) is a slice of its own.
    expect(await otherWorkRan(() => slices.read(SLICE_BYTES * 20))).toBe(true)
  })
})
