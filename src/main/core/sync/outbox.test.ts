import { randomBytes } from 'node:crypto'
import { join } from 'node:path'
import * as Automerge from '@automerge/automerge'
import { afterEach, describe, expect, it } from 'vitest'
import { tempDir } from '../../../../tests/support/temp-dir'
import { openSqlite } from '../../../node/sqlite'
import { newToTheTeam, SyncOutbox } from './outbox'

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

describe('this laptop’s own changes the server has not stored', () => {
  const cleanups: (() => void)[] = []
  afterEach(() => cleanups.splice(0).reverse().forEach((cleanup) => cleanup()))

  function outbox(): SyncOutbox {
    const dir = tempDir('outbox')
    const db = openSqlite(join(dir.path, 'homeward.sqlite'), { key: randomBytes(32) })
    cleanups.push(dir.remove, () => db.close())
    const made = new SyncOutbox(db)
    made.enabled = true
    return made
  }

  const start = Automerge.from<Notes>({ notes: [] })
  const first = Automerge.change(Automerge.clone(start), (doc) => doc.notes.push('First.'))
  const second = Automerge.change(Automerge.clone(first), (doc) => doc.notes.push('Second.'))
  const changeOf = (doc: Automerge.Doc<Notes>) => ({ hash: Automerge.getHeads(doc)[0]!, andBefore: false })

  it('keeps each change’s hash until the server stores it, and after it refuses it, until the document is forgotten', () => {
    const box = outbox()
    box.record('doc-1', Automerge.saveSince(first, Automerge.getHeads(start)))
    box.record('doc-1', Automerge.saveSince(second, Automerge.getHeads(first)))
    expect(box.unstoredChanges('doc-1')).toEqual([changeOf(first), changeOf(second)])
    const [stored, refused] = box.after(0, 2)
    box.remove(stored!.id)
    box.refused(refused!.id)
    expect(box.size()).toBe(0)
    expect(box.unstoredChanges('doc-1')).toEqual([changeOf(second)])
    box.forget(['doc-1'])
    expect(box.unstoredChanges('doc-1')).toEqual([])
  })

  it('keeps a whole document made here as its heads with everything before them, and nothing of what it sends again for others', () => {
    const box = outbox()
    box.recordAll([{ documentId: 'doc-1', data: Automerge.save(second) }], { madeHere: true })
    box.recordAll([{ documentId: 'doc-2', data: Automerge.save(second) }], { madeHere: false })
    expect(box.unstoredChanges('doc-1')).toEqual([{ hash: Automerge.getHeads(second)[0]!, andBefore: true }])
    expect(box.unstoredChanges('doc-2')).toEqual([])
    box.clear()
    expect(box.unstoredChanges('doc-1')).toEqual([])
  })
})
