import * as Automerge from '@automerge/automerge'
import { describe, expect, it } from 'vitest'
import { newToTheTeam } from './outbox'

type Notes = { notes: string[] }

function noteTexts(chunks: Uint8Array[]): string[] {
  let doc = Automerge.init<Notes>()
  for (const chunk of chunks) doc = Automerge.loadIncremental(doc, chunk)
  return [...(doc.notes ?? [])].sort()
}

describe('what of a saved chunk is new to the team', () => {
  const received = Automerge.from<Notes>({ notes: ['From the server.'] })
  const receivedBytes = Automerge.save(received)

  it('sends an incremental chunk as it is, and a document saved whole for the first time whole', () => {
    const edited = Automerge.change(Automerge.clone(received), (doc) => doc.notes.push('Mine.'))
    const incremental = Automerge.saveSince(edited, Automerge.getHeads(received))
    expect(newToTheTeam(false, incremental, () => [receivedBytes])).toBe(incremental)
    expect(newToTheTeam(true, receivedBytes, () => [])).toBe(receivedBytes)
  })

  it('takes from a whole save only the changes the stored chunks lack', () => {
    const edited = Automerge.change(Automerge.clone(received), (doc) => doc.notes.push('Mine.'))
    const whole = Automerge.save(edited)
    const sent = newToTheTeam(true, whole, () => [receivedBytes])!
    expect(sent.byteLength).toBeLessThan(whole.byteLength)
    expect(sent).toEqual(Automerge.saveSince(edited, Automerge.getHeads(received)))
    expect(noteTexts([receivedBytes, sent])).toEqual(['From the server.', 'Mine.'])
  })

  it('sends nothing when a whole save holds nothing new', () => {
    expect(newToTheTeam(true, receivedBytes, () => [receivedBytes])).toBeUndefined()
  })

  it('still sends the new work when a chunk stored meanwhile is not in the whole save', () => {
    const mine = Automerge.change(Automerge.clone(received), (doc) => doc.notes.push('Mine.'))
    const theirs = Automerge.change(Automerge.clone(received, { actor: 'bbbb' }), (doc) => doc.notes.push('Theirs, stored meanwhile.'))
    const theirChunk = Automerge.saveSince(theirs, Automerge.getHeads(received))
    const sent = newToTheTeam(true, Automerge.save(mine), () => [receivedBytes, theirChunk])!
    expect(noteTexts([receivedBytes, theirChunk, sent])).toEqual(['From the server.', 'Mine.', 'Theirs, stored meanwhile.'])
    expect(sent).toEqual(Automerge.saveSince(mine, Automerge.getHeads(received)))
  })
})
