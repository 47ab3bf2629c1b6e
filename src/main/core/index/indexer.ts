import { EventEmitter } from 'node:events'
import * as Automerge from '@automerge/automerge'
import type { Repo } from '@automerge/automerge-repo'
import { CASE_KIND, readPlainCase, type CaseRecord } from '../../../shared/case/case-doc'
import { plainDocument, type PlainDocument } from '../../../shared/automerge/plain-document'
import { caseSearchText, summariseCase } from '../../../shared/case/summary'
import { boardFacts } from '../../../shared/board/board'
import type { ChangeJournal, SqliteStorageAdapter } from '../storage/sqlite-adapter'
import { DamagedDocumentError } from '../errors'
import { readCurrentPlain } from '../storage/stored-documents'
import { UnreadableCaseError } from '../../../shared/case/migrations'
import type { UnreadableCase } from '../../../shared/api'
import type { CaseIndex, IndexEntry } from './case-index'

/**
 * Keeps the case index in step with the documents: after each committed save it indexes the
 * documents the change journal names, one run at a time; it rebuilds the whole index on demand.
 * Documents the repo has in memory are read from there, others straight from disk and let go
 * (the repo's own way to let one go is unsafe: see stored-documents.ts).
 */
export class CaseIndexer {
  readonly #events = new EventEmitter<{ changed: [] }>()
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
   * receives thousands; committing each alone cost two disk flushes a case).
   */
  indexPending(): Promise<void> {
    return this.#queue(async () => {
      const pending = this.journal.pending()
      let changed = false
      for (let start = 0; start < pending.length; start += BATCH) {
        const batch = pending.slice(start, start + BATCH)
        const mark = this.journal.mark()
        const entries: IndexEntry[] = []
        const unreadable: UnreadableCase[] = []
        for (const id of batch) {
          if (this.isFile(id)) continue
          const entry = await this.#read(id, (doc) => this.#changedEntry(id, doc))
          if (entry && 'reason' in entry) unreadable.push(entry)
          else if (entry) entries.push(entry)
        }
        this.index.putMany(entries)
        this.index.markUnreadable(unreadable)
        this.journal.clearAll(batch, mark)
        changed = changed || entries.length > 0 || unreadable.length > 0
      }
      if (changed) this.#events.emit('changed')
    })
  }

  /** Indexes documents just written and still in hand (a bulk import), without reading them back. */
  indexLoaded(documents: { id: string; doc: Automerge.Doc<unknown> }[]): Promise<void> {
    // As they are now: one changed again before its turn comes stays pending.
    const mark = this.journal.mark()
    return this.#queue(async () => {
      this.index.putMany(documents.map(({ id, doc }) => indexEntry(id, plainDocument(doc))).filter((entry): entry is IndexEntry => entry !== undefined && !('reason' in entry)))
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
      const entries: IndexEntry[] = []
      const unreadable: UnreadableCase[] = []
      for (const id of this.caseIds()) {
        const entry = await this.#read(id, (doc) => indexEntry(id, doc))
        if (entry && 'reason' in entry) unreadable.push(entry)
        else if (entry) entries.push(entry)
      }
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

  /** Waits for indexing under way, then stops taking more. */
  async stop(): Promise<void> {
    this.#stopped = true
    await this.#running
  }

  /** Reads a document for the index; one whose bytes are damaged comes back as unreadable. */
  async #read(id: string, read: (doc: PlainDocument) => IndexEntry | UnreadableCase | undefined) {
    try {
      return await readCurrentPlain(this.repo, this.storage, id, read)
    } catch (error) {
      if (error instanceof DamagedDocumentError) return { id, reason: DamagedDocumentError.REASON }
      throw error
    }
  }

  #queue<T>(work: () => Promise<T>): Promise<T> {
    const run = this.#running.then(work)
    this.#running = run.catch(() => undefined)
    return run
  }

  /** A case document's index entry; undefined when it is not a case or already indexed as is. */
  #changedEntry(id: string, doc: PlainDocument): IndexEntry | UnreadableCase | undefined {
    const known = this.index.headsOf(id)
    if (known && sameHeads(known, doc.heads)) return undefined
    return indexEntry(id, doc)
  }
}

/** Documents indexed per transaction. */
const BATCH = 100

/**
 * What the index holds for a case document: its entry, or why it cannot be read (a case from a
 * newer version, or one that breaks the schema); undefined for documents that are not cases.
 */
function indexEntry(id: string, doc: PlainDocument): IndexEntry | UnreadableCase | undefined {
  if (doc.kind !== CASE_KIND) return undefined
  let record: CaseRecord
  try {
    record = readPlainCase(doc)
  } catch (error) {
    // The reason names a version or a field's path, never what is in it: no case data is kept.
    return { id, reason: error instanceof UnreadableCaseError ? error.message : 'it could not be read' }
  }
  return { summary: summariseCase(id, record), text: caseSearchText(record), board: boardFacts(record), heads: doc.heads, learningPoints: record.learningPoints }
}

function sameHeads(a: readonly string[], b: readonly string[]): boolean {
  if (a.length !== b.length) return false
  const sortedB = [...b].sort()
  return [...a].sort().every((head, i) => head === sortedB[i])
}
