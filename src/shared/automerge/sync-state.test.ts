import * as Automerge from '@automerge/automerge/slim'
import { describe, expect, it } from 'vitest'
import { peerHasAllChanges } from './sync-state'

describe('peerHasAllChanges', () => {
  const base = Automerge.from<{ notes: string[] }>({ notes: [] })
  const ours = Automerge.change(Automerge.clone(base), (d) => void d.notes.push('ours'))

  it('is false until the peer reports our latest heads', () => {
    expect(peerHasAllChanges(ours, undefined)).toBe(false)
    expect(peerHasAllChanges(ours, Automerge.getHeads(base))).toBe(false)
    expect(peerHasAllChanges(ours, Automerge.getHeads(ours))).toBe(true)
  })

  it('when the peer is ahead of us, says so once their newer change reaches us', () => {
    const theirs = Automerge.change(Automerge.clone(ours), (d) => void d.notes.push('theirs'))
    // Their head is a change we do not have: it may or may not build on ours, so not yet.
    expect(peerHasAllChanges(ours, Automerge.getHeads(theirs))).toBe(false)
    const caughtUp = Automerge.merge(Automerge.clone(ours), theirs)
    expect(peerHasAllChanges(caughtUp, Automerge.getHeads(theirs))).toBe(true)
  })

  it('is false when the peer has a concurrent change but not ours', () => {
    const theirs = Automerge.change(Automerge.clone(base), (d) => void d.notes.push('theirs'))
    expect(peerHasAllChanges(ours, Automerge.getHeads(theirs))).toBe(false)
    const merged = Automerge.merge(Automerge.clone(ours), theirs)
    expect(peerHasAllChanges(merged, Automerge.getHeads(theirs))).toBe(false)
    expect(peerHasAllChanges(ours, Automerge.getHeads(merged))).toBe(true)
  })
})
