import { randomUUID } from 'node:crypto'
import * as Automerge from '@automerge/automerge'
import { describe, expect, it } from 'vitest'
import { newCaseDoc } from '../../../shared/case/case-doc'
import { EntryReaders } from './entry-readers'
import { entryFromBytes } from './index-entry'
import { referral } from '../../../../tests/support/people'

const author = { id: 'member-derek', name: 'Derek Hall' }

function storedCase(clientName: string): { id: string; bytes: Uint8Array; known: undefined } {
  const id = randomUUID()
  const doc = Automerge.from(newCaseDoc(referral({ clientName }) as never, { id, author, now: new Date('2026-11-23T10:00:00Z'), today: '2026-11-23' }))
  return { id, bytes: Automerge.save(doc), known: undefined }
}

describe('the index’s reader threads', () => {
  it('read in a thread what the main thread would, and a read left waiting when the threads stop is done on the main thread: none is lost', async () => {
    const readers = new EntryReaders()
    const documents = Array.from({ length: 12 }, (_, i) => storedCase(`Client ${i}`))
    try {
      const read = readers.readAll(documents)
      expect(readers.threads).toBe(1)
      const entries = await read
      expect(entries[3]).toMatchObject({ summary: { id: documents[3]!.id, clientName: 'Client 3', phase: 'identify' } })
      expect(entries).toEqual(documents.map(({ id, bytes }) => entryFromBytes(id, bytes, undefined)))

      // Stopped with reads waiting (the laptop closing mid-catch-up): each is read here instead.
      const waiting = readers.readAll(documents)
      await readers.stop()
      expect(await waiting).toEqual(documents.map(({ id, bytes }) => entryFromBytes(id, bytes, undefined)))
      expect(readers.threads).toBe(0)
    } finally {
      await readers.stop()
    }
  })
})
