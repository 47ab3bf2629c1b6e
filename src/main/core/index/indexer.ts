import { EventEmitter } from 'node:events'
import type * as Automerge from '@automerge/automerge'
import type { DocumentId, Repo } from '@automerge/automerge-repo'
import type { ChangeJournal, SqliteStorageAdapter } from '../storage/sqlite-adapter'
import { storedBytes } from '../storage/stored-documents'
import type { UnreadableCase } from '../../../shared/api'
import type { CaseIndex, IndexEntry } from './case-index'
import { changedEntry, indexEntry, type IndexReading } from './index-entry'
import { EntryReaders } from './entry-readers'

/**
 * Keeps the case index in step with the documents: after each committed save it indexes the
 * documents the change journal names, one run at a time; it rebuilds the whole index on demand.
 * Documents the repo has in memory are read from there, others straight from disk and let go
 * (the repo's own way to let one go is unsafe: see stored-documents.ts), many at once in reader
 * threads (entry-readers.ts).
 */
export class CaseIndexer {
  readonly #events = new EventEmitter<{ changed: [] }>()
  readonly #readers = new EntryReaders()
  #running: Promise<unknown> = Promise.resolve()
  #scheduled = false
  #stopped = false

  constructor(
    private readonly repo: Repo,
    private readonly storage: SqliteStorageAdapter,
    private readonly journal: ChangeJournal,
    private readonly index: CaseIndex,
    private readonly caseIds: () => string[],
    /** Documents known to hold scanned files: large, and never cases, so not read. */
    private readonly isFile: (id: string) => boolean = () => false,
  ) {}

  onChanged(listener: () => void): () => void {
    this.#events.on('changed', listener)
    return () => this.#events.off('changed', listener)
  }

  /** Indexes soon: called after every committed save. */
  schedule(): void {
    if (this.#scheduled || this.#stopped) return
    this.#scheduled = true
    setImmediate(() => {
      this.#scheduled = false
      if (!this.#stopped) void this.indexPending()
    })
  }

  /**
   * Indexes every document the journal says changed on disk, a batch at a time: each batch's
   * entries go into the index in one transaction and leave the journal in one (a fresh laptop
   * receives thousands; committing each alone cost two disk flushes a case). The next batch is
   * read (in the reader thread) while this one is written.
   */
  indexPending(): Promise<void> {
    return this.#queue(async () => {
      const pending = this.journal.pending()
      const batches = Array.from({ length: Math.ceil(pending.length / BATCH) }, (_, i) => pending.slice(i * BATCH, (i + 1) * BATCH))
      let changed = false
      let reading = batches[0] && this.#readBatch(batches[0])
      try {
        for (const [i, batch] of batches.entries()) {
          const { mark, entries, unreadable } = await reading!
          reading = batches[i + 1] && this.#readBatch(batches[i + 1]!)
          this.index.putMany(entries)
          this.index.markUnreadable(unreadable)
          this.journal.clearAll(batch, mark)
          changed = changed || entries.length > 0 || unreadable.length > 0
        }
      } finally {
        // Cut off by a failure: a read still under way is not waited for (its documents stay pending).
        void reading?.catch(() => undefined)
        if (changed) this.#events.emit('changed')
      }
    })
  }

  /** Reads a batch of changed documents, with where the journal was before they were read (see `clearAll`). */
  async #readBatch(batch: string[]): Promise<{ mark: number; entries: IndexEntry[]; unreadable: UnreadableCase[] }> {
    const mark = this.journal.mark()
    return { mark, ...(await this.#readAll(batch.filter((id) => !this.isFile(id)), { changedOnly: true })) }
  }

  /** Indexes documents just written and still in hand (a bulk import), without reading them back. */
  indexLoaded(documents: { id: string; doc: Automerge.Doc<unknown> }[]): Promise<void> {
    // As they are now: one changed again before its turn comes stays pending.
    const mark = this.journal.mark()
    return this.#queue(async () => {
      this.index.putMany(documents.map(({ id, doc }) => indexEntry(id, doc)).filter((entry): entry is IndexEntry => entry !== undefined && !('reason' in entry)))
      this.journal.clearAll(
        documents.map(({ id }) => id),
        mark,
      )
      this.#events.emit('changed')
    })
  }

  /**
   * Builds the index again from every case document, and swaps it in whole: a rebuild cut off
   * part way leaves the index marked incomplete, so the next opening starts it again.
   */
  rebuild(): Promise<number> {
    return this.#queue(async () => {
      const { entries, unreadable } = await this.#readAll(this.caseIds(), { changedOnly: false })
      this.index.replaceAll(entries, unreadable)
      this.#events.emit('changed')
      return entries.length
    })
  }

  /**
   * Cases the team lists again, or newly: those not in the index (taken out when a change unlisted
   * them, which the server then put back) are read again. One not on disk yet is simply not found,
   * and is indexed when it arrives.
   */
  relist(ids: readonly string[]): Promise<void> {
    if (ids.length === 0) return Promise.resolve()
    // In turn after any `forget` before it, so a case taken out and put back is found missing.
    return this.#queue(async () => {
      const missing = ids.filter((id) => this.index.headsOf(id) === undefined)
      this.journal.noteAll(missing)
      if (missing.length > 0) this.schedule()
    })
  }

  /** Takes cases the team no longer lists out of the index (after what is under way). */
  forget(ids: readonly string[]): Promise<void> {
    if (ids.length === 0) return Promise.resolve()
    return this.#queue(async () => {
      this.index.remove(ids)
      this.#events.emit('changed')
    })
  }

  /** This many documents are about to arrive (a laptop catching up): the reader threads start now, not when the first have arrived. */
  expect(count: number): void {
    if (!this.#stopped) this.#readers.expect(count)
  }

  /** Waits for indexing under way, then stops taking more. */
  async stop(): Promise<void> {
    this.#stopped = true
    await this.#running
    await this.#readers.stop()
  }

  /** How many reader threads are running (for the tests). */
  get readerThreads(): number {
    return this.#readers.threads
  }

  /**
   * Reads documents for the index, a batch at a time: those the repo holds from its copy, the rest
   * from their stored bytes, in the reader threads. With `changedOnly`, one the index holds at its
   * heads already gives nothing. A document not on disk yet gives nothing: it is indexed when it arrives.
   */
  async #readAll(ids: readonly string[], { changedOnly }: { changedOnly: boolean }): Promise<{ entries: IndexEntry[]; unreadable: UnreadableCase[] }> {
    const entries: IndexEntry[] = []
    const unreadable: UnreadableCase[] = []
    for (let start = 0; start < ids.length; start += BATCH) {
      const stored: { id: string; bytes: Uint8Array; known: readonly string[] | undefined }[] = []
      const readings: IndexReading[] = []
      for (const id of ids.slice(start, start + BATCH)) {
        const known = changedOnly ? this.index.headsOf(id) : undefined
        const handle = this.repo.handles[id as DocumentId]
        if (handle?.isReady()) readings.push(changedEntry(id, handle.doc() as Automerge.Doc<unknown>, known))
        else {
          const bytes = await storedBytes(this.storage, id)
          if (bytes) stored.push({ id, bytes, known })
        }
      }
      readings.push(...(await this.#readers.readAll(stored)))
      for (const reading of readings) {
        if (reading && 'reason' in reading) unreadable.push(reading)
        else if (reading) entries.push(reading)
      }
    }
    return { entries, unreadable }
  }

  #queue<T>(work: () => Promise<T>): Promise<T> {
    const run = this.#running.then(work)
    this.#running = run.catch(() => undefined)
    return run
  }
}

/** Documents indexed per transaction, and read at once. */
const BATCH = 100
